package no.forlop.ingest.pull;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.springframework.util.FileSystemUtils;

/**
 * A real FHIR R4 server for the pull connector's tests: HAPI's plain {@link RestfulServer} in an
 * embedded Tomcat on a free port, with in-memory resources of the types Forløp reads. Like a real
 * server it stamps every write with a new version and its own {@code meta.lastUpdated} (its own
 * clock: one second a write from 2025-01-01 08:00 UTC), and its searches support {@code
 * _lastUpdated} and paging ({@code _count}, {@code next} links).
 */
final class FhirTestServer implements AutoCloseable {

  private static final List<Class<? extends Resource>> TYPES =
      List.of(
          Patient.class,
          Organization.class,
          ServiceRequest.class,
          Task.class,
          Encounter.class,
          ImagingStudy.class,
          Procedure.class,
          ClinicalImpression.class,
          Condition.class,
          QuestionnaireResponse.class,
          Medication.class,
          MedicationAdministration.class,
          Appointment.class,
          EpisodeOfCare.class);

  private final Tomcat tomcat;
  private final Path baseDir;
  private final Map<String, Map<String, Resource>> stored = new ConcurrentHashMap<>();
  private final List<String> searches = new CopyOnWriteArrayList<>();
  private final Set<String> failing = ConcurrentHashMap.newKeySet();
  private Instant clock = Instant.parse("2025-01-01T08:00:00Z");

  private FhirTestServer(Tomcat tomcat, Path baseDir) {
    this.tomcat = tomcat;
    this.baseDir = baseDir;
  }

  static FhirTestServer start() {
    try {
      var baseDir = Files.createTempDirectory("fhir-test-server");
      var tomcat = new Tomcat();
      tomcat.setBaseDir(baseDir.toString());
      tomcat.setPort(0);
      var server = new FhirTestServer(tomcat, baseDir);
      var fhir = new RestfulServer(FhirContext.forR4Cached());
      fhir.setResourceProviders(
          TYPES.stream().map(type -> (IResourceProvider) server.new Provider(type)).toList());
      fhir.setPagingProvider(new FifoMemoryPagingProvider(100));
      var context = tomcat.addContext("", baseDir.toString());
      Tomcat.addServlet(context, "fhir", fhir);
      context.addServletMappingDecoded("/fhir/*", "fhir");
      tomcat.getConnector();
      tomcat.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (LifecycleException e) {
      throw new IllegalStateException(e);
    }
  }

  String baseUrl() {
    return "http://localhost:" + tomcat.getConnector().getLocalPort() + "/fhir";
  }

  /** Creates or updates resources, each with the next version and a new lastUpdated. */
  synchronized void put(Resource... resources) {
    for (var resource : resources) {
      var type = resource.fhirType();
      var id = resource.getIdElement().getIdPart();
      var previous = stored.computeIfAbsent(type, t -> new LinkedHashMap<>()).get(id);
      var version = previous == null ? 1 : Integer.parseInt(previous.getMeta().getVersionId()) + 1;
      clock = clock.plus(Duration.ofSeconds(1));
      var copy = resource.copy();
      copy.setId(id);
      copy.getMeta().setVersionId(Integer.toString(version));
      copy.getMeta().setLastUpdatedElement(new InstantType(Date.from(clock)));
      stored.get(type).put(id, copy);
    }
  }

  /** A stored resource's meta.lastUpdated, as the server writes it. */
  synchronized String lastUpdated(String type, String id) {
    return stored.get(type).get(id).getMeta().getLastUpdatedElement().getValueAsString();
  }

  /** The query strings of the searches asked of one type, in order. */
  List<String> searchesOf(String type) {
    return searches.stream()
        .filter(s -> s.startsWith(type + "?"))
        .map(s -> s.substring(type.length() + 1))
        .toList();
  }

  /** Makes searches of a type fail with 500, as a server under strain does. */
  void failing(String type, boolean fail) {
    if (fail) {
      failing.add(type);
    } else {
      failing.remove(type);
    }
  }

  @Override
  public void close() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
    FileSystemUtils.deleteRecursively(baseDir.toFile());
  }

  /** Searches one resource type, oldest change first. */
  public final class Provider implements IResourceProvider {

    private final Class<? extends Resource> type;

    Provider(Class<? extends Resource> type) {
      this.type = type;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return type;
    }

    @Search
    public List<IBaseResource> search(
        @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
        HttpServletRequest request) {
      var name = type.getSimpleName();
      searches.add(name + "?" + request.getQueryString());
      if (failing.contains(name)) {
        throw new InternalErrorException("the " + name + " index is being rebuilt");
      }
      List<Resource> all;
      synchronized (FhirTestServer.this) {
        all = new ArrayList<>(stored.getOrDefault(name, Map.of()).values());
      }
      return all.stream()
          .filter(r -> lastUpdated == null || within(lastUpdated, r.getMeta().getLastUpdated()))
          .sorted(Comparator.comparing(r -> r.getMeta().getLastUpdated()))
          .map(IBaseResource.class::cast)
          .toList();
    }
  }

  private static boolean within(DateRangeParam range, Date at) {
    var lower = range.getLowerBound();
    if (lower != null && lower.getValue() != null) {
      var bound = lower.getValue();
      var prefix = lower.getPrefix() == null ? ParamPrefixEnum.EQUAL : lower.getPrefix();
      var ok =
          switch (prefix) {
            case GREATERTHAN, STARTS_AFTER -> at.after(bound);
            default -> !at.before(bound);
          };
      if (!ok) {
        return false;
      }
    }
    var upper = range.getUpperBound();
    if (upper != null && upper.getValue() != null) {
      var bound = upper.getValue();
      var prefix = upper.getPrefix() == null ? ParamPrefixEnum.EQUAL : upper.getPrefix();
      return switch (prefix) {
        case LESSTHAN, ENDS_BEFORE -> at.before(bound);
        default -> !at.after(bound);
      };
    }
    return true;
  }
}

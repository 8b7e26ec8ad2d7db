package no.forlop.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.model.api.annotation.ResourceDef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.NotDone;
import no.forlop.coding.SourceRef;
import no.forlop.ingest.fhir.Delivery.Accepted;
import no.forlop.ingest.fhir.Delivery.Ignored;
import no.forlop.ingest.fhir.Delivery.Item;
import no.forlop.ingest.fhir.Delivery.Rejected;
import no.forlop.ingest.fhir.DeliveryLayout.Found;
import no.forlop.ingest.fhir.DeliveryLayout.Settled;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Understands one delivery of FHIR R4 from the EHR (a Bundle of type collection, transaction or
 * batch, a single resource, or NDJSON) and what became of each resource in it: the fact it states,
 * or why it was rejected or ignored. Each resource is parsed on its own, so one malformed resource
 * never stops the others. Thread-safe.
 */
public final class FhirDeliveryReader {

  private static final Logger LOG = LoggerFactory.getLogger(FhirDeliveryReader.class);

  /** What a resource type looks like (FHIR's are letters, starting with a capital). */
  private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");

  private final FhirContext fhir;
  private final ResourceParser parser;
  private final Map<String, ResourceTranslator<?>> translators;

  public FhirDeliveryReader() {
    this.fhir = FhirContext.forR4Cached();
    this.parser = new ResourceParser(fhir);
    this.translators =
        List.<ResourceTranslator<?>>of(
                new PatientTranslator(),
                new OrganizationTranslator(),
                new ServiceRequestTranslator(),
                new TaskTranslator(),
                new EncounterTranslator(),
                new ImagingStudyTranslator(),
                new ProcedureTranslator(),
                new ClinicalImpressionTranslator(),
                new ConditionTranslator(),
                new QuestionnaireResponseTranslator(),
                new MedicationTranslator(),
                new MedicationAdministrationTranslator(),
                new AppointmentTranslator(),
                new EpisodeOfCareTranslator())
            .stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    translator -> resourceType(translator.resourceClass()), Function.identity()));
  }

  /**
   * A resource class's type name from its {@code @ResourceDef}, as HAPI names it, without making
   * HAPI scan the class's whole definition now: that happens when a resource of the type is first
   * parsed, so a replay pays only for the types its files hold (ADR 0033).
   */
  private String resourceType(Class<? extends Resource> type) {
    var definition = type.getAnnotation(ResourceDef.class);
    return definition != null && !definition.name().isEmpty()
        ? definition.name()
        : fhir.getResourceType(type);
  }

  /** The resource types Forløp reads (and the FHIR endpoint takes one at a time), sorted. */
  public SortedSet<String> resourceTypes() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(translators.keySet()));
  }

  /**
   * Reads a delivery.
   *
   * @param bytes a FHIR Bundle or resource in JSON, or NDJSON (one resource a line, blank lines
   *     ignored), in UTF-8
   * @return one item per resource, in input order
   * @throws UnreadableDeliveryException when the delivery is no JSON or NDJSON at all, or a JSON
   *     document that is neither a Bundle nor a resource
   */
  public Delivery read(byte[] bytes) {
    return read(DeliveryLayout.of(bytes));
  }

  /**
   * Reads a stretch of an NDJSON file, e.g. one chunk of a bulk import: each line on its own (a
   * stretch of one line is still NDJSON, and a stretch where no line can be read is not unreadable
   * as a whole: each of its lines is rejected), with reasons that name the line's number in the
   * whole file.
   *
   * @param firstLine the number of the stretch's first line in the file (1 for the first line)
   * @return one item per resource, in input order
   */
  public Delivery readLines(byte[] ndjson, long firstLine) {
    return read(DeliveryLayout.ofLines(ndjson, firstLine));
  }

  private Delivery read(DeliveryLayout.Layout layout) {
    var references = new References(layout.aliases());
    var items = new ArrayList<Item>();
    for (var part : layout.parts()) {
      if (part instanceof Settled settled) {
        items.add(settled.item());
      } else if (part instanceof Found found) {
        items.add(read(found, references));
      }
    }
    return new Delivery(items);
  }

  private Item read(Found found, References references) {
    var position = found.position();
    var type = DeliveryLayout.stringAt(found.resource(), "resourceType");
    if (type == null || !RESOURCE_TYPE.matcher(type).matches()) {
      var check = ResourceChecks.problem(found.resource(), Positions.phrase(position));
      if (check != null) {
        return new Rejected(position, position, check, found.json());
      }
      return new Rejected(
          position,
          position,
          type == null
              ? IntakeReason.of("NO_RESOURCE_TYPE", Positions.phrase(position))
              : IntakeReason.of("INVALID_RESOURCE_TYPE", Positions.phrase(position)),
          found.json());
    }
    var id = found.resource().path("id");
    var idIsValid = !id.isString() || ResourceChecks.isId(id.stringValue());
    var checked =
        ResourceChecks.problem(
            found.resource(),
            idIsValid ? displayPhrase(type, found) : Positions.of(type, position));
    if (checked != null) {
      var source = idIsValid ? displayOf(type, found) : type + " in " + position;
      return new Rejected(source, position, checked, found.json());
    }
    var key = keyOf(type, found);
    if (key == null) {
      var source = type + " in " + position;
      var where = Positions.of(type, position);
      return new Rejected(
          source,
          position,
          found.fullUrl() != null && References.isUrn(found.fullUrl())
              ? IntakeReason.of("INVALID_FULL_URL", where)
              : IntakeReason.of("NO_ID", where),
          found.json());
    }
    var display = References.isUrn(key) ? type + "/" + key : key;
    var translator = translators.get(type);
    if (translator == null) {
      return fhir.getResourceTypes().contains(type)
          ? new Ignored(display, position, IntakeReason.of("TYPE_NOT_READ", display, type))
          : new Rejected(
              display,
              position,
              IntakeReason.of("UNKNOWN_RESOURCE_TYPE", display, type),
              found.json());
    }
    try {
      var event = translate(translator, found, key, display, references);
      if (event instanceof NotDone notDone) {
        // nothing happened, but the version must replace an earlier one that said it did; why it
        // was not done is kept (a patient who declined may stop a cancer pathway)
        return new Ignored(
            display,
            position,
            notDone.reasons().isEmpty()
                ? IntakeReason.of("NOT_DONE", display)
                : IntakeReason.of(
                    "NOT_DONE_WITH_REASON",
                    display,
                    String.join(", ", notDone.reasons().stream().map(c -> c.code()).toList())),
            event);
      }
      return new Accepted(event, found.json(), position);
    } catch (NotTranslated e) {
      return e.isIgnored()
          ? new Ignored(display, position, e.reason())
          : new Rejected(display, position, e.reason(), found.json());
    } catch (RuntimeException | StackOverflowError e) {
      LOG.warn("Could not read {}", display, e);
      return new Rejected(
          display,
          position,
          IntakeReason.of("UNREADABLE_RESOURCE", display, e.getClass().getSimpleName()),
          found.json());
    }
  }

  /**
   * The resource as the sender knows it, for a reason's text: {@code Type/id}, or where it stood in
   * the text's language ("Patient i oppføring 2").
   */
  private static Object displayPhrase(String type, Found found) {
    return keyOf(type, found) == null
        ? Positions.of(type, found.position())
        : displayOf(type, found);
  }

  /** The resource as the sender knows it, for the report: {@code Type/id}, or where it stood. */
  private static String displayOf(String type, Found found) {
    var key = keyOf(type, found);
    if (key == null) {
      return type + " in " + found.position();
    }
    return References.isUrn(key) ? type + "/" + key : key;
  }

  private <R extends Resource> ClinicalEvent translate(
      ResourceTranslator<R> translator,
      Found found,
      String key,
      String display,
      References references) {
    var resource =
        parser.parse(translator.resourceClass(), found.resource(), found.json(), display);
    var source =
        new SourceRef(
            key,
            display,
            identifiers(resource),
            resource.getMeta().getVersionId(),
            lastUpdated(resource, display));
    return translator.translate(resource, new Reading(source, references));
  }

  /** The key of the resource: {@code Type/id}; without an id, the id or urn of its fullUrl. */
  private static @Nullable String keyOf(String type, Found found) {
    var id = DeliveryLayout.stringAt(found.resource(), "id");
    if (id != null) {
      return type + "/" + id;
    }
    var fullUrl = found.fullUrl();
    if (fullUrl == null) {
      return null;
    }
    if (References.isUrn(fullUrl)) {
      return References.isValidUrn(fullUrl) ? fullUrl : null;
    }
    var target = References.typeAndId(fullUrl);
    return target != null && type.equals(target.type()) ? target.key() : null;
  }

  /** The business identifiers, as {@code system|value}. */
  private static List<String> identifiers(Resource resource) {
    var property = resource.getNamedProperty("identifier");
    if (property == null) {
      return List.of();
    }
    return property.getValues().stream()
        .filter(Identifier.class::isInstance)
        .map(Identifier.class::cast)
        .filter(Identifier::hasValue)
        .map(id -> (id.hasSystem() ? id.getSystem() : "") + "|" + id.getValue())
        .toList();
  }

  private static @Nullable Instant lastUpdated(Resource resource, String display) {
    var lastUpdated = resource.getMeta().getLastUpdatedElement().getValueAsString();
    if (lastUpdated == null) {
      return null;
    }
    try {
      return FhirDates.instant(lastUpdated);
    } catch (FhirDates.InvalidDate e) {
      throw NotTranslated.rejected(e.reason(display, "meta.lastUpdated"));
    }
  }
}

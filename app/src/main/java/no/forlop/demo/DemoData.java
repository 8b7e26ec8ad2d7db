package no.forlop.demo;

import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import no.forlop.access.Actor;
import no.forlop.access.Role;
import no.forlop.access.User;
import no.forlop.access.Users;
import no.forlop.calendar.OsloTime;
import no.forlop.database.AdvisoryLocks;
import no.forlop.demo.DemoHospital.CorrectedStart;
import no.forlop.demo.DemoHospital.ManualCode;
import no.forlop.demo.DemoHospital.PatientHistory;
import no.forlop.demo.DemoHospital.PersonAction;
import no.forlop.ingest.IntakeReport;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.OrganisationNumber;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.Remark;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the demo hospital when the server has started, if {@code forlop.demo.enabled} is set and
 * the database has no pathways yet: in the background, so that the server answers at once. The
 * invented EHR history goes through the real intake (as the system actor {@code system:demo}), so
 * every code is derived by the real rules; then the coordinators do what only people do (a code
 * registered by hand, a start moved to the wrong day), the late events arrive (an attendance
 * entered in error, a death), and the coordinators take on their patients and write a few notes.
 * Only counts are logged, never a name or an identity number.
 *
 * <p>Only the server loads it: a context without a web server ({@code bin/forlop replay}) never
 * does, whatever {@code FORLOP_DEMO} says, so a replay's report holds only the files given.
 */
@Component
@ConditionalOnProperty(prefix = "forlop.demo", name = "enabled", havingValue = "true")
@ConditionalOnWebApplication
public class DemoData {

  /** The actor of every EHR delivery and read of the demo. */
  public static final Actor DEMO = Actor.system("demo");

  /** The purpose recorded in the audit log for what the demo does in the coordinators' names. */
  static final String PURPOSE = "DEMO_DATA";

  static final String CHANNEL = "demo";
  static final int PATIENTS_PER_DELIVERY = 25;

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private static final List<String> NOTES =
      List.of(
          "Pasienten er informert om forløpet og har fått direktenummeret til koordinator.",
          "Venter på svar på prøver.",
          "Pasienten ønsker at pårørende er med på neste samtale.",
          "Timen flyttet etter ønske fra pasienten.",
          "Tas opp på neste tverrfaglige møte.");

  /**
   * What a start-up did.
   *
   * @param loaded whether the demo hospital was loaded (false: the database had pathways)
   * @param resources the EHR resources accepted by the intake
   * @param rejected the resources the intake refused (on purpose: the demo has a few bad ones)
   * @param pathways the pathway instances in the database afterwards
   */
  public record Result(
      boolean loaded,
      int patients,
      int deliveries,
      int resources,
      int rejected,
      int personActions,
      int pathways) {

    static Result skipped() {
      return new Result(false, 0, 0, 0, 0, 0, 0);
    }
  }

  private final IntakeService intake;
  private final PathwayService pathways;
  private final Users users;
  private final Clock clock;
  private final DemoSettings settings;
  private final CompletableFuture<Result> loading = new CompletableFuture<>();
  private volatile boolean stopping;

  private final @Nullable AdvisoryLocks locks;

  /** A demo hospital for a test with a database of its own (no other node to wait for). */
  DemoData(
      IntakeService intake,
      PathwayService pathways,
      Users users,
      Clock clock,
      DemoSettings settings) {
    this(intake, pathways, users, clock, settings, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  DemoData(
      IntakeService intake,
      PathwayService pathways,
      Users users,
      Clock clock,
      DemoSettings settings,
      @Nullable AdvisoryLocks locks) {
    this.locks = locks;
    this.intake = intake;
    this.pathways = pathways;
    this.users = users;
    this.clock = clock;
    this.settings = settings;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    var worker = new Thread(this::loadInBackground, "forlop-demo");
    worker.setDaemon(true);
    worker.start();
  }

  @PreDestroy
  void stop() {
    stopping = true;
  }

  /** The start-up's load: done when the demo hospital is loaded, or was not needed. */
  public CompletableFuture<Result> loading() {
    return loading;
  }

  private void loadInBackground() {
    try {
      loading.complete(loadIfEmpty());
    } catch (RuntimeException e) {
      if (stopping) {
        log.info("Demo hospital: stopped with the application before it was fully loaded");
      } else {
        // the message might quote data; the type is enough to know where to look
        log.warn(
            "Demo hospital: loading failed ({}); Forløp runs on without it",
            e.getClass().getName());
        log.debug("Demo hospital: loading failed", e);
      }
      loading.completeExceptionally(e);
    }
  }

  /**
   * Loads the demo hospital if the database has no pathways yet (what every start does); returns
   * what it did.
   */
  public synchronized Result loadIfEmpty() {
    if (locks != null) {
      // one node loads it when several start on one empty database (ADR 0032)
      return locks
          .tryAlone("demo-hospital", this::loadIfStillEmpty)
          .orElseGet(
              () -> {
                log.info("Demo hospital: another node is loading it");
                return Result.skipped();
              });
    }
    return loadIfStillEmpty();
  }

  private Result loadIfStillEmpty() {
    if (!pathways.noneYet()) {
      log.info("Demo hospital: not loaded, the database already has pathways");
      return Result.skipped();
    }
    return load();
  }

  /**
   * Loads the demo hospital whatever the database holds (a test that shares its database with other
   * tests); returns what it did.
   */
  public synchronized Result load() {
    var began = System.nanoTime();
    var today = OsloTime.today(clock);
    var patients = new DemoHospital(today, settings.patientCount()).generate();
    log.info(
        "Demo hospital: feeding the EHR history of {} invented patients through the intake,"
            + " up to {} (FORLOP_DEMO=false skips this)",
        patients.size(),
        today);
    int deliveries = 0;
    int resources = 0;
    int rejected = 0;
    for (int from = 0; from < patients.size(); from += PATIENTS_PER_DELIVERY) {
      var to = Math.min(patients.size(), from + PATIENTS_PER_DELIVERY);
      var ndjson = new StringBuilder(DemoHospital.organisations());
      patients.subList(from, to).forEach(p -> p.resources().forEach(ndjson::append));
      var report = deliver(ndjson.toString());
      deliveries++;
      resources += report.accepted();
      rejected += report.rejected().size();
      if (to == patients.size() || (to / PATIENTS_PER_DELIVERY) % 4 == 0) {
        log.info("Demo hospital: {} of {} patients delivered", to, patients.size());
      }
    }
    var actions = actOnPathways(patients);
    var late = new StringBuilder(DemoHospital.organisations());
    patients.forEach(p -> p.later().forEach(late::append));
    var report = deliver(late.toString());
    deliveries++;
    resources += report.accepted();
    rejected += report.rejected().size();
    var count = coordinate();
    var result = new Result(true, patients.size(), deliveries, resources, rejected, actions, count);
    log.info(
        "Demo hospital loaded in {} s: {} patients, {} pathways, {} EHR resources in {} deliveries"
            + " ({} refused on purpose: GET /api/v1/ingest/rejections), {} codes by hand",
        (System.nanoTime() - began) / 1_000_000_000L,
        result.patients(),
        result.pathways(),
        result.resources(),
        result.deliveries(),
        result.rejected(),
        result.personActions());
    return result;
  }

  private IntakeReport deliver(String ndjson) {
    if (stopping) {
      throw new CancellationException("the application is stopping");
    }
    return intake.receive(ndjson.getBytes(StandardCharsets.UTF_8), CHANNEL, DEMO, true);
  }

  /** What the coordinators did by hand; returns how many changes were recorded. */
  private int actOnPathways(List<PatientHistory> patients) {
    int recorded = 0;
    int refused = 0;
    for (var patient : patients) {
      for (var action : patient.actions()) {
        var coordinator = coordinatorOf(action.unit());
        if (coordinator.isEmpty()) {
          continue;
        }
        var actor = coordinator.get().actor(PURPOSE);
        var pathway =
            pathways.byPatient(PatientIdentifier.parse(action.identifier()), null, actor).stream()
                .filter(v -> action.prefix().equals(v.codePrefix()))
                .filter(v -> v.organisation().value().equals(action.unit()))
                .findFirst();
        if (pathway.isEmpty()) {
          continue;
        }
        if (apply(action, pathway.get(), actor) instanceof ChangeResult.Changed) {
          recorded++;
        } else {
          refused++;
        }
      }
    }
    if (refused > 0) {
      log.info("Demo hospital: {} of the codes by hand were refused by the coding rules", refused);
    }
    return recorded;
  }

  private ChangeResult apply(PersonAction action, PathwayView pathway, Actor actor) {
    if (action instanceof ManualCode manual) {
      return pathways.register(
          pathway.id(), RegisterCode.manual(manual.code(), manual.date()), actor);
    }
    var corrected = (CorrectedStart) action;
    var start = pathway.codes().stream().filter(c -> c.key().equals("A")).findFirst().orElseThrow();
    return pathways.correct(
        pathway.id(),
        start.registration(),
        null,
        corrected.date(),
        Remark.written(corrected.reason()),
        actor);
  }

  /**
   * The coordinators take on their patients: four in five pathways get a responsible coordinator,
   * and a few a note. Returns the number of pathways in the database.
   */
  private int coordinate() {
    int count = 0;
    for (var unit : List.of(DemoHospital.FJORDBY, DemoHospital.NORDVIK)) {
      var views = new ArrayList<>(pathways.byOrganisation(OrganisationNumber.of(unit), null, DEMO));
      count += views.size();
      var coordinator = coordinatorOf(unit);
      if (coordinator.isEmpty()) {
        continue;
      }
      var actor = coordinator.get().actor(PURPOSE);
      views.sort(
          Comparator.comparing((PathwayView v) -> v.patient().value())
              .thenComparing(v -> v.pathway().value()));
      for (int i = 1; i <= views.size(); i++) {
        if (i % 5 == 0) {
          continue;
        }
        var view = views.get(i - 1);
        pathways.assign(view.id(), coordinator.get().username(), actor);
        if (i % 9 == 0) {
          pathways.addNote(view.id(), NOTES.get((i / 9) % NOTES.size()), actor);
        }
      }
    }
    return count;
  }

  /** The unit's coordinator: the first one configured who is not also an administrator. */
  private Optional<User> coordinatorOf(String unit) {
    var coordinators = users.withRole(Role.COORDINATOR, unit);
    return coordinators.stream()
        .filter(u -> !u.has(Role.ADMINISTRATOR))
        .findFirst()
        .or(() -> coordinators.stream().findFirst());
  }
}

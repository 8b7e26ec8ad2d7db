package no.forlop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import no.forlop.access.Actor;
import no.forlop.access.Users;
import no.forlop.ingest.IntakeProblems;
import no.forlop.ingest.IntakeReport;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.PathwayView;
import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo hospital through the real intake: pathways in many states, and a restart adds nothing.
 * It runs in the application context every integration test shares: the demo hospital is loaded
 * into it at run time ({@link SharedDemoHospital}, the load {@link DemoScreenshotsBrowserIT} uses
 * too), and the assertions look at the demo's own patients, as other tests' pathways share its
 * units. The clock is ApplicationTest's, 2024-12-31.
 */
class DemoDataIT extends ApplicationTest {

  static final Actor LEADER =
      new Actor("lise", "QUALITY", Set.of(DemoHospital.FJORDBY, DemoHospital.NORDVIK));
  static final LocalDate TODAY = LocalDate.parse("2024-12-31");

  @Autowired IntakeService intake;
  @Autowired PathwayService pathways;
  @Autowired Users users;
  @Autowired Clock clock;
  @Autowired IntakeProblems notUsed;

  private SharedDemoHospital.Loaded loaded() {
    return SharedDemoHospital.load(intake, pathways, users, clock);
  }

  /** The demo patients' identity numbers. */
  private static Set<String> demoPatients() {
    return DemoHospitalTest.resources(
            new DemoHospital(TODAY, SharedDemoHospital.PATIENTS).generate())
        .stream()
        .filter(line -> line.get("resourceType").asString().equals("Patient"))
        .map(line -> line.get("identifier").get(0).get("value").asString())
        .collect(Collectors.toSet());
  }

  /** The demo patients' pathways, as the leader of both units sees them. */
  private List<PathwayView> all() {
    var demo = demoPatients();
    return pathways.all(null, LEADER).stream()
        .filter(p -> demo.contains(p.patient().value()))
        .toList();
  }

  private static List<PathwayView.Code> codes(List<PathwayView> pathways) {
    return pathways.stream().flatMap(p -> p.codes().stream()).toList();
  }

  private static List<LeadTime.Status> statuses(List<PathwayView> pathways) {
    return pathways.stream().flatMap(p -> p.leadTimes().stream()).map(LeadTime::status).toList();
  }

  @Test
  void the_demo_hospital_has_pathways_in_many_states() {
    var result = loaded().result();
    assertThat(result.loaded()).isTrue();
    assertThat(result.patients()).isEqualTo(SharedDemoHospital.PATIENTS);

    var all = all();
    // the result counts every pathway of the two units, other tests' too
    assertThat(all).hasSizeLessThanOrEqualTo(result.pathways()).hasSizeGreaterThan(45);
    assertThat(all)
        .extracting(v -> v.organisation().value())
        .contains(DemoHospital.FJORDBY, DemoHospital.NORDVIK);
    assertThat(all)
        .extracting(PathwayView::codePrefix)
        .contains("A12", "C01", "D11")
        .containsAnyOf("A16", "A21", "A32", "A36", "A37", "B01")
        .containsAnyOf("D01", "D12");
    assertThat(all).extracting(v -> v.pathway().value()).contains("breast");
    assertThat(all)
        .extracting(PathwayView::state)
        .contains(
            PathwayState.AWAITING_FIRST_ATTENDANCE,
            PathwayState.IN_WORKUP,
            PathwayState.DECIDED,
            PathwayState.IN_TREATMENT,
            PathwayState.TRANSFERRED,
            PathwayState.CLOSED);

    var codes = codes(all);
    assertThat(codes)
        .anyMatch(c -> c.origin().equals("DERIVED") && c.state() == CodeState.REGISTERED)
        .anyMatch(c -> c.origin().equals("DERIVED") && c.state() == CodeState.PROPOSED)
        .anyMatch(c -> c.origin().equals("MANUAL"));
    assertThat(codes)
        .extracting(PathwayView.Code::code)
        .contains("A12A", "A12S", "C01X")
        .anyMatch(c -> c != null && c.matches("A\\d\\dCK"))
        .anyMatch(c -> c != null && c.matches("A\\d\\dF[KMS]"))
        .anyMatch(c -> c != null && c.matches("D\\d\\dC[UPTKAIS]"));

    assertThat(statuses(all))
        .contains(
            LeadTime.Status.MET,
            LeadTime.Status.BREACHED,
            LeadTime.Status.RUNNING,
            LeadTime.Status.OVERDUE,
            LeadTime.Status.UNKNOWN_NORM);

    assertThat(all.stream().flatMap(p -> p.history().stream()))
        .extracting(PathwayView.Fact::kind)
        .contains(CodeFact.Kind.CORRECTED, CodeFact.Kind.WITHDRAWN);
    assertThat(all).anyMatch(p -> p.coordinator() != null).anyMatch(p -> p.coordinator() == null);
    assertThat(
            notUsed.latestNotUsed(
                IntakeReport.Outcome.REJECTED, null, 20, java.util.Locale.ENGLISH))
        .isNotEmpty();
    assertThat(notUsed.derivationProblems()).isNotEmpty();
  }

  @Test
  void a_restart_adds_nothing() {
    loaded();
    var pathwaysBefore = all();
    var factsBefore = pathwaysBefore.stream().mapToInt(p -> p.history().size()).sum();

    var again = SharedDemoHospital.data(intake, pathways, users, clock).loadIfEmpty();

    assertThat(again.loaded()).isFalse();
    var after = all();
    assertThat(after).hasSameSizeAs(pathwaysBefore);
    assertThat(after.stream().mapToInt(p -> p.history().size()).sum()).isEqualTo(factsBefore);
  }

  @Test
  void the_log_names_no_patient() {
    var log = String.join("\n", loaded().log());
    assertThat(log).contains("Demo hospital loaded");
    for (var pathway : all()) {
      assertThat(log).doesNotContain(pathway.patient().value());
    }
    var patients = new DemoHospital(TODAY, SharedDemoHospital.PATIENTS).generate();
    for (var line : DemoHospitalTest.resources(patients)) {
      if (line.get("resourceType").asString().equals("Patient")) {
        var name = line.get("name").get(0);
        assertThat(log)
            .doesNotContain(
                name.get("given").get(0).asString() + " " + name.get("family").asString());
      }
    }
  }
}

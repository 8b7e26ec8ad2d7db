package no.forlop.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeProblems;
import no.forlop.ingest.IntakeReport;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.PathwayView;
import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo hospital through the real intake: pathways in many states, and a restart adds nothing.
 * This class has a context of its own (the demo is on, with 60 patients), so it starts its own
 * embedded PostgreSQL; the clock is ApplicationTest's, 2024-12-31.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"forlop.demo.enabled=true", "forlop.demo.patients=60"})
class DemoDataIT extends ApplicationTest {

  static final Actor LEADER =
      new Actor("lise", "QUALITY", Set.of(DemoHospital.FJORDBY, DemoHospital.NORDVIK));

  @Autowired DemoData demo;
  @Autowired PathwayService pathways;
  @Autowired IntakeProblems notUsed;

  private DemoData.Result loaded() throws Exception {
    return demo.loading().get(5, TimeUnit.MINUTES);
  }

  private List<PathwayView> all() {
    return pathways.all(null, LEADER);
  }

  private static List<PathwayView.Code> codes(List<PathwayView> pathways) {
    return pathways.stream().flatMap(p -> p.codes().stream()).toList();
  }

  private static List<LeadTime.Status> statuses(List<PathwayView> pathways) {
    return pathways.stream().flatMap(p -> p.leadTimes().stream()).map(LeadTime::status).toList();
  }

  @Test
  void the_demo_hospital_has_pathways_in_many_states() throws Exception {
    var result = loaded();
    assertThat(result.loaded()).isTrue();
    assertThat(result.patients()).isEqualTo(60);

    var all = all();
    assertThat(all).hasSize(result.pathways()).hasSizeGreaterThan(45);
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
  void a_restart_adds_nothing() throws Exception {
    loaded();
    var pathwaysBefore = all();
    var factsBefore = pathwaysBefore.stream().mapToInt(p -> p.history().size()).sum();

    var again = demo.loadIfEmpty();

    assertThat(again.loaded()).isFalse();
    var after = all();
    assertThat(after).hasSameSizeAs(pathwaysBefore);
    assertThat(after.stream().mapToInt(p -> p.history().size()).sum()).isEqualTo(factsBefore);
  }

  @Test
  void the_log_names_no_patient(CapturedOutput output) throws Exception {
    loaded();
    var log = output.getAll();
    assertThat(log).contains("Demo hospital loaded");
    for (var pathway : all()) {
      assertThat(log).doesNotContain(pathway.patient());
    }
    var today = java.time.LocalDate.parse("2024-12-31");
    for (var line : DemoHospitalTest.resources(new DemoHospital(today, 60).generate())) {
      if (line.get("resourceType").asString().equals("Patient")) {
        var name = line.get("name").get(0);
        assertThat(log)
            .doesNotContain(
                name.get("given").get(0).asString() + " " + name.get("family").asString());
      }
    }
  }
}

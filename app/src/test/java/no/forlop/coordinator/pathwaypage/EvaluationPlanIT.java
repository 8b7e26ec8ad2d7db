package no.forlop.coordinator.pathwaypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.coordinator.PageSupport;
import no.forlop.coordinator.worklist.Worklist;
import no.forlop.coordinator.worklist.WorklistQuery;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.RegisterCode;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Planning a mental-health pathway's next evaluation from its page, and the worklist showing the
 * plan next to the due date. Today is 2024-12-31; TSB (D01): first evaluation within 7 days of the
 * clinical decision.
 */
class EvaluationPlanIT extends PageSupport {

  static final Actor KARI = new Actor("kari", "PATIENT_CARE", Set.of("910000012"));

  @Autowired Worklist worklist;
  @Autowired AuditLog audit;

  private String patient;

  private PathwayId substanceUse() {
    patient = TestPatients.next();
    var id = pathways.create(CreatePathway.of(patient, "D01", "910000012", null), KARI).id();
    pathways.register(
        id, RegisterCode.manual("PATHWAY_START", LocalDate.parse("2024-12-01")), KARI);
    pathways.register(
        id, RegisterCode.manual("FIRST_ATTENDANCE", LocalDate.parse("2024-12-05")), KARI);
    pathways.register(id, RegisterCode.manual("CT", LocalDate.parse("2024-12-20")), KARI);
    return id;
  }

  private no.forlop.coordinator.worklist.WorklistRow row() {
    var rows =
        worklist
            .read(
                new WorklistQuery(null, null, null, null, patient, WorklistQuery.Sort.DUE, 0, 50),
                KARI)
            .rows();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void a_coordinator_plans_the_next_evaluation_and_the_worklist_shows_it() throws Exception {
    var id = substanceUse();
    assertThat(row().nextMilestone()).isEqualTo("EVALUATION");
    assertThat(row().dueDate()).isEqualTo(LocalDate.parse("2024-12-27"));
    assertThat(row().plannedEvaluation()).isNull();
    assertThat(open(page(id), "kari").body()).contains("Neste evaluering er ikke planlagt ennå");

    var planned = submit(page(id) + "/evaluation", "kari", "date", "2025-01-03");
    assertThat(planned.redirect()).isEqualTo(page(id) + "#evaluation");
    assertThat(open(page(id), "kari").body()).contains("Neste evaluering er planlagt 03.01.2025.");
    assertThat(row().plannedEvaluation()).isEqualTo(LocalDate.parse("2025-01-03"));
    // planned after the due date of 27 December
    assertThat(row().evaluationPlannedLate()).isTrue();
    assertThat(audit.forPatient(patient))
        .anyMatch(
            e ->
                e.action() == AuditAction.UPDATE
                    && e.resource().equals("pathway/" + id + "/evaluation"));

    // planned again: the latest counts; today is allowed
    submit(page(id) + "/evaluation", "kari", "date", "2024-12-31");
    assertThat(row().plannedEvaluation()).isEqualTo(LocalDate.parse("2024-12-31"));
    assertThat(worklistSearch(patient, "kari").body()).contains("planlagt 31.12.2024");
  }

  @Test
  void a_date_in_the_past_or_no_date_is_refused() throws Exception {
    var id = substanceUse();
    var past = submit(page(id) + "/evaluation", "kari", "date", "2024-12-30");
    assertThat(past.status()).isEqualTo(422);
    assertThat(past.body()).contains("En evaluering planlegges i dag eller senere.");
    var none = submit(page(id) + "/evaluation", "kari", "date", "");
    assertThat(none.status()).isEqualTo(422);
    assertThat(row().plannedEvaluation()).isNull();
  }

  @Test
  void only_pathways_with_evaluations_offer_it_and_leaders_only_read() throws Exception {
    var id = substanceUse();
    assertThat(open(page(id), "lise").body())
        .contains("id=\"evaluation\"")
        .doesNotContain("evaluation-submit");
    assertThat(submit(page(id) + "/evaluation", "lise", "date", "2025-01-03").status())
        .isEqualTo(403);

    var cancer =
        pathways
            .create(CreatePathway.of(TestPatients.next(), "colorectal", "910000012", null), KARI)
            .id();
    assertThat(open(page(cancer), "kari").body()).doesNotContain("id=\"evaluation\"");
  }
}

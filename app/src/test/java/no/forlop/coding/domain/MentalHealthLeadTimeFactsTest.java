package no.forlop.coding.domain;

import static no.forlop.coding.domain.Facts.HF1;
import static no.forlop.coding.domain.Facts.aPatient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.forlop.coding.Code;
import no.forlop.pathway.TrackedMilestone;
import org.junit.jupiter.api.Test;

/**
 * What the derivation tracks for the mental-health lead times (docs/rules.md): a right to treatment
 * given directly at the referral assessment ({@code MH-DIRECT-TREATMENT-RIGHT}) and the care
 * setting of the first attendance ({@code MH-FIRST-ATTENDANCE-INPATIENT}/{@code -OUTPATIENT}), both
 * sides of each.
 */
class MentalHealthLeadTimeFactsTest {

  private static final Code DIRECT =
      new Code("https://forlop.no/fhir/CodeSystem/referral-assessment", "direct-treatment");

  private static DerivationResult.Instance only(Facts facts) {
    var result = DerivationTest.DERIVATION.derive(facts.build());
    assertThat(result.instances()).hasSize(1);
    return result.instances().get(0);
  }

  private static List<String> tracked(DerivationResult.Instance instance) {
    return instance.milestones().stream()
        .map(m -> m.type() + " " + m.date() + " " + m.rule() + " " + m.sources())
        .toList();
  }

  @Test
  void an_assessment_giving_the_right_to_treatment_directly_is_tracked_on_its_day() {
    var instance =
        only(
            aPatient()
                .referral("sr1", "D01", "2022-01-05", null, HF1)
                .task("t1", "sr1", "accepted", "2022-01-20", HF1, DIRECT));
    assertThat(tracked(instance))
        .containsExactly("DIRECT_TREATMENT_RIGHT 2022-01-20 MH-DIRECT-TREATMENT-RIGHT [Task/t1]");
  }

  @Test
  void an_assessment_without_the_code_or_not_yet_accepted_gives_no_direct_right() {
    var plain =
        only(
            aPatient()
                .referral("sr1", "D01", "2022-01-05", null, HF1)
                .task("t1", "sr1", "accepted", "2022-01-20", HF1));
    var otherCode =
        only(
            aPatient()
                .referral("sr1", "D01", "2022-01-05", null, HF1)
                .task(
                    "t1",
                    "sr1",
                    "accepted",
                    "2022-01-20",
                    HF1,
                    new Code(
                        "https://forlop.no/fhir/CodeSystem/referral-assessment", "assessment")));
    var onlyReceived =
        only(
            aPatient()
                .referral("sr1", "D01", "2022-01-05", null, HF1)
                .task("t0", "sr1", "received", "2022-01-10", HF1, DIRECT)
                .task("t1", "sr1", "accepted", "2022-01-20", HF1));
    assertThat(plain.milestones()).isEmpty();
    assertThat(otherCode.milestones()).isEmpty();
    assertThat(onlyReceived.milestones()).isEmpty();
  }

  @Test
  void the_setting_of_the_first_attendance_is_tracked_from_its_encounter_class() {
    var inpatient =
        only(
            aPatient()
                .referral("sr1", "D01", "2022-01-05", null, HF1)
                .task("t1", "sr1", "accepted", "2022-01-20", HF1)
                .encounter("e1", "in-progress", "IMP", HF1, "2022-01-24")
                .encounter("e2", "finished", "AMB", HF1, "2022-01-27"));
    var outpatient =
        only(
            aPatient()
                .referral("sr1", "D11", "2022-01-05", null, HF1)
                .task("t1", "sr1", "accepted", "2022-01-20", HF1)
                .encounter("e1", "finished", "AMB", HF1, "2022-01-25"));
    assertThat(tracked(inpatient))
        .containsExactly(
            "FIRST_ATTENDANCE_INPATIENT 2022-01-24 MH-FIRST-ATTENDANCE-INPATIENT [Encounter/e1]");
    assertThat(tracked(outpatient))
        .containsExactly(
            "FIRST_ATTENDANCE_OUTPATIENT 2022-01-25 MH-FIRST-ATTENDANCE-OUTPATIENT"
                + " [Encounter/e1]");
  }

  @Test
  void without_a_first_attendance_no_setting_is_tracked() {
    var instance =
        only(
            aPatient()
                .referral("sr1", "D01", "2022-01-05", null, HF1)
                .task("t1", "sr1", "accepted", "2022-01-20", HF1)
                .encounter("e1", "cancelled", "IMP", HF1, "2022-01-24"));
    assertThat(instance.milestones()).isEmpty();
  }

  @Test
  void a_cancer_pathway_tracks_no_setting() {
    var instance =
        only(
            aPatient()
                .referral("sr1", "A12A", "2022-01-05", "Organization/gp", HF1)
                .encounter("e1", "finished", "IMP", HF1, "2022-01-10"));
    assertThat(instance.milestones())
        .noneMatch(m -> m.type().equals(TrackedMilestone.FIRST_ATTENDANCE_INPATIENT));
  }
}

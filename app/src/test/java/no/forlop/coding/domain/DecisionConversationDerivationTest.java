package no.forlop.coding.domain;

import static no.forlop.coding.domain.Facts.HF1;
import static no.forlop.coding.domain.Facts.HF2;
import static no.forlop.coding.domain.Facts.aPatient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.forlop.catalog.Milestone;
import no.forlop.coding.RuleSetLoader;
import no.forlop.pathway.CodeState;
import org.junit.jupiter.api.Test;

/**
 * The conversation with the patient where the decision on treatment is made: surveillance (FO) and
 * no treatment (FI) dated that conversation, symptom-relieving treatment (FL) its first day; and X
 * for other reasons than death, only proposed: the patient declined ({@code END-PATIENT-DECLINED})
 * or was referred outside the pathway ({@code END-OUTSIDE-PATHWAY}).
 */
class DecisionConversationDerivationTest {

  static final String ACTIVE_SURVEILLANCE = "424313000";
  static final String WATCHFUL_WAITING = "373818007";
  static final String TREATMENT_NOT_INDICATED = "183964008";
  static final String PALLIATIVE_CARE = "103735009";
  static final String SURGERY = "387713003";
  static final String REFUSAL_OF_TREATMENT = "105480006";
  static final String REFERRAL_TO_PRIVATE_DOCTOR = "266747000";
  static final String SNOMED = "http://snomed.info/sct";

  /** Prostate (A16) at HF1: received 4 March 2024, attended 11 March, cancer decided 1 October. */
  static Facts prostateDecided() {
    return aPatient()
        .referral("sr1", "A16A", "2024-03-01", null, HF1)
        .task("t1", "sr1", "received", "2024-03-04", HF1)
        .encounter("e1", "finished", "AMB", HF1, "2024-03-11")
        .diagnosis("ci1", "2024-10-01", "Encounter/e1", "C61");
  }

  /** Colorectal (A12) at HF1 in work-up: received 4 March 2024, attended 11 March. */
  static Facts inWorkUp() {
    return aPatient()
        .referral("sr1", "A12A", "2024-03-01", null, HF1)
        .task("t1", "sr1", "received", "2024-03-04", HF1)
        .encounter("e1", "finished", "AMB", HF1, "2024-03-11");
  }

  static DerivationResult derive(Facts facts) {
    return new Derivation(
            DerivationTest.CATALOGUE, RuleSetLoader.bundled(), DerivationTest.TERMINOLOGY)
        .derive(facts.build());
  }

  static DerivationResult.Instance only(DerivationResult result) {
    assertThat(result.instances()).hasSize(1);
    return result.instances().get(0);
  }

  static List<String> codes(DerivationResult.Instance instance) {
    return instance.codes().stream().map(c -> c.key() + " " + c.date() + " " + c.state()).toList();
  }

  static DerivationResult.Code code(DerivationResult.Instance instance, Milestone milestone) {
    return instance.codes().stream()
        .filter(c -> c.milestone() == milestone)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void active_surveillance_agreed_in_the_conversation_starts_fo_on_that_day() {
    var prostate =
        only(derive(prostateDecided().procedure("talk", ACTIVE_SURVEILLANCE, "2024-10-07", null)));

    var fo = code(prostate, Milestone.TREATMENT_START);
    assertThat(fo.key()).isEqualTo("FO");
    assertThat(fo.date()).hasToString("2024-10-07");
    assertThat(fo.state()).isEqualTo(CodeState.REGISTERED);
    assertThat(fo.rule()).isEqualTo("TREATMENT-SURVEILLANCE");
    assertThat(fo.sources()).containsExactly("Procedure/talk");
    assertThat(fo.inputs())
        .containsEntry("treatment", "SURVEILLANCE")
        .containsEntry("concept", "SURVEILLANCE")
        .containsEntry("coding", SNOMED + "|" + ACTIVE_SURVEILLANCE);
  }

  @Test
  void a_conversation_late_in_the_evening_oslo_time_is_dated_that_oslo_day() {
    // 22:30 UTC on 7 October is 00:30 on the 8th in Oslo (summer time, UTC+2)
    var late =
        only(
            derive(
                prostateDecided()
                    .procedureAt(
                        "talk",
                        ACTIVE_SURVEILLANCE,
                        java.time.Instant.parse("2024-10-07T22:30:00Z"))));

    assertThat(code(late, Milestone.TREATMENT_START).date()).hasToString("2024-10-08");
  }

  @Test
  void watchful_waiting_only_proposes_fo_through_its_unverified_mapping() {
    var prostate =
        only(derive(prostateDecided().procedure("talk", WATCHFUL_WAITING, "2024-10-07", null)));

    var fo = code(prostate, Milestone.TREATMENT_START);
    assertThat(fo.key()).isEqualTo("FO");
    assertThat(fo.state()).isEqualTo(CodeState.PROPOSED);
    assertThat(fo.inputs()).containsEntry("mappingVerified", "false");
  }

  @Test
  void no_treatment_decided_in_the_conversation_proposes_fi_on_that_day() {
    var instance =
        only(
            derive(
                inWorkUp()
                    .diagnosis("ci1", "2024-11-15", "Encounter/e1", "C18.7")
                    .procedure("talk", TREATMENT_NOT_INDICATED, "2024-11-15", null)));

    assertThat(codes(instance)).contains("FI 2024-11-15 PROPOSED");
  }

  @Test
  void palliative_treatment_starts_fl_on_its_first_day() {
    var instance =
        only(
            derive(
                inWorkUp()
                    .diagnosis("ci1", "2024-11-15", "Encounter/e1", "C18.7")
                    .procedure("pal1", PALLIATIVE_CARE, "2024-11-20", null)
                    .procedure("pal2", PALLIATIVE_CARE, "2024-11-27", null)));

    var fl = code(instance, Milestone.TREATMENT_START);
    assertThat(fl.key()).isEqualTo("FL");
    assertThat(fl.date()).hasToString("2024-11-20");
    assertThat(fl.state()).isEqualTo(CodeState.REGISTERED);
    assertThat(fl.rule()).isEqualTo("TREATMENT-PALLIATIVE");
  }

  @Test
  void the_first_of_surveillance_and_surgery_is_the_treatment_start_later_ones_add_nothing() {
    var surveillanceFirst =
        only(
            derive(
                prostateDecided()
                    .procedure("talk", ACTIVE_SURVEILLANCE, "2024-10-07", null)
                    .procedure("op", SURGERY, "2025-03-01", null)));
    var surgeryFirst =
        only(
            derive(
                prostateDecided()
                    .procedure("op", SURGERY, "2024-10-20", null)
                    .procedure("talk", ACTIVE_SURVEILLANCE, "2025-03-01", null)));

    assertThat(surveillanceFirst.codes())
        .filteredOn(c -> c.milestone() == Milestone.TREATMENT_START)
        .extracting(DerivationResult.Code::key)
        .containsExactly("FO");
    assertThat(surgeryFirst.codes())
        .filteredOn(c -> c.milestone() == Milestone.TREATMENT_START)
        .extracting(DerivationResult.Code::key)
        .containsExactly("FK");
  }

  @Test
  void a_conversation_with_no_decision_is_reported_not_coded() {
    var result = derive(inWorkUp().procedure("talk", ACTIVE_SURVEILLANCE, "2024-10-07", null));

    assertThat(only(result).codes()).noneMatch(c -> c.milestone() == Milestone.TREATMENT_START);
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo("Procedure/talk");
              assertThat(p.code()).isEqualTo(ProblemCode.TREATMENT_WITHOUT_DECISION);
              assertThat(p.args()).containsExactly("A12FO", "2024-10-07");
            });
  }

  @Test
  void a_conversation_the_day_before_the_decision_is_not_its_treatment_start_the_day_of_it_is() {
    var before =
        only(derive(prostateDecided().procedure("talk", ACTIVE_SURVEILLANCE, "2024-09-30", null)));
    var sameDay =
        only(derive(prostateDecided().procedure("talk", ACTIVE_SURVEILLANCE, "2024-10-01", null)));

    assertThat(before.codes()).noneMatch(c -> c.milestone() == Milestone.TREATMENT_START);
    assertThat(codes(sameDay)).contains("FO 2024-10-01 REGISTERED");
  }

  @Test
  void a_treatment_dated_before_the_decision_is_reported_not_dropped_one_after_it_is_coded() {
    var before = derive(prostateDecided().procedure("op", SURGERY, "2024-09-30", null));
    var after = derive(prostateDecided().procedure("op", SURGERY, "2024-10-02", null));

    assertThat(only(before).codes()).noneMatch(c -> c.milestone() == Milestone.TREATMENT_START);
    assertThat(before.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo("Procedure/op");
              assertThat(p.code()).isEqualTo(ProblemCode.TREATMENT_BEFORE_DECISION);
              assertThat(p.code().ignored()).isFalse();
              assertThat(p.args()).containsExactly("A16FK", "2024-09-30", "A16CK", "2024-10-01");
            });
    assertThat(codes(only(after))).contains("FK 2024-10-02 REGISTERED");
    assertThat(after.problems()).isEmpty();
  }

  @Test
  void a_treatment_after_a_decision_that_gives_no_treatment_here_is_listed_as_ignored() {
    var otherDisease =
        derive(
            inWorkUp()
                .diagnosis("ci1", "2024-04-01", "Encounter/e1", "K635")
                .procedure("op", SURGERY, "2024-04-10", null));

    assertThat(only(otherDisease).codes())
        .noneMatch(c -> c.milestone() == Milestone.TREATMENT_START);
    assertThat(otherDisease.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code())
                  .isEqualTo(ProblemCode.TREATMENT_AFTER_DECISION_WITHOUT_TREATMENT);
              assertThat(p.code().ignored()).isTrue();
              assertThat(p.args()).containsExactly("A12FK", "2024-04-10", "A12CA");
            });
  }

  @Test
  void a_patient_who_declines_in_work_up_is_proposed_to_end_with_x_that_day() {
    var instance =
        only(derive(inWorkUp().notDoneBecause("colo", REFUSAL_OF_TREATMENT, "2024-03-20")));

    var x = code(instance, Milestone.PATHWAY_END);
    assertThat(x.key()).isEqualTo("X");
    assertThat(x.date()).hasToString("2024-03-20");
    assertThat(x.state()).isEqualTo(CodeState.PROPOSED);
    assertThat(x.rule()).isEqualTo("END-PATIENT-DECLINED");
    assertThat(x.sources()).containsExactly("Procedure/colo");
    assertThat(x.inputs())
        .containsEntry("declinedOn", "2024-03-20")
        .containsEntry("concept", "PATIENT_DECLINED");
    assertThat(x.note()).isNotNull();
    assertThat(x.note().key()).isEqualTo("derivation.note.PATIENT_DECLINED");
  }

  @Test
  void a_procedure_not_done_for_another_reason_ends_nothing() {
    // 183932001 Procedure contraindicated: not the patient's choice
    var instance = only(derive(inWorkUp().notDoneBecause("colo", "183932001", "2024-03-20")));

    assertThat(instance.codes()).noneMatch(c -> c.milestone() == Milestone.PATHWAY_END);
  }

  @Test
  void a_decline_without_a_date_is_reported_not_guessed() {
    var result = derive(inWorkUp().notDoneBecause("colo", REFUSAL_OF_TREATMENT, null));

    assertThat(only(result).codes()).noneMatch(c -> c.milestone() == Milestone.PATHWAY_END);
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.code()).isEqualTo(ProblemCode.DECLINED_WITHOUT_DATE));
  }

  @Test
  void a_decline_after_the_treatment_start_ends_nothing() {
    var instance =
        only(
            derive(
                inWorkUp()
                    .diagnosis("ci1", "2024-03-25", "Encounter/e1", "C18.7")
                    .procedure("op", SURGERY, "2024-04-05", null)
                    .notDoneBecause("chemo", REFUSAL_OF_TREATMENT, "2024-05-01")));

    assertThat(instance.codes()).noneMatch(c -> c.milestone() == Milestone.PATHWAY_END);
  }

  @Test
  void a_decline_on_the_treatment_day_ends_nothing_the_day_before_it_does_if_nothing_followed() {
    var sameDay =
        only(
            derive(
                inWorkUp()
                    .diagnosis("ci1", "2024-03-25", "Encounter/e1", "C18.7")
                    .procedure("op", SURGERY, "2024-04-05", null)
                    .notDoneBecause("chemo", REFUSAL_OF_TREATMENT, "2024-04-05")));
    var dayBefore =
        only(
            derive(
                inWorkUp()
                    .diagnosis("ci1", "2024-03-25", "Encounter/e1", "C18.7")
                    .notDoneBecause("op", REFUSAL_OF_TREATMENT, "2024-04-04")));

    assertThat(sameDay.codes()).noneMatch(c -> c.milestone() == Milestone.PATHWAY_END);
    assertThat(codes(dayBefore)).contains("X 2024-04-04 PROPOSED");
  }

  @Test
  void a_decline_the_pathway_went_on_after_ends_nothing() {
    // the patient declined one examination but attended and was decided on later
    var instance =
        only(
            derive(
                inWorkUp()
                    .notDoneBecause("colo", REFUSAL_OF_TREATMENT, "2024-03-05")
                    .diagnosis("ci1", "2024-03-25", "Encounter/e1", "C18.7")));

    assertThat(instance.codes()).noneMatch(c -> c.milestone() == Milestone.PATHWAY_END);
  }

  @Test
  void death_after_a_decline_gives_no_second_x() {
    var instance =
        only(
            derive(
                inWorkUp()
                    .notDoneBecause("colo", REFUSAL_OF_TREATMENT, "2024-03-20")
                    .died("2024-03-20")));

    assertThat(instance.codes())
        .filteredOn(c -> c.milestone() == Milestone.PATHWAY_END)
        .extracting(DerivationResult.Code::rule)
        .containsExactly("END-PATIENT-DECLINED");
  }

  @Test
  void death_with_no_decline_still_ends_with_a_registered_x() {
    var instance = only(derive(inWorkUp().died("2024-03-20")));

    assertThat(codes(instance)).contains("X 2024-03-20 REGISTERED");
  }

  @Test
  void a_referral_to_a_private_clinic_proposes_x_at_the_sender_no_o_and_no_pathway_there() {
    var result =
        derive(
            inWorkUp()
                .referralInCategory(
                    "private", "A12", SNOMED, REFERRAL_TO_PRIVATE_DOCTOR, "2024-03-15", HF1, HF2));

    var sender = only(result);
    assertThat(sender.organisation()).isEqualTo("910000012");
    assertThat(sender.codes()).noneMatch(c -> c.milestone() == Milestone.TRANSFERRED);
    var x = code(sender, Milestone.PATHWAY_END);
    assertThat(x.date()).hasToString("2024-03-15");
    assertThat(x.state()).isEqualTo(CodeState.PROPOSED);
    assertThat(x.rule()).isEqualTo("END-OUTSIDE-PATHWAY");
    assertThat(x.inputs()).containsEntry("to", "910000020").containsEntry("sentOn", "2024-03-15");
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(ProblemCode.REFERRAL_OUTSIDE_PATHWAY);
              assertThat(p.code().ignored()).isTrue();
            });
  }

  @Test
  void an_ordinary_referral_onwards_is_a_transfer_not_x() {
    var result = derive(inWorkUp().referral("onwards", "A12", "2024-03-15", HF1, HF2));

    assertThat(result.instances()).hasSize(2);
    var sender =
        result.instances().stream()
            .filter(i -> i.organisation().equals("910000012"))
            .findFirst()
            .orElseThrow();
    assertThat(codes(sender)).contains("O 2024-03-15 REGISTERED");
    assertThat(sender.codes()).noneMatch(c -> c.milestone() == Milestone.PATHWAY_END);
  }

  @Test
  void a_referral_to_a_private_clinic_after_the_treatment_start_ends_nothing() {
    var result =
        derive(
            inWorkUp()
                .diagnosis("ci1", "2024-03-25", "Encounter/e1", "C18.7")
                .procedure("op", SURGERY, "2024-04-05", null)
                .referralInCategory(
                    "private", "A12", SNOMED, REFERRAL_TO_PRIVATE_DOCTOR, "2024-05-01", HF1, HF2));

    assertThat(only(result).codes())
        .noneMatch(
            c -> c.milestone() == Milestone.PATHWAY_END || c.milestone() == Milestone.TRANSFERRED);
  }
}

package no.forlop.coding.domain;

import static no.forlop.coding.domain.Facts.HF1;
import static no.forlop.coding.domain.Facts.HF2;
import static no.forlop.coding.domain.Facts.aPatient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.forlop.catalog.Milestone;
import no.forlop.pathway.CodeState;
import org.junit.jupiter.api.Test;

/**
 * The mental-health and substance-use rules (docs/rules.md): first attendance, decisions in both
 * encodings, treatment start, evaluation points, pasientutsatt and closure, both sides of each
 * boundary.
 */
class MentalHealthDerivationTest {

  private static DerivationResult derive(Facts facts) {
    return DerivationTest.DERIVATION.derive(facts.build());
  }

  private static DerivationResult.Instance only(Facts facts) {
    var result = derive(facts);
    assertThat(result.instances()).hasSize(1);
    return result.instances().get(0);
  }

  private static List<String> codes(DerivationResult.Instance instance) {
    return instance.codes().stream().map(c -> c.key() + " " + c.date()).toList();
  }

  private static List<DerivationResult.Code> of(
      DerivationResult.Instance instance, Milestone milestone) {
    return instance.codes().stream().filter(c -> c.milestone() == milestone).toList();
  }

  /** TSB (D01), started 20 January 2022 at HF1, first attendance 25 January. */
  private static Facts tsb() {
    return aPatient()
        .referral("sr1", "D01", "2022-01-05", null, HF1)
        .task("t1", "sr1", "accepted", "2022-01-20", HF1)
        .encounter("e1", "finished", "AMB", HF1, "2022-01-25");
  }

  // ------------------------------------------------------------------ the original receipt rule

  /** The bundled rules with the original receipt rule in force until the day. */
  private static Derivation receiptRuleUntil(String until) throws Exception {
    try (var in =
        MentalHealthDerivationTest.class.getResourceAsStream("/coding/derivation-rules.yaml")) {
      var yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      var changed = yaml.replace("      until: [\"none\"]", "      until: [\"" + until + "\"]");
      assertThat(changed).isNotEqualTo(yaml);
      return new Derivation(
          DerivationTest.CATALOGUE,
          no.forlop.coding.RuleSetLoader.parse(
              changed.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          DerivationTest.TERMINOLOGY);
    }
  }

  /** A D11 referral received 10 January 2022 and assessed 20 January. */
  private static Facts receivedAndAssessed() {
    return aPatient()
        .referral("sr1", "D11", "2022-01-05", null, HF1)
        .task("t0", "sr1", "received", "2022-01-10", HF1)
        .task("t1", "sr1", "accepted", "2022-01-20", HF1);
  }

  @Test
  void without_an_end_date_for_the_receipt_rule_the_start_is_the_assessment() {
    var start = of(only(receivedAndAssessed()), Milestone.PATHWAY_START);
    assertThat(start)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.date()).hasToString("2022-01-20");
              assertThat(c.rule()).isEqualTo("MH-START-ASSESSED");
            });
  }

  @Test
  void under_the_receipt_rule_a_referral_received_on_or_before_its_end_starts_on_receipt()
      throws Exception {
    var onTheDay = receiptRuleUntil("2022-01-10").derive(receivedAndAssessed().build());
    assertThat(of(onTheDay.instances().get(0), Milestone.PATHWAY_START))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.date()).hasToString("2022-01-10");
              assertThat(c.rule()).isEqualTo("MH-START-RECEIVED");
              assertThat(c.inputs()).containsEntry("receiptRuleUntil", "2022-01-10");
            });
    var dayBefore = receiptRuleUntil("2022-01-09").derive(receivedAndAssessed().build());
    assertThat(of(dayBefore.instances().get(0), Milestone.PATHWAY_START))
        .singleElement()
        .satisfies(c -> assertThat(c.rule()).isEqualTo("MH-START-ASSESSED"));
  }

  // ------------------------------------------------------------------ start after emergency care

  /** Emergency care (ØH) at HF1 on the day, then HF1's own D11 referral on 15 March 2022. */
  private static DerivationResult afterEmergencyOn(String emergency, String cls, String unit) {
    return derive(
        aPatient()
            .encounter("e-oh", "finished", cls, unit, emergency)
            .referral("sr-oh", "D11", "2022-03-15", HF1, HF1));
  }

  @Test
  void the_units_own_referral_within_14_days_of_emergency_care_starts_the_pathway_that_day() {
    for (var emergency : List.of("2022-03-15", "2022-03-01")) { // same day, and 14 days before
      var result = afterEmergencyOn(emergency, "EMER", HF1);
      assertThat(result.instances()).as(emergency).hasSize(1);
      var start = of(result.instances().get(0), Milestone.PATHWAY_START);
      assertThat(start)
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.date()).hasToString("2022-03-15");
                assertThat(c.rule()).isEqualTo("MH-START-EMERGENCY");
                assertThat(c.sources()).contains("ServiceRequest/sr-oh", "Encounter/e-oh");
              });
    }
  }

  @Test
  void no_start_after_emergency_care_15_days_before_elsewhere_or_not_an_emergency() {
    assertThat(afterEmergencyOn("2022-02-28", "EMER", HF1).instances()).isEmpty(); // 15 days
    assertThat(afterEmergencyOn("2022-03-10", "EMER", HF2).instances()).isEmpty(); // other unit
    assertThat(afterEmergencyOn("2022-03-10", "AMB", HF1).instances()).isEmpty(); // not ØH
    assertThat(afterEmergencyOn("2022-03-16", "EMER", HF1).instances()).isEmpty(); // after it
  }

  // ------------------------------------------------------------------ first attendance

  @Test
  void the_first_attendance_is_the_first_encounter_at_the_unit_after_the_start() {
    var instance =
        only(
            aPatient()
                .referral("sr1", "D11", "2022-01-05", null, HF1)
                .task("t1", "sr1", "accepted", "2022-01-20", HF1)
                .encounter("e0", "finished", "AMB", HF1, "2022-01-19")
                .encounter("e1", "cancelled", "AMB", HF1, "2022-01-21")
                .encounter("e2", "finished", "AMB", HF2, "2022-01-22")
                .imaging("img1", HF1, "2022-01-23")
                .encounter("e3", "finished", "AMB", HF1, "2022-01-26"));
    var first = of(instance, Milestone.FIRST_ATTENDANCE);
    assertThat(first).hasSize(1);
    assertThat(first.get(0).date()).hasToString("2022-01-26");
    assertThat(first.get(0).rule()).isEqualTo("FIRST-ATTENDANCE-ENCOUNTER");
  }

  // ------------------------------------------------------------------ decisions

  @Test
  void a_decision_in_the_type_forlop_encoding_counts_for_its_own_pathway_type_only() {
    assertThat(codes(only(tsb().typedOutcome("ci1", "2022-02-01", "D01", "CT"))))
        .contains("CT 2022-02-01");
    assertThat(
            of(
                only(tsb().typedOutcome("ci1", "2022-02-01", "D11", "CP")),
                Milestone.CLINICAL_DECISION))
        .isEmpty();
  }

  @Test
  void a_concatenated_decision_counts_for_its_own_prefix_only() {
    assertThat(codes(only(tsb().outcome("ci1", "2022-02-01", "D01CT")))).contains("CT 2022-02-01");
    assertThat(of(only(tsb().outcome("ci1", "2022-02-01", "D11CP")), Milestone.CLINICAL_DECISION))
        .isEmpty();
  }

  @Test
  void a_second_decision_follows_cu_but_not_another_outcome() {
    assertThat(
            codes(
                only(
                    tsb()
                        .typedOutcome("ci1", "2022-02-01", "D01", "CU")
                        .outcome("ci2", "2022-03-01", "D01CT")
                        .outcome("ci3", "2022-04-01", "D01CI"))))
        .contains("CU 2022-02-01", "CT 2022-03-01")
        .doesNotContain("CI 2022-04-01");
    assertThat(
            of(
                only(tsb().outcome("ci1", "2022-02-01", "CT").outcome("ci2", "2022-03-01", "CI")),
                Milestone.CLINICAL_DECISION))
        .extracting(DerivationResult.Code::key)
        .containsExactly("CT");
  }

  @Test
  void an_evaluation_is_not_a_decision() {
    assertThat(of(only(tsb().evaluation("ev1", "2022-02-01")), Milestone.CLINICAL_DECISION))
        .isEmpty();
  }

  // ------------------------------------------------------------------ treatment start

  @Test
  void treatment_starts_on_the_first_treatment_day_on_or_after_a_decision_for_treatment() {
    var instance =
        only(
            tsb()
                .procedure("p0", "75516001", "2022-02-28", null)
                .outcome("ci1", "2022-03-01", "CT")
                .drug("m1", "N07BC02", "2022-03-03", "completed")
                .procedure("p1", "75516001", "2022-03-08", null));
    var start = of(instance, Milestone.TREATMENT_START);
    assertThat(start).hasSize(1);
    assertThat(start.get(0).date()).hasToString("2022-03-03");
    assertThat(start.get(0).rule()).isEqualTo("MH-TREATMENT-START");
    assertThat(start.get(0).sources()).containsExactly("MedicationAdministration/m1");
  }

  @Test
  void no_treatment_start_without_a_decision_for_treatment_or_from_other_procedures() {
    assertThat(
            of(
                only(
                    tsb()
                        .outcome("ci1", "2022-03-01", "CK")
                        .procedure("p1", "75516001", "2022-03-08", null)),
                Milestone.TREATMENT_START))
        .isEmpty();
    assertThat(
            of(
                only(
                    tsb()
                        .outcome("ci1", "2022-03-01", "CT")
                        .procedure("p1", "86273004", "2022-03-08", null)
                        .drug("m1", "N05AH03", "2022-03-09", "completed")),
                Milestone.TREATMENT_START))
        .isEmpty();
  }

  // ------------------------------------------------------------------ evaluations

  @Test
  void each_day_with_an_evaluation_after_the_decision_for_treatment_is_an_evaluation_point() {
    var instance =
        only(
            tsb()
                .evaluation("ev0", "2022-02-20")
                .outcome("ci1", "2022-03-01", "CT")
                .evaluation("ev1", "2022-03-07")
                .evaluation("ev1b", "2022-03-07")
                .evaluation("ev2", "2022-04-25"));
    assertThat(of(instance, Milestone.EVALUATION))
        .extracting(c -> c.date().toString() + " " + c.rule() + " " + c.state())
        .containsExactly(
            "2022-03-07 MH-EVALUATION REGISTERED", "2022-04-25 MH-EVALUATION REGISTERED");
  }

  @Test
  void no_evaluation_point_after_a_decision_without_treatment() {
    assertThat(
            of(
                only(tsb().outcome("ci1", "2022-03-01", "CU").evaluation("ev1", "2022-03-07")),
                Milestone.EVALUATION))
        .isEmpty();
  }

  // ------------------------------------------------------------------ pasientutsatt

  @Test
  void a_missed_appointment_put_off_more_than_7_working_days_proposes_pasientutsatt() {
    // Monday 7 March 2022; the next attendance Thursday 17 March is 8 working days later
    var instance =
        only(
            tsb()
                .appointment("a1", "noshow", null, "2022-03-07", "sr1")
                .encounter("e2", "finished", "AMB", HF1, "2022-03-17"));
    var delays = of(instance, Milestone.PATIENT_DELAY);
    assertThat(delays).hasSize(1);
    var delay = delays.get(0);
    assertThat(delay.key()).isEqualTo("L");
    assertThat(delay.date()).hasToString("2022-03-07");
    assertThat(delay.state()).isEqualTo(CodeState.PROPOSED);
    assertThat(delay.rule()).isEqualTo("MH-PATIENT-DELAY");
    assertThat(delay.sources()).containsExactly("Appointment/a1", "Encounter/e2");
    assertThat(delay.inputs())
        .containsEntry("workingDays", "8")
        .containsEntry("nextOn", "2022-03-17");
  }

  @Test
  void a_delay_of_7_working_days_or_less_is_no_pasientutsatt() {
    // Wednesday 16 March is 7 working days after Monday 7 March
    assertThat(
            of(
                only(
                    tsb()
                        .appointment("a1", "noshow", null, "2022-03-07", null)
                        .appointment("a2", "booked", null, "2022-03-16", null)
                        .encounter("e2", "finished", "AMB", HF1, "2022-03-30")),
                Milestone.PATIENT_DELAY))
        .isEmpty();
  }

  @Test
  void only_a_cancellation_by_the_patient_counts() {
    var byPatient =
        only(
            tsb()
                .appointment("a1", "cancelled", "pat", "2022-03-07", null)
                .appointment("a2", "booked", null, "2022-03-21", null));
    assertThat(of(byPatient, Milestone.PATIENT_DELAY))
        .extracting(c -> c.date().toString())
        .containsExactly("2022-03-07");
    var byProvider =
        only(
            tsb()
                .appointment("a1", "cancelled", "prov", "2022-03-07", null)
                .appointment("a2", "booked", null, "2022-03-21", null));
    assertThat(of(byProvider, Milestone.PATIENT_DELAY)).isEmpty();
  }

  @Test
  void no_pasientutsatt_before_a_new_appointment_or_once_no_lead_time_runs() {
    assertThat(
            of(
                only(tsb().appointment("a1", "noshow", null, "2022-03-07", null)),
                Milestone.PATIENT_DELAY))
        .isEmpty();
    assertThat(
            of(
                only(
                    tsb()
                        .outcome("ci1", "2022-03-01", "CK")
                        .appointment("a1", "noshow", null, "2022-03-07", null)
                        .appointment("a2", "booked", null, "2022-03-28", null)),
                Milestone.PATIENT_DELAY))
        .isEmpty();
  }

  @Test
  void two_missed_appointments_before_the_same_next_one_are_one_delay() {
    var instance =
        only(
            tsb()
                .appointment("a1", "noshow", null, "2022-03-07", null)
                .appointment("a2", "cancelled", "pat", "2022-03-10", null)
                .encounter("e2", "finished", "AMB", HF1, "2022-03-28"));
    assertThat(of(instance, Milestone.PATIENT_DELAY))
        .extracting(c -> c.date().toString())
        .containsExactly("2022-03-07");
  }

  // ------------------------------------------------------------------ closure

  @Test
  void the_pathway_closes_when_its_episode_of_care_ends_and_nothing_after_counts() {
    var instance =
        only(
            tsb()
                .outcome("ci1", "2022-03-01", "CT")
                .evaluation("ev1", "2022-03-07")
                .episode("eoc1", "finished", HF1, "sr1", "2022-05-02")
                .evaluation("ev2", "2022-05-03"));
    var end = of(instance, Milestone.PATHWAY_END);
    assertThat(end).hasSize(1);
    assertThat(end.get(0).date()).hasToString("2022-05-02");
    assertThat(end.get(0).rule()).isEqualTo("MH-END-EPISODE");
    assertThat(of(instance, Milestone.EVALUATION))
        .extracting(c -> c.date().toString())
        .containsExactly("2022-03-07");
  }

  @Test
  void an_episode_still_active_or_of_another_unit_does_not_close_the_pathway() {
    assertThat(
            of(
                only(tsb().episode("eoc1", "active", HF1, "sr1", "2022-05-02")),
                Milestone.PATHWAY_END))
        .isEmpty();
    assertThat(
            of(
                only(tsb().episode("eoc1", "finished", HF2, null, "2022-05-02")),
                Milestone.PATHWAY_END))
        .isEmpty();
  }

  @Test
  void a_cancelled_episode_closes_the_pathway_for_other_reasons_the_day_it_ended() {
    var instance =
        only(
            tsb()
                .outcome("ci1", "2022-03-01", "CT")
                .episode("eoc1", "cancelled", HF1, "sr1", "2022-04-04")
                .evaluation("ev1", "2022-04-05"));
    assertThat(of(instance, Milestone.PATHWAY_END))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo("PATHWAY_END_OTHER_REASONS");
              assertThat(c.date()).hasToString("2022-04-04");
              assertThat(c.rule()).isEqualTo("MH-END-OTHER-REASONS");
              assertThat(c.inputs()).containsEntry("episodeStatus", "cancelled");
            });
    assertThat(of(instance, Milestone.EVALUATION)).isEmpty();
    // a finished episode is a completed pathway: the plain closing code
    assertThat(
            of(
                only(tsb().episode("eoc1", "finished", HF1, "sr1", "2022-04-04")),
                Milestone.PATHWAY_END))
        .extracting(DerivationResult.Code::key)
        .containsExactly("PATHWAY_END");
    // a cancelled episode without an end cannot be dated: no closure
    assertThat(
            of(only(tsb().episode("eoc1", "cancelled", HF1, "sr1", null)), Milestone.PATHWAY_END))
        .isEmpty();
  }

  @Test
  void death_closes_an_open_mental_health_pathway_for_other_reasons_on_the_day_of_death() {
    var instance = only(tsb().outcome("ci1", "2022-03-01", "CT").died("2022-03-10"));
    assertThat(of(instance, Milestone.PATHWAY_END))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo("PATHWAY_END_OTHER_REASONS");
              assertThat(c.date()).hasToString("2022-03-10");
              assertThat(c.rule()).isEqualTo("MH-END-OTHER-REASONS");
            });
    // the day after the episode finished, the pathway is already closed: no second closure
    var closed =
        only(tsb().episode("eoc1", "finished", HF1, "sr1", "2022-03-09").died("2022-03-10"));
    assertThat(of(closed, Milestone.PATHWAY_END))
        .extracting(c -> c.key() + " " + c.date())
        .containsExactly("PATHWAY_END 2022-03-09");
  }

  @Test
  void
      the_senders_transfer_is_dated_the_day_the_referral_was_sent_before_the_receiver_assessed_it() {
    var sent =
        aPatient()
            .referral("sr1", "D11", "2022-01-05", null, HF1)
            .task("t1", "sr1", "accepted", "2022-01-10", HF1)
            .referral("sr2", "D11", "2022-02-01", HF1, HF2);
    var result = derive(sent);
    assertThat(result.instances()).hasSize(1);
    assertThat(codes(result.instances().get(0)))
        .containsExactly("PATHWAY_START 2022-01-10", "TRANSFERRED 2022-02-01");
    // once the receiver has assessed it, the receiver has its own start; the sender's is unchanged
    var assessed = derive(sent.task("t2", "sr2", "accepted", "2022-02-08", HF2));
    assertThat(assessed.instances())
        .extracting(i -> i.organisation() + " " + codes(i))
        .containsExactlyInAnyOrder(
            "910000012 [PATHWAY_START 2022-01-10, TRANSFERRED 2022-02-01]",
            "910000020 [PATHWAY_START 2022-02-08]");
    // a referral within the unit is no transfer
    assertThat(
            codes(
                only(
                    aPatient()
                        .referral("sr1", "D11", "2022-01-05", null, HF1)
                        .task("t1", "sr1", "accepted", "2022-01-10", HF1)
                        .referral("sr2", "D11", "2022-02-01", HF1, HF1))))
        .containsExactly("PATHWAY_START 2022-01-10");
  }

  // ------------------------------------------------------------------ type codes not yet known

  /**
   * The psychosis pathway's type code is not known (catalogue, {@code value: null}); a hospital
   * that knows it loads a catalogue version with it. "X90" stands in for that code in this test
   * only.
   */
  @Test
  void a_pathway_whose_type_code_a_catalogue_version_fills_in_is_derived_like_the_others()
      throws Exception {
    String yaml;
    try (var in = MentalHealthDerivationTest.class.getResourceAsStream("/catalog/catalogue.yaml")) {
      yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var unknown =
        java.util.regex.Pattern.compile(
            "  - id: psychosis\n    codePrefix: \\{value: null, verified: false, note: [^\n]*");
    assertThat(yaml).containsPattern(unknown);
    var filledIn =
        no.forlop.catalog.CatalogueParser.parse(
            unknown
                .matcher(yaml.replace("version: \"", "version: \"local-"))
                .replaceFirst(
                    "  - id: psychosis\n    codePrefix: {value: X90, verified: false, note: \"local\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var facts =
        aPatient()
            .referral("sr1", "X90", "2022-01-05", null, HF1)
            .task("t1", "sr1", "accepted", "2022-01-10", HF1)
            .encounter("e1", "finished", "AMB", HF1, "2022-01-14")
            .outcome("ci1", "2022-02-01", "X90CP");
    var derived =
        new Derivation(
                filledIn, no.forlop.coding.RuleSetLoader.bundled(), DerivationTest.TERMINOLOGY)
            .derive(facts.build());
    assertThat(derived.instances())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.pathway()).isEqualTo("psychosis");
              assertThat(codes(i))
                  .containsExactly(
                      "PATHWAY_START 2022-01-10", "FIRST_ATTENDANCE 2022-01-14", "CP 2022-02-01");
            });
    // with the bundled catalogue the code is unknown: reported, not guessed
    var bundled = derive(facts);
    assertThat(bundled.instances()).isEmpty();
    assertThat(bundled.problems())
        .anySatisfy(p -> assertThat(p.reason()).contains("X90").contains("does not have"));
  }

  @Test
  void the_result_does_not_depend_on_the_order_of_the_events() {
    var facts =
        tsb()
            .typedOutcome("ci1", "2022-02-01", "D01", "CU")
            .outcome("ci2", "2022-03-01", "D01CT")
            .procedure("p1", "75516001", "2022-03-02", null)
            .evaluation("ev1", "2022-03-07")
            .appointment("a1", "noshow", null, "2022-03-14", "sr1")
            .encounter("e2", "finished", "AMB", HF1, "2022-03-28")
            .evaluation("ev2", "2022-04-25")
            .episode("eoc1", "finished", HF1, "sr1", "2022-06-01");
    var expected = derive(facts);
    assertThat(codes(expected.instances().get(0)))
        .containsExactly(
            "PATHWAY_START 2022-01-20",
            "FIRST_ATTENDANCE 2022-01-25",
            "CU 2022-02-01",
            "CT 2022-03-01",
            "TREATMENT_START 2022-03-02",
            "EVALUATION 2022-03-07",
            "L 2022-03-14",
            "EVALUATION 2022-04-25",
            "PATHWAY_END 2022-06-01");
    for (long seed = 1; seed <= 5; seed++) {
      assertThat(DerivationTest.DERIVATION.derive(facts.shuffled(seed))).isEqualTo(expected);
    }
  }
}

package no.forlop.coding.domain;

import static no.forlop.coding.domain.Facts.HF1;
import static no.forlop.coding.domain.Facts.aPatient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.forlop.catalog.Milestone;
import no.forlop.coding.Code;
import no.forlop.pathway.CodeState;
import org.junit.jupiter.api.Test;

/**
 * Mental-health decisions from a documented diagnosis (FHIR Condition: MH-DECISION-OUTCOME, and the
 * proposal MH-DECISION-FROM-DIAGNOSIS) and evaluation points from a completed questionnaire
 * (MH-EVALUATION, {@code questionnaires}), both sides of each boundary (docs/rules.md).
 */
class MentalHealthDiagnosisAndQuestionnaireTest {

  private static final String EVALUATION_FORM = "https://forlop.no/fhir/Questionnaire/evaluering";

  private static DerivationResult.Instance only(Facts facts) {
    var result = DerivationTest.DERIVATION.derive(facts.build());
    assertThat(result.instances()).hasSize(1);
    return result.instances().get(0);
  }

  private static List<DerivationResult.Code> of(
      DerivationResult.Instance instance, Milestone milestone) {
    return instance.codes().stream().filter(c -> c.milestone() == milestone).toList();
  }

  private static List<String> decisions(Facts facts) {
    return of(only(facts), Milestone.CLINICAL_DECISION).stream()
        .map(c -> c.key() + " " + c.date() + " " + c.state() + " " + c.rule())
        .toList();
  }

  /** Adult mental health (D11), started 20 January 2022 at HF1, first attendance 25 January. */
  private static Facts adults() {
    return started("D11");
  }

  /** TSB (D01), started and attended as {@link #adults()}. */
  private static Facts tsb() {
    return started("D01");
  }

  private static Facts started(String type) {
    return aPatient()
        .referral("sr1", type, "2022-01-05", null, HF1)
        .task("t1", "sr1", "accepted", "2022-01-20", HF1)
        .encounter("e1", "finished", "AMB", HF1, "2022-01-25");
  }

  private static Code outcome(String code) {
    return new Code(Code.PATHWAY_CODES, code);
  }

  // ------------------------------------------------------------------ Condition with an outcome

  @Test
  void a_confirmed_condition_with_an_outcome_is_a_registered_decision_like_an_impression() {
    assertThat(
            decisions(adults().condition("c1", "confirmed", "2022-02-01", null, outcome("D11CP"))))
        .containsExactly("CP 2022-02-01 REGISTERED MH-DECISION-OUTCOME");
    assertThat(
            decisions(
                tsb()
                    .condition(
                        "c1",
                        "confirmed",
                        "2022-02-01",
                        null,
                        new Code("urn:oid:2.16.578.1.12.4.1.1.9321", "D01"),
                        new Code("urn:oid:2.16.578.1.12.4.1.1.9322", "CT"))))
        .containsExactly("CT 2022-02-01 REGISTERED MH-DECISION-OUTCOME");
  }

  @Test
  void a_condition_not_confirmed_is_no_decision_and_proposes_nothing() {
    for (var status : List.of("provisional", "differential", "refuted", "entered-in-error")) {
      assertThat(
              decisions(
                  adults()
                      .condition(
                          "c1",
                          status,
                          "2022-02-01",
                          null,
                          outcome("D11CP"),
                          new Code(Code.ICD10, "F32.1"))))
          .as(status)
          .isEmpty();
    }
  }

  @Test
  void a_condition_with_another_pathway_types_outcome_is_not_this_pathways_decision() {
    assertThat(
            decisions(adults().condition("c1", "confirmed", "2022-02-01", null, outcome("D01CT"))))
        .isEmpty();
  }

  // ------------------------------------------------------------------ proposal from the diagnosis

  @Test
  void an_f_diagnosis_alone_proposes_cp_in_mental_health_dated_the_diagnosis() {
    var decision =
        of(
            only(adults().confirmedDiagnosis("c1", "2022-02-01", "F32.1")),
            Milestone.CLINICAL_DECISION);
    assertThat(decision)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.key()).isEqualTo("CP");
              assertThat(c.date()).hasToString("2022-02-01");
              assertThat(c.state()).isEqualTo(CodeState.PROPOSED);
              assertThat(c.rule()).isEqualTo("MH-DECISION-FROM-DIAGNOSIS");
              assertThat(c.sources()).containsExactly("Condition/c1");
              assertThat(c.inputs()).containsEntry("icd10", "F321").containsEntry("outcome", "CP");
              assertThat(c.note().english()).contains("F321").contains("confirm");
            });
  }

  @Test
  void an_f_diagnosis_alone_proposes_ct_in_substance_use() {
    assertThat(decisions(tsb().confirmedDiagnosis("c1", "2022-02-01", "F10.2")))
        .containsExactly("CT 2022-02-01 PROPOSED MH-DECISION-FROM-DIAGNOSIS");
  }

  @Test
  void a_completed_impression_with_an_f_diagnosis_proposes_too_and_the_first_diagnosis_wins() {
    assertThat(
            decisions(
                adults()
                    .confirmedDiagnosis("c2", "2022-02-10", "F41.1")
                    .diagnosis("ci1", "2022-02-03", null, "F32.1")))
        .containsExactly("CP 2022-02-03 PROPOSED MH-DECISION-FROM-DIAGNOSIS");
  }

  @Test
  void the_f_chapter_bounds_count_and_a_diagnosis_outside_it_proposes_nothing() {
    assertThat(decisions(adults().confirmedDiagnosis("c1", "2022-02-01", "F00.0")))
        .containsExactly("CP 2022-02-01 PROPOSED MH-DECISION-FROM-DIAGNOSIS");
    assertThat(decisions(adults().confirmedDiagnosis("c1", "2022-02-01", "F99")))
        .containsExactly("CP 2022-02-01 PROPOSED MH-DECISION-FROM-DIAGNOSIS");
    assertThat(decisions(adults().confirmedDiagnosis("c1", "2022-02-01", "E66.9"))).isEmpty();
    assertThat(decisions(adults().confirmedDiagnosis("c1", "2022-02-01", "G30.0"))).isEmpty();
    assertThat(decisions(adults().confirmedDiagnosis("c1", "2022-02-01", "Z03.2"))).isEmpty();
  }

  @Test
  void an_explicit_outcome_always_wins_over_the_diagnosis() {
    // before and after the diagnosis, and a CU that leads to a second decision later
    assertThat(
            decisions(
                adults()
                    .confirmedDiagnosis("c1", "2022-02-01", "F32.1")
                    .outcome("ci1", "2022-02-15", "D11CK")))
        .containsExactly("CK 2022-02-15 REGISTERED MH-DECISION-OUTCOME");
    assertThat(
            decisions(
                adults()
                    .outcome("ci1", "2022-01-28", "D11CU")
                    .confirmedDiagnosis("c1", "2022-02-01", "F32.1")))
        .containsExactly("CU 2022-01-28 REGISTERED MH-DECISION-OUTCOME");
    assertThat(
            decisions(
                adults()
                    .condition(
                        "c1",
                        "confirmed",
                        "2022-02-01",
                        null,
                        new Code(Code.ICD10, "F32.1"),
                        outcome("D11CS"))))
        .containsExactly("CS 2022-02-01 REGISTERED MH-DECISION-OUTCOME");
  }

  @Test
  void no_proposal_from_a_diagnosis_before_the_pathway_started() {
    assertThat(decisions(adults().confirmedDiagnosis("c1", "2022-01-19", "F32.1"))).isEmpty();
  }

  @Test
  void treatment_and_evaluations_follow_a_proposed_decision() {
    var instance =
        only(
            adults()
                .confirmedDiagnosis("c1", "2022-02-01", "F32.1")
                .procedure("p1", "75516001", "2022-02-08", null)
                .questionnaireResponse("qr1", "completed", "2022-03-01", EVALUATION_FORM));
    assertThat(of(instance, Milestone.TREATMENT_START))
        .extracting(c -> c.date().toString())
        .containsExactly("2022-02-08");
    assertThat(of(instance, Milestone.EVALUATION))
        .extracting(c -> c.date().toString())
        .containsExactly("2022-03-01");
  }

  @Test
  void a_cancer_pathway_is_unaffected_by_conditions() {
    var colorectal =
        aPatient()
            .referral("sr1", "A12A", "2024-03-01", null, HF1)
            .task("t1", "sr1", "received", "2024-03-04", HF1)
            .encounter("e1", "finished", "AMB", HF1, "2024-03-11");
    assertThat(
            of(
                only(colorectal.confirmedDiagnosis("c1", "2024-03-20", "C18.7", "F32.1")),
                Milestone.CLINICAL_DECISION))
        .isEmpty();
    assertThat(
            of(
                only(colorectal.diagnosis("ci1", "2024-03-21", "Encounter/e1", "C18.7")),
                Milestone.CLINICAL_DECISION))
        .extracting(c -> c.key() + " " + c.date() + " " + c.rule())
        .containsExactly("CK 2024-03-21 DECISION-FROM-DIAGNOSIS");
  }

  @Test
  void the_result_does_not_depend_on_the_order_of_the_events() {
    var facts =
        tsb()
            .confirmedDiagnosis("c1", "2022-02-01", "F10.2")
            .questionnaireResponse("qr1", "completed", "2022-02-07", EVALUATION_FORM)
            .questionnaireResponse("qr2", "amended", "2022-03-28", EVALUATION_FORM + "|2.0");
    var expected = DerivationTest.DERIVATION.derive(facts.build());
    for (long seed = 1; seed <= 5; seed++) {
      assertThat(DerivationTest.DERIVATION.derive(facts.shuffled(seed))).isEqualTo(expected);
    }
  }

  // ------------------------------------------------------------------ questionnaires

  /** TSB with the decision D01CT on 1 March 2022 and a response to the questionnaire. */
  private static List<String> evaluations(String status, String date, String questionnaire) {
    return of(
            only(
                tsb()
                    .outcome("ci1", "2022-03-01", "D01CT")
                    .questionnaireResponse("qr1", status, date, questionnaire)),
            Milestone.EVALUATION)
        .stream()
        .map(c -> c.date() + " " + c.state() + " " + c.rule() + " " + c.sources())
        .toList();
  }

  @Test
  void a_completed_response_to_a_listed_questionnaire_is_an_evaluation_point() {
    assertThat(evaluations("completed", "2022-03-07", EVALUATION_FORM))
        .containsExactly("2022-03-07 REGISTERED MH-EVALUATION [QuestionnaireResponse/qr1]");
  }

  @Test
  void an_amended_response_counts_and_one_in_progress_or_stopped_does_not() {
    assertThat(evaluations("amended", "2022-03-07", EVALUATION_FORM))
        .containsExactly("2022-03-07 REGISTERED MH-EVALUATION [QuestionnaireResponse/qr1]");
    assertThat(evaluations("in-progress", "2022-03-07", EVALUATION_FORM)).isEmpty();
    assertThat(evaluations("stopped", "2022-03-07", EVALUATION_FORM)).isEmpty();
    assertThat(evaluations("entered-in-error", "2022-03-07", EVALUATION_FORM)).isEmpty();
  }

  @Test
  void a_response_to_a_questionnaire_not_listed_is_no_evaluation() {
    assertThat(evaluations("completed", "2022-03-07", "https://forlop.no/fhir/Questionnaire/other"))
        .isEmpty();
    assertThat(evaluations("completed", "2022-03-07", "https://example.org/Questionnaire/phq-9"))
        .isEmpty();
  }

  @Test
  void a_versioned_canonical_matches_the_listed_questionnaire() {
    assertThat(evaluations("completed", "2022-03-07", EVALUATION_FORM + "|1.0"))
        .containsExactly("2022-03-07 REGISTERED MH-EVALUATION [QuestionnaireResponse/qr1]");
  }

  @Test
  void a_response_before_the_decision_for_treatment_is_no_evaluation_point_nor_a_decision() {
    var instance =
        only(
            tsb()
                .questionnaireResponse("qr0", "completed", "2022-02-20", EVALUATION_FORM)
                .outcome("ci1", "2022-03-01", "D01CT"));
    assertThat(of(instance, Milestone.EVALUATION)).isEmpty();
    assertThat(of(instance, Milestone.CLINICAL_DECISION))
        .extracting(DerivationResult.Code::key)
        .containsExactly("CT");
  }

  @Test
  void a_questionnaire_hospital_lists_in_the_rule_counts() throws Exception {
    var own = "https://helse-fjordby.example/fhir/Questionnaire/tilbakemelding";
    String yaml;
    try (var in = getClass().getResourceAsStream("/coding/derivation-rules.yaml")) {
      yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    var changed =
        yaml.replace(
            "questionnaires: [\"" + EVALUATION_FORM + "\"]",
            "questionnaires: [\"" + EVALUATION_FORM + "\", \"" + own + "|3\"]");
    assertThat(changed).isNotEqualTo(yaml);
    var derivation =
        new Derivation(
            DerivationTest.CATALOGUE,
            no.forlop.coding.RuleSetLoader.parse(
                changed.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            DerivationTest.TERMINOLOGY);
    var facts =
        tsb()
            .outcome("ci1", "2022-03-01", "D01CT")
            .questionnaireResponse("qr1", "completed", "2022-03-07", own);
    assertThat(derivation.derive(facts.build()).instances().get(0).codes())
        .filteredOn(c -> c.milestone() == Milestone.EVALUATION)
        .extracting(c -> c.date() + " " + c.state() + " " + c.rule() + " " + c.sources())
        .containsExactly("2022-03-07 REGISTERED MH-EVALUATION [QuestionnaireResponse/qr1]");
    assertThat(of(only(facts), Milestone.EVALUATION)).isEmpty();
  }
}

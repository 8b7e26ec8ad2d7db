package no.forlop.coding.domain;

import static no.forlop.coding.domain.Facts.HF1;
import static no.forlop.coding.domain.Facts.HF2;
import static no.forlop.coding.domain.Facts.aPatient;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueParser;
import no.forlop.coding.RuleSetLoader;
import no.forlop.pathway.CodeState;
import org.junit.jupiter.api.Test;

/** The derivation from EHR facts to codes, rule by rule, independent of arrival order. */
class DerivationTest {

  static final Catalogue CATALOGUE = catalogue();
  static final no.forlop.terminology.domain.Terminology TERMINOLOGY =
      no.forlop.terminology.DefaultTerminology.bundled().terminology();
  static final Derivation DERIVATION =
      new Derivation(CATALOGUE, RuleSetLoader.bundled(), TERMINOLOGY);

  private static Catalogue catalogue() {
    try (var in = DerivationTest.class.getResourceAsStream("/catalog/catalogue.yaml")) {
      return CatalogueParser.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static DerivationResult derive(Facts facts) {
    return DERIVATION.derive(facts.build());
  }

  private static List<String> codes(DerivationResult.Instance instance) {
    return instance.codes().stream().map(c -> c.key() + " " + c.date()).toList();
  }

  private static DerivationResult.Instance only(DerivationResult result) {
    assertThat(result.instances()).hasSize(1);
    return result.instances().get(0);
  }

  private static Facts colorectal() {
    return aPatient()
        .referral("sr1", "A12A", "2024-03-01", null, HF1)
        .task("t1", "sr1", "received", "2024-03-04", HF1)
        .task("t1b", "sr1", "accepted", "2024-03-06", HF1)
        .encounter("e1", "finished", "AMB", HF1, "2024-03-11")
        .procedure("bx1", "86273004", "2024-03-11", null)
        .diagnosis("ci1", "2024-03-20", "Encounter/e1", "C18.7")
        .procedure("op1", "387713003", "2024-04-05", null);
  }

  @Test
  void a_full_colorectal_pathway_is_derived_from_its_events() {
    var instance = only(derive(colorectal()));
    assertThat(instance.pathway()).isEqualTo("colorectal");
    assertThat(instance.organisation()).isEqualTo("910000012");
    assertThat(codes(instance))
        .containsExactly("A 2024-03-04", "S 2024-03-11", "CK 2024-03-20", "FK 2024-04-05");
    assertThat(instance.milestones())
        .extracting(m -> m.type() + " " + m.date())
        .containsExactly("BIOPSY 2024-03-11");
    var start = instance.codes().get(0);
    assertThat(start.rule()).isEqualTo("START-REFERRAL-RECEIVED");
    assertThat(start.sources()).containsExactly("ServiceRequest/sr1", "Task/t1");
    assertThat(instance.codes().get(2).inputs()).containsEntry("icd10", "C187");
  }

  @Test
  void the_result_does_not_depend_on_the_order_of_the_events() {
    var inOrder = DERIVATION.derive(colorectal().build());
    for (long seed = 1; seed <= 20; seed++) {
      assertThat(DERIVATION.derive(colorectal().shuffled(seed))).isEqualTo(inOrder);
    }
  }

  @Test
  void without_a_receipt_the_referral_date_is_the_start() {
    var instance = only(derive(aPatient().referral("sr1", "A12A", "2024-03-01", null, HF1)));
    assertThat(codes(instance)).containsExactly("A 2024-03-01");
    assertThat(instance.codes().get(0).rule()).isEqualTo("START-REFERRAL-AUTHORED");
  }

  @Test
  void suspicion_arising_in_hospital_starts_on_the_day_it_was_documented() {
    var instance =
        only(
            derive(
                aPatient()
                    .encounter("e7", "finished", "IMP", HF1, "2024-10-01")
                    .referral("sr7", "A36A", "2024-10-10", HF1, HF1)));
    assertThat(codes(instance)).containsExactly("A 2024-10-10");
    assertThat(instance.codes().get(0).rule()).isEqualTo("START-SUSPICION-IN-HOSPITAL");
  }

  @Test
  void imaging_counts_as_first_attendance() {
    var instance =
        only(
            derive(
                aPatient()
                    .referral("sr2", "A37A", "2024-09-02", null, HF1)
                    .imaging("img2", HF1, "2024-09-09")
                    .encounter("e2", "finished", "AMB", HF1, "2024-09-11")));
    assertThat(codes(instance)).containsExactly("A 2024-09-02", "S 2024-09-09");
    assertThat(instance.codes().get(1).rule()).isEqualTo("FIRST-ATTENDANCE-IMAGING");
  }

  @Test
  void cancelled_and_erroneous_attendances_and_other_organisations_do_not_count() {
    var instance =
        only(
            derive(
                aPatient()
                    .referral("sr5", "A32A", "2024-05-02", null, HF1)
                    .encounter("e5", "entered-in-error", "AMB", HF1, "2024-05-06")
                    .encounter("e6", "cancelled", "AMB", HF1, "2024-05-07")
                    .encounter("e7", "finished", "AMB", HF2, "2024-05-07")
                    .encounter("e8", "finished", "EMER", HF1, "2024-05-07")
                    .encounter("e5b", "finished", "AMB", HF1, "2024-05-08")));
    assertThat(codes(instance)).containsExactly("A 2024-05-02", "S 2024-05-08");
  }

  @Test
  void a_diagnosis_of_another_cancer_other_disease_or_none_gives_cm_ca_ci() {
    var start = "A 2024-03-01 REGISTERED START-REFERRAL-AUTHORED";
    var attended = "S 2024-03-11 REGISTERED FIRST-ATTENDANCE-ENCOUNTER";
    assertThat(traced(only(derive(colorectalDiagnosed("C34.1")))))
        .containsExactly(start, attended, "CM 2024-03-20 REGISTERED DECISION-FROM-DIAGNOSIS C341");
    assertThat(traced(only(derive(colorectalDiagnosed("K57.3")))))
        .containsExactly(start, attended, "CA 2024-03-20 REGISTERED DECISION-FROM-DIAGNOSIS K573");
    assertThat(traced(only(derive(colorectalDiagnosed("Z03.1")))))
        .containsExactly(start, attended, "CI 2024-03-20 REGISTERED DECISION-FROM-DIAGNOSIS Z031");
    assertThat(traced(only(derive(colorectalDiagnosed("C20")))))
        .containsExactly(start, attended, "CK 2024-03-20 REGISTERED DECISION-FROM-DIAGNOSIS C20");
  }

  /** A colorectal pathway, attended, whose only diagnosis is this one (on 20 March 2024). */
  private static Facts colorectalDiagnosed(String icd10) {
    return aPatient()
        .referral("sr1", "A12A", "2024-03-01", null, HF1)
        .encounter("e1", "finished", "AMB", HF1, "2024-03-11")
        .diagnosis("ci1", "2024-03-20", null, icd10);
  }

  /** Each code with its date, state, rule and (where read) the ICD-10 code. */
  private static List<String> traced(DerivationResult.Instance instance) {
    return instance.codes().stream()
        .map(
            c ->
                (c.key()
                        + " "
                        + c.date()
                        + " "
                        + c.state()
                        + " "
                        + c.rule()
                        + " "
                        + c.inputs().getOrDefault("icd10", ""))
                    .strip())
        .toList();
  }

  @Test
  void treatment_starts_on_the_first_treatment_day_after_the_decision_only() {
    var instance =
        only(
            derive(
                colorectal()
                    .drug("m0", "L01XX", "2024-03-15", "completed")
                    .drug("m1", "L01BC02", "2024-04-01", "completed")
                    .procedure("op2", "387713003", "2024-05-05", null)));
    assertThat(codes(instance)).contains("FM 2024-04-01").doesNotContain("FK 2024-04-05");
  }

  @Test
  void no_treatment_start_follows_a_decision_that_found_no_cancer() {
    var instance =
        only(
            derive(
                aPatient()
                    .referral("sr1", "A12A", "2024-03-01", null, HF1)
                    .encounter("e1", "finished", "AMB", HF1, "2024-03-11")
                    .diagnosis("ci1", "2024-03-20", null, "K57.3")
                    .procedure("op1", "387713003", "2024-04-05", null)));
    assertThat(codes(instance)).containsExactly("A 2024-03-01", "S 2024-03-11", "CA 2024-03-20");
  }

  @Test
  void a_drug_that_is_not_a_cancer_drug_is_not_a_treatment_start() {
    var instance = only(derive(colorectal().drug("m1", "N02BE01", "2024-03-25", "completed")));
    assertThat(codes(instance)).contains("FK 2024-04-05");
  }

  @Test
  void radiotherapy_gives_fs() {
    var instance =
        only(
            derive(
                aPatient()
                    .referral("sr1", "A12A", "2024-03-01", null, HF1)
                    .encounter("e1", "finished", "AMB", HF1, "2024-03-11")
                    .diagnosis("ci1", "2024-03-20", null, "C20")
                    .procedure("rt1", "108290001", "2024-04-02", null)));
    assertThat(codes(instance)).contains("FS 2024-04-02");
  }

  @Test
  void a_transfer_gives_o_at_the_sender_and_a_new_start_at_the_receiver() {
    var result =
        derive(
            aPatient()
                .referral("sr6", "A21A", "2024-01-30", null, HF1)
                .task("t6", "sr6", "received", "2024-02-01", HF1)
                .encounter("e6", "finished", "AMB", HF1, "2024-02-06")
                .referral("sr6b", "A21", "2024-02-12", HF1, HF2)
                .task("t6b", "sr6b", "received", "2024-02-13", HF2)
                .encounter("e6b", "finished", "AMB", HF2, "2024-02-15"));
    assertThat(result.instances()).hasSize(2);
    var sender =
        result.instances().stream()
            .filter(i -> i.organisation().equals("910000012"))
            .findFirst()
            .orElseThrow();
    var receiver =
        result.instances().stream()
            .filter(i -> i.organisation().equals("910000020"))
            .findFirst()
            .orElseThrow();
    assertThat(codes(sender)).containsExactly("A 2024-02-01", "S 2024-02-06", "O 2024-02-12");
    assertThat(codes(receiver)).containsExactly("A 2024-02-13", "S 2024-02-15");
  }

  @Test
  void the_diagnostic_pathway_ends_at_death() {
    var instance =
        only(
            derive(
                aPatient()
                    .referral("sr8", "C01A", "2024-01-12", null, HF1)
                    .task("t8", "sr8", "received", "2024-01-15", HF1)
                    .encounter("e8", "finished", "AMB", HF1, "2024-01-18")
                    .died("2024-01-25")));
    assertThat(codes(instance)).containsExactly("A 2024-01-15", "S 2024-01-18", "X 2024-01-25");
  }

  @Test
  void a_pk_referral_without_a_pathway_code_proposes_the_pathway_of_its_diagnosis() {
    var instance =
        only(
            derive(
                aPatient()
                    .pkReferral("sr9", "2024-11-04", "C73")
                    .task("t9", "sr9", "received", "2024-11-05", HF1)));
    assertThat(instance.pathway()).isEqualTo("thyroid");
    assertThat(instance.codes().get(0).state()).isEqualTo(CodeState.PROPOSED);
    assertThat(instance.codes().get(0).rule()).isEqualTo("START-PK-INFERRED");
    assertThat(instance.codes().get(0).date()).isEqualTo(LocalDate.parse("2024-11-05"));
  }

  @Test
  void a_pk_referral_whose_diagnosis_fits_no_pathway_is_reported() {
    var result = derive(aPatient().pkReferral("sr9", "2024-11-04", "R63.4"));
    assertThat(result.instances()).isEmpty();
    assertThat(result.problems())
        .extracting(p -> p.source() + " " + p.code())
        .containsExactly("ServiceRequest/sr9 PK_REFERRAL_WITHOUT_PATHWAY");
  }

  @Test
  void an_unknown_pathway_code_is_reported_not_guessed() {
    var result = derive(aPatient().referral("sr1", "A99A", "2024-03-01", null, HF1));
    assertThat(result.instances()).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.source()).isEqualTo("ServiceRequest/sr1");
              assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_PATHWAY_CODE);
              assertThat(problem.args()).containsExactly("A99A", CATALOGUE.version());
              assertThat(problem.reason()).contains("A99A");
              assertThat(problem.text(ProblemCode.NORWEGIAN))
                  .isEqualTo(
                      "har forløpskoden A99A, som katalogen (versjon "
                          + CATALOGUE.version()
                          + ") ikke har");
            });
  }

  @Test
  void facts_about_a_patient_never_received_are_reported() {
    var result =
        DERIVATION.derive(
            Facts.withoutPatientRecord().referral("sr1", "A12A", "2024-03-01", null, HF1).build());
    assertThat(result.instances()).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.source()).isEqualTo("ServiceRequest/sr1");
              assertThat(problem.code()).isEqualTo(ProblemCode.PATIENT_NEVER_RECEIVED);
              assertThat(problem.reason()).contains("never received");
            });
  }

  @Test
  void a_referral_to_an_organisation_never_received_is_reported() {
    var result =
        derive(aPatient().referral("sr1", "A12A", "2024-03-01", null, "Organization/nowhere"));
    assertThat(result.instances()).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(ProblemCode.ORGANISATION_NEVER_RECEIVED);
              assertThat(problem.reason()).contains("Organization/nowhere");
            });
  }

  @Test
  void a_mental_health_pathway_starts_when_the_referral_assessment_is_completed() {
    var instance =
        only(
            derive(
                aPatient()
                    .referral("sr1", "D11", "2022-01-05", null, HF1)
                    .task("t1", "sr1", "received", "2022-01-10", HF1)
                    .task("t2", "sr1", "accepted", "2022-01-20", HF1)
                    .encounter("e1", "finished", "AMB", HF1, "2022-01-25")
                    .outcome("ci1", "2022-02-15", "D11CU")
                    .outcome("ci2", "2022-03-20", "CP")));
    assertThat(codes(instance))
        .containsExactly(
            "PATHWAY_START 2022-01-20",
            "FIRST_ATTENDANCE 2022-01-25",
            "CU 2022-02-15",
            "CP 2022-03-20");
  }

  @Test
  void a_mental_health_referral_not_yet_assessed_has_not_started() {
    var result =
        derive(
            aPatient()
                .referral("sr1", "D01", "2022-01-05", null, HF1)
                .task("t1", "sr1", "received", "2022-01-10", HF1));
    assertThat(result.instances()).isEmpty();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void with_two_open_pathways_a_diagnosis_goes_to_the_pathway_it_belongs_to() {
    var result =
        derive(
            aPatient()
                .referral("sr1", "A12A", "2024-03-01", null, HF1)
                .referral("sr2", "A37A", "2024-03-02", null, HF1)
                .encounter("e1", "finished", "AMB", HF1, "2024-03-11")
                .diagnosis("ci1", "2024-03-20", null, "C73"));
    var thyroid =
        result.instances().stream()
            .filter(i -> i.pathway().equals("thyroid"))
            .findFirst()
            .orElseThrow();
    var colorectal =
        result.instances().stream()
            .filter(i -> i.pathway().equals("colorectal"))
            .findFirst()
            .orElseThrow();
    assertThat(codes(thyroid)).contains("CK 2024-03-20");
    assertThat(codes(colorectal)).noneMatch(c -> c.startsWith("C"));
  }
}

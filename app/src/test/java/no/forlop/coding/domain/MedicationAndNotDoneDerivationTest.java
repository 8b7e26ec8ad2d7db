package no.forlop.coding.domain;

import static no.forlop.coding.domain.Facts.HF1;
import static no.forlop.coding.domain.Facts.aPatient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.forlop.catalog.Milestone;
import no.forlop.coding.Code;
import org.junit.jupiter.api.Test;

/**
 * A drug named by medicationReference counts by the codes of the Medication it names, and the trace
 * says so; what was not done counts for nothing.
 */
class MedicationAndNotDoneDerivationTest {

  private static final Code FLUOROURACIL = new Code(Code.ATC, "L01BC02");
  private static final Code NDC = new Code("http://hl7.org/fhir/sid/ndc", "0409-6531-02");

  private static Facts colorectalDecided() {
    return aPatient()
        .referral("sr1", "A12A", "2024-03-01", null, HF1)
        .task("t1", "sr1", "received", "2024-03-04", HF1)
        .encounter("e1", "finished", "AMB", HF1, "2024-03-11")
        .diagnosis("ci1", "2024-03-20", "Encounter/e1", "C18.7");
  }

  private static DerivationResult derive(Facts facts) {
    return DerivationTest.DERIVATION.derive(facts.build());
  }

  private static List<DerivationResult.Code> treatments(DerivationResult result) {
    assertThat(result.instances()).hasSize(1);
    return result.instances().get(0).codes().stream()
        .filter(c -> c.milestone() == Milestone.TREATMENT_START)
        .toList();
  }

  @Test
  void a_drug_whose_medication_is_a_cancer_drug_gives_fm_with_the_medication_in_its_trace() {
    var result =
        derive(
            colorectalDecided()
                .drugNamed("ma1", "med1", "2024-04-01", "completed")
                .medication("med1", "active", NDC, FLUOROURACIL));

    assertThat(treatments(result))
        .singleElement()
        .satisfies(
            fm -> {
              assertThat(fm.key()).isEqualTo("FM");
              assertThat(fm.date()).hasToString("2024-04-01");
              assertThat(fm.rule()).isEqualTo("TREATMENT-DRUG");
              assertThat(fm.sources())
                  .containsExactly("MedicationAdministration/ma1", "Medication/med1");
            });
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void a_drug_whose_medication_has_no_atc_code_gives_nothing() {
    var result =
        derive(
            colorectalDecided()
                .drugNamed("ma1", "med1", "2024-04-01", "completed")
                .medication("med1", null, NDC));

    assertThat(treatments(result)).isEmpty();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void a_drug_whose_medication_was_entered_in_error_gives_nothing() {
    var result =
        derive(
            colorectalDecided()
                .drugNamed("ma1", "med1", "2024-04-01", "completed")
                .medication("med1", "entered-in-error", FLUOROURACIL));

    assertThat(treatments(result)).isEmpty();
  }

  @Test
  void a_drug_whose_medication_has_not_arrived_gives_nothing_yet_and_says_what_is_missing() {
    var result = derive(colorectalDecided().drugNamed("ma1", "med1", "2024-04-01", "completed"));

    assertThat(treatments(result)).isEmpty();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo("MedicationAdministration/ma1");
              assertThat(p.reason())
                  .startsWith(
                      "names the medication Medication/med1, which was never received: send the"
                          + " Medication resource");
            });
  }

  @Test
  void the_medication_counts_only_for_the_statuses_the_rule_counts() {
    var result =
        derive(
            colorectalDecided()
                .drugNamed("ma1", "med1", "2024-04-01", "stopped")
                .medication("med1", "active", FLUOROURACIL));

    assertThat(treatments(result)).isEmpty();
  }

  @Test
  void a_drug_named_by_medication_starts_mental_health_treatment_too() {
    var result =
        derive(
            aPatient()
                .referral("sr1", "D01", "2022-01-10", null, HF1)
                .task("t1", "sr1", "accepted", "2022-01-17", HF1)
                .encounter("e1", "finished", "AMB", HF1, "2022-01-20")
                .outcome("ci1", "2022-03-01", "CT")
                .drugNamed("ma1", "bup", "2022-03-03", "completed")
                .medication("bup", "active", new Code(Code.ATC, "N07BC01")));

    assertThat(treatments(result))
        .singleElement()
        .satisfies(
            start -> {
              assertThat(start.date()).hasToString("2022-03-03");
              assertThat(start.rule()).isEqualTo("MH-TREATMENT-START");
              assertThat(start.sources())
                  .containsExactly("MedicationAdministration/ma1", "Medication/bup");
            });
  }

  @Test
  void the_result_does_not_depend_on_the_order_of_the_events() {
    var facts =
        colorectalDecided()
            .drugNamed("ma1", "med1", "2024-04-01", "completed")
            .drugNamed("ma0", "med0", "2024-03-28", "completed")
            .medication("med1", "active", FLUOROURACIL)
            .medication("med0", "active", NDC);
    var inOrder = DerivationTest.DERIVATION.derive(facts.build());
    for (long seed = 1; seed <= 10; seed++) {
      assertThat(DerivationTest.DERIVATION.derive(facts.shuffled(seed))).isEqualTo(inOrder);
    }
  }

  @Test
  void a_procedure_not_done_counts_for_no_rule() {
    var result =
        derive(
            colorectalDecided()
                .notDone("Procedure/op1")
                .notDone("Procedure/bx1")
                .notDone("MedicationAdministration/ma1"));

    assertThat(treatments(result)).isEmpty();
    assertThat(result.instances().get(0).milestones()).isEmpty();
    assertThat(result.problems()).isEmpty();
  }
}

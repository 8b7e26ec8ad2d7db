package no.forlop.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mental-health decision proposed from a diagnosis (MH-DECISION-FROM-DIAGNOSIS), through the
 * real intake and pathway engine: the codes that follow it are proposals too, the coordinator
 * confirms it with one click and what follows then registers, and an explicit outcome replaces it.
 */
class DecisionFromDiagnosisIT extends ApplicationTest {

  static final LocalDate AS_OF = LocalDate.parse("2024-06-30");
  static final Actor EHR = new Actor("ehr-test", "INTEGRATION");
  static final Actor COORDINATOR = new Actor("kari.koordinator", "CODING");

  @Autowired IntakeService intake;
  @Autowired PathwayService pathways;

  /** A TSB (D01) or mental-health (D11) pathway's events as NDJSON, for an invented patient. */
  static final class Ehr {
    final String patient = TestPatients.next();
    final String p = "p-" + UUID.randomUUID();

    String started(String type) {
      return line(
              "{\"resourceType\":\"Patient\",\"id\":\"%s\",\"identifier\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.4.1\",\"value\":\"%s\"}]}",
              p, patient)
          + line(
              "{\"resourceType\":\"Organization\",\"id\":\"hf1\",\"identifier\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.4.101\",\"value\":\"910000012\"}]}")
          + line(
              "{\"resourceType\":\"ServiceRequest\",\"id\":\"sr-%s\",\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/%s\"},\"performer\":[{\"reference\":\"Organization/hf1\"}],\"authoredOn\":\"2024-02-01T10:00:00+01:00\",\"code\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.8480\",\"code\":\"%s\"}]}}",
              p, p, type)
          + line(
              "{\"resourceType\":\"Task\",\"id\":\"t-%s\",\"status\":\"accepted\",\"intent\":\"order\",\"focus\":{\"reference\":\"ServiceRequest/sr-%s\"},\"for\":{\"reference\":\"Patient/%s\"},\"owner\":{\"reference\":\"Organization/hf1\"},\"authoredOn\":\"2024-02-05T10:00:00+01:00\"}",
              p, p, p)
          + encounter("e1", "2024-02-07");
    }

    String encounter(String id, String date) {
      return line(
          "{\"resourceType\":\"Encounter\",\"id\":\"%s-%s\",\"status\":\"finished\",\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/%s\"},\"serviceProvider\":{\"reference\":\"Organization/hf1\"},\"period\":{\"start\":\"%sT09:00:00+01:00\"}}",
          id, p, p, date);
    }

    /** A Condition with the verification status, recorded on the day, with one coding. */
    String condition(String id, String verification, String date, String system, String code) {
      return line(
          "{\"resourceType\":\"Condition\",\"id\":\"%s-%s\",\"verificationStatus\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/condition-ver-status\",\"code\":\"%s\"}]},\"code\":{\"coding\":[{\"system\":\"%s\",\"code\":\"%s\"}]},\"subject\":{\"reference\":\"Patient/%s\"},\"recordedDate\":\"%sT13:00:00+01:00\"}",
          id, p, verification, system, code, p, date);
    }

    String evaluationForm(String id, String date) {
      return line(
          "{\"resourceType\":\"QuestionnaireResponse\",\"id\":\"%s-%s\",\"questionnaire\":\"https://forlop.no/fhir/Questionnaire/evaluering\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/%s\"},\"authored\":\"%sT12:00:00+01:00\"}",
          id, p, p, date);
    }

    private static String line(String format, Object... args) {
      return String.format(format, args) + "\n";
    }
  }

  private static final String ICD10 = "urn:oid:2.16.578.1.12.4.1.1.7110";
  private static final String PATHWAY_CODES = "urn:oid:2.16.578.1.12.4.1.1.8480";

  private void deliver(String ndjson) {
    intake.receive(ndjson.getBytes(StandardCharsets.UTF_8), "test", EHR, true);
  }

  private PathwayView pathwayOf(Ehr ehr) {
    var found = pathways.byPatient(PatientIdentifier.parse(ehr.patient), AS_OF, COORDINATOR);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static List<String> codes(PathwayView view) {
    return view.codes().stream()
        .map(
            c ->
                Objects.requireNonNullElse(c.code(), c.key())
                    + " "
                    + c.date()
                    + " "
                    + c.state()
                    + " "
                    + c.rule())
        .toList();
  }

  @Test
  void the_proposed_decision_is_confirmed_with_one_click_and_what_followed_it_then_registers() {
    var ehr = new Ehr();
    deliver(
        ehr.started("D01")
            + ehr.condition("c1", "confirmed", "2024-02-20", ICD10, "F10.2")
            + ehr.evaluationForm("qr1", "2024-02-26"));

    var pathway = pathwayOf(ehr);
    assertThat(codes(pathway))
        .containsExactly(
            "PATHWAY_START 2024-02-05 REGISTERED MH-START-ASSESSED",
            "FIRST_ATTENDANCE 2024-02-07 REGISTERED FIRST-ATTENDANCE-ENCOUNTER",
            "D01CT 2024-02-20 PROPOSED MH-DECISION-FROM-DIAGNOSIS",
            "EVALUATION 2024-02-26 PROPOSED MH-EVALUATION");
    var decision =
        pathway.codes().stream().filter(c -> "D01CT".equals(c.code())).findFirst().orElseThrow();
    assertThat(decision.inputs()).containsEntry("icd10", "F102").containsEntry("outcome", "CT");
    assertThat(decision.sources()).containsExactly("Condition/c1-" + ehr.p);

    assertThat(pathways.confirm(pathway.id(), decision.registration(), COORDINATOR))
        .isInstanceOf(ChangeResult.Changed.class);
    assertThat(codes(pathwayOf(ehr)))
        .contains("D01CT 2024-02-20 REGISTERED MH-DECISION-FROM-DIAGNOSIS");

    // the next delivery for the patient derives again: the evaluation now follows a registered
    // decision, and the confirmed decision stays
    deliver(ehr.encounter("e2", "2024-03-04"));
    assertThat(codes(pathwayOf(ehr)))
        .containsExactly(
            "PATHWAY_START 2024-02-05 REGISTERED MH-START-ASSESSED",
            "FIRST_ATTENDANCE 2024-02-07 REGISTERED FIRST-ATTENDANCE-ENCOUNTER",
            "D01CT 2024-02-20 REGISTERED MH-DECISION-FROM-DIAGNOSIS",
            "EVALUATION 2024-02-26 REGISTERED MH-EVALUATION");
  }

  @Test
  void an_explicit_outcome_arriving_later_replaces_the_proposal_as_a_registered_decision() {
    var ehr = new Ehr();
    deliver(ehr.started("D11") + ehr.condition("c1", "confirmed", "2024-02-20", ICD10, "F32.1"));
    assertThat(codes(pathwayOf(ehr)))
        .contains("D11CP 2024-02-20 PROPOSED MH-DECISION-FROM-DIAGNOSIS");

    deliver(ehr.condition("c2", "confirmed", "2024-02-22", PATHWAY_CODES, "D11CS"));

    assertThat(codes(pathwayOf(ehr)))
        .containsExactly(
            "PATHWAY_START 2024-02-05 REGISTERED MH-START-ASSESSED",
            "FIRST_ATTENDANCE 2024-02-07 REGISTERED FIRST-ATTENDANCE-ENCOUNTER",
            "D11CS 2024-02-22 REGISTERED MH-DECISION-OUTCOME");
  }

  @Test
  void a_diagnosis_later_refuted_withdraws_the_decision_it_gave() {
    var ehr = new Ehr();
    deliver(
        ehr.started("D11")
            + ehr.condition("c1", "confirmed", "2024-02-20", PATHWAY_CODES, "D11CP"));
    assertThat(codes(pathwayOf(ehr))).contains("D11CP 2024-02-20 REGISTERED MH-DECISION-OUTCOME");

    deliver(ehr.condition("c1", "refuted", "2024-02-20", PATHWAY_CODES, "D11CP"));

    assertThat(codes(pathwayOf(ehr))).noneMatch(c -> c.startsWith("D11CP"));
  }
}

package no.forlop.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.Remark;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * EHR events in, codes out, through the real intake and the real pathway engine: order, duplicates,
 * new versions, and a person's codes winning over derived ones.
 */
class AutomaticRegistrationIT extends ApplicationTest {

  static final LocalDate AS_OF = LocalDate.parse("2024-06-30");
  static final Actor EHR = new Actor("ehr-test", "INTEGRATION");
  static final Actor COORDINATOR = new Actor("kari.koordinator", "CODING");

  @Autowired IntakeService intake;
  @Autowired PathwayService pathways;

  /** One colorectal pathway's events as NDJSON, for an invented patient. */
  static final class Ehr {
    final String patient = TestPatients.next();
    final String p = "p-" + UUID.randomUUID();

    String patientAndOrganisation() {
      return line(
              "{\"resourceType\":\"Patient\",\"id\":\"%s\",\"identifier\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.4.1\",\"value\":\"%s\"}]}",
              p, patient)
          + line(
              "{\"resourceType\":\"Organization\",\"id\":\"hf1\",\"identifier\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.4.101\",\"value\":\"910000012\"}]}");
    }

    String referral() {
      return line(
              "{\"resourceType\":\"ServiceRequest\",\"id\":\"sr-%s\",\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/%s\"},\"performer\":[{\"reference\":\"Organization/hf1\"}],\"authoredOn\":\"2024-03-01T14:05:00+01:00\",\"code\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.8480\",\"code\":\"A12A\"}]}}",
              p, p)
          + line(
              "{\"resourceType\":\"Task\",\"id\":\"t-%s\",\"status\":\"received\",\"intent\":\"order\",\"focus\":{\"reference\":\"ServiceRequest/sr-%s\"},\"for\":{\"reference\":\"Patient/%s\"},\"owner\":{\"reference\":\"Organization/hf1\"},\"authoredOn\":\"2024-03-04T09:10:00+01:00\"}",
              p, p, p);
    }

    String encounter(String id, String status, String start, String version) {
      return line(
          "{\"resourceType\":\"Encounter\",\"id\":\"%s-%s\",\"meta\":{\"versionId\":\"%s\"},\"status\":\"%s\",\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/%s\"},\"serviceProvider\":{\"reference\":\"Organization/hf1\"},\"period\":{\"start\":\"%sT09:00:00+01:00\"}}",
          id, p, version, status, p, start);
    }

    String diagnosis(String icd10, String date) {
      return line(
          "{\"resourceType\":\"ClinicalImpression\",\"id\":\"ci-%s\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/%s\"},\"date\":\"%sT13:00:00+01:00\",\"finding\":[{\"itemCodeableConcept\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.7110\",\"code\":\"%s\"}]}}]}",
          p, p, date, icd10);
    }

    String surgery(String date) {
      return line(
          "{\"resourceType\":\"Procedure\",\"id\":\"op-%s\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/%s\"},\"performedDateTime\":\"%sT08:00:00+02:00\",\"category\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"387713003\"}]}}",
          p, p, date);
    }

    private static String line(String format, Object... args) {
      return String.format(format, args) + "\n";
    }
  }

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
        .map(c -> c.code() + " " + c.date() + " " + c.state() + " " + c.origin())
        .toList();
  }

  /** One adult mental-health pathway (D11) with evaluations, a missed appointment and an end. */
  static String mentalHealth(Ehr ehr, String missedStatus) {
    var p = ehr.p;
    return Ehr.line(
            "{\"resourceType\":\"ServiceRequest\",\"id\":\"sr-%s\",\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/%s\"},\"performer\":[{\"reference\":\"Organization/hf1\"}],\"authoredOn\":\"2023-08-21T10:00:00+02:00\",\"code\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.8480\",\"code\":\"D11\"}]}}",
            p, p)
        + Ehr.line(
            "{\"resourceType\":\"Task\",\"id\":\"t-%s\",\"status\":\"accepted\",\"intent\":\"order\",\"focus\":{\"reference\":\"ServiceRequest/sr-%s\"},\"for\":{\"reference\":\"Patient/%s\"},\"owner\":{\"reference\":\"Organization/hf1\"},\"authoredOn\":\"2023-08-28T10:00:00+02:00\"}",
            p, p, p)
        + ehr.encounter("e1", "finished", "2023-08-31", "1").replace("+01:00", "+02:00")
        + Ehr.line(
            "{\"resourceType\":\"ClinicalImpression\",\"id\":\"ci-%s\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/%s\"},\"date\":\"2023-09-01T13:00:00+02:00\",\"finding\":[{\"itemCodeableConcept\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.9321\",\"code\":\"D11\"},{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.8480\",\"code\":\"CP\"}]}}]}",
            p, p)
        + Ehr.line(
            "{\"resourceType\":\"Appointment\",\"id\":\"a-%s\",\"meta\":{\"versionId\":\"%s\"},\"status\":\"%s\",\"basedOn\":[{\"reference\":\"ServiceRequest/sr-%s\"}],\"start\":\"2023-09-04T09:00:00+02:00\",\"end\":\"2023-09-04T10:00:00+02:00\",\"participant\":[{\"actor\":{\"reference\":\"Patient/%s\"},\"status\":\"accepted\"}]}",
            p, "noshow".equals(missedStatus) ? "1" : "2", missedStatus, p, p)
        + ehr.encounter("e2", "finished", "2023-09-14", "1").replace("+01:00", "+02:00")
        + evaluation(p, "ev1", "2023-09-08")
        + evaluation(p, "ev2", "2023-10-20")
        + Ehr.line(
            "{\"resourceType\":\"EpisodeOfCare\",\"id\":\"eoc-%s\",\"status\":\"finished\",\"patient\":{\"reference\":\"Patient/%s\"},\"managingOrganization\":{\"reference\":\"Organization/hf1\"},\"period\":{\"start\":\"2023-08-28\",\"end\":\"2023-11-30T12:00:00+01:00\"}}",
            p, p);
  }

  private static String evaluation(String p, String id, String date) {
    return Ehr.line(
        "{\"resourceType\":\"ClinicalImpression\",\"id\":\"%s-%s\",\"status\":\"completed\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"386053000\"}]},\"subject\":{\"reference\":\"Patient/%s\"},\"date\":\"%sT13:00:00+02:00\"}",
        id, p, p, date);
  }

  /** The official code, or the key (the milestone) where the event letter is not known. */
  private static List<String> codesOrMilestones(PathwayView view) {
    return view.codes().stream()
        .map(
            c ->
                java.util.Objects.requireNonNullElse(c.code(), c.key())
                    + " "
                    + c.date()
                    + " "
                    + c.state()
                    + " "
                    + c.origin())
        .toList();
  }

  @Autowired DerivingCodes derivation;

  /** A referral of the pathway type (D11, D01) received and assessed at the organisation. */
  private static String mentalHealthReferral(
      Ehr ehr, String id, String type, String received, String assessed) {
    var p = ehr.p;
    return Ehr.line(
            "{\"resourceType\":\"ServiceRequest\",\"id\":\"%s-%s\",\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/%s\"},\"performer\":[{\"reference\":\"Organization/hf1\"}],\"authoredOn\":\"%sT10:00:00+01:00\",\"code\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.8480\",\"code\":\"%s\"}]}}",
            id, p, p, received, type)
        + Ehr.line(
            "{\"resourceType\":\"Task\",\"id\":\"t-%s-%s\",\"status\":\"accepted\",\"intent\":\"order\",\"focus\":{\"reference\":\"ServiceRequest/%s-%s\"},\"for\":{\"reference\":\"Patient/%s\"},\"owner\":{\"reference\":\"Organization/hf1\"},\"authoredOn\":\"%sT10:00:00+01:00\"}",
            id, p, id, p, p, assessed);
  }

  @Test
  void
      a_second_mental_health_referral_at_the_organisation_is_reported_pointing_to_the_type_change() {
    var ehr = new Ehr();
    deliver(
        ehr.patientAndOrganisation()
            + mentalHealthReferral(ehr, "sr1", "D11", "2024-01-05", "2024-01-10")
            + mentalHealthReferral(ehr, "sr2", "D01", "2024-02-01", "2024-02-05"));

    var open = pathwayOf(ehr);
    assertThat(open.codePrefix()).isEqualTo("D11");
    assertThat(derivation.problems())
        .filteredOn(problem -> problem.source().equals("ServiceRequest/sr2-" + ehr.p))
        .singleElement()
        .satisfies(
            problem ->
                assertThat(problem.reason())
                    .contains("one such pathway at a time")
                    .contains("/api/v1/pathways/" + open.id() + "/type-change")
                    .contains("clinical judgement"));
  }

  @Test
  void a_mental_health_pathway_gets_its_evaluations_end_and_a_proposed_pasientutsatt() {
    var ehr = new Ehr();
    deliver(ehr.patientAndOrganisation() + mentalHealth(ehr, "noshow"));

    assertThat(codesOrMilestones(pathwayOf(ehr)))
        .containsExactly(
            "PATHWAY_START 2023-08-28 REGISTERED DERIVED",
            "FIRST_ATTENDANCE 2023-08-31 REGISTERED DERIVED",
            "D11CP 2023-09-01 REGISTERED DERIVED",
            "D11L 2023-09-04 PROPOSED DERIVED",
            "EVALUATION 2023-09-08 REGISTERED DERIVED",
            "EVALUATION 2023-10-20 REGISTERED DERIVED",
            "PATHWAY_END 2023-11-30 REGISTERED DERIVED");

    // the EHR corrects the appointment: the patient came after all
    deliver(mentalHealth(ehr, "fulfilled"));

    assertThat(codesOrMilestones(pathwayOf(ehr)))
        .containsExactly(
            "PATHWAY_START 2023-08-28 REGISTERED DERIVED",
            "FIRST_ATTENDANCE 2023-08-31 REGISTERED DERIVED",
            "D11CP 2023-09-01 REGISTERED DERIVED",
            "EVALUATION 2023-09-08 REGISTERED DERIVED",
            "EVALUATION 2023-10-20 REGISTERED DERIVED",
            "PATHWAY_END 2023-11-30 REGISTERED DERIVED");
  }

  @Test
  void events_in_any_order_and_any_number_of_deliveries_give_the_same_codes() {
    var ehr = new Ehr();
    deliver(ehr.surgery("2024-04-05") + ehr.diagnosis("C18.7", "2024-03-20"));
    deliver(ehr.encounter("e1", "finished", "2024-03-11", "1"));
    deliver(ehr.referral() + ehr.patientAndOrganisation());

    assertThat(codes(pathwayOf(ehr)))
        .containsExactly(
            "A12A 2024-03-04 REGISTERED DERIVED",
            "A12S 2024-03-11 REGISTERED DERIVED",
            "A12CK 2024-03-20 REGISTERED DERIVED",
            "A12FK 2024-04-05 REGISTERED DERIVED");
  }

  @Test
  void a_delivery_received_twice_changes_nothing() {
    var ehr = new Ehr();
    var all =
        ehr.patientAndOrganisation()
            + ehr.referral()
            + ehr.encounter("e1", "finished", "2024-03-11", "1")
            + ehr.diagnosis("C18.7", "2024-03-20");
    deliver(all);
    var history = pathwayOf(ehr).history().size();

    deliver(all);

    assertThat(pathwayOf(ehr).history()).hasSize(history);
  }

  @Test
  void an_attendance_entered_in_error_moves_the_first_attendance_to_the_next_one() {
    var ehr = new Ehr();
    deliver(
        ehr.patientAndOrganisation()
            + ehr.referral()
            + ehr.encounter("e1", "finished", "2024-03-06", "1")
            + ehr.encounter("e2", "finished", "2024-03-08", "1"));
    assertThat(codes(pathwayOf(ehr))).contains("A12S 2024-03-06 REGISTERED DERIVED");

    deliver(ehr.encounter("e1", "entered-in-error", "2024-03-06", "2"));

    var pathway = pathwayOf(ehr);
    assertThat(codes(pathway)).contains("A12S 2024-03-08 REGISTERED DERIVED");
    assertThat(pathway.history()).anyMatch(f -> f.kind().name().equals("CORRECTED"));
  }

  @Test
  void an_older_version_arriving_late_does_not_undo_the_newer_one() {
    var ehr = new Ehr();
    deliver(
        ehr.patientAndOrganisation()
            + ehr.referral()
            + ehr.encounter("e1", "entered-in-error", "2024-03-06", "2")
            + ehr.encounter("e2", "finished", "2024-03-08", "1"));

    deliver(ehr.encounter("e1", "finished", "2024-03-06", "1"));

    assertThat(codes(pathwayOf(ehr))).contains("A12S 2024-03-08 REGISTERED DERIVED");
  }

  @Test
  void a_code_a_person_registered_wins_and_the_differing_derivation_is_proposed() {
    var ehr = new Ehr();
    deliver(ehr.patientAndOrganisation() + ehr.referral());
    var id = pathwayOf(ehr).id();
    var manual =
        pathways.register(
            id, RegisterCode.manual("A12S", LocalDate.parse("2024-03-10")), COORDINATOR);
    assertThat(manual).isInstanceOf(no.forlop.pathway.ChangeResult.Changed.class);

    deliver(ehr.encounter("e1", "finished", "2024-03-11", "1"));

    var pathway = pathwayOf(ehr);
    assertThat(codes(pathway))
        .contains("A12S 2024-03-10 REGISTERED MANUAL", "A12S 2024-03-11 PROPOSED DERIVED");
    assertThat(
            pathway.codes().stream()
                .filter(c -> c.state() == CodeState.REGISTERED && c.code().equals("A12S")))
        .hasSize(1);
  }

  @Test
  void a_derived_code_a_person_withdrew_is_not_derived_again() {
    var ehr = new Ehr();
    deliver(
        ehr.patientAndOrganisation()
            + ehr.referral()
            + ehr.encounter("e1", "finished", "2024-03-11", "1"));
    var pathway = pathwayOf(ehr);
    var s = pathway.codes().stream().filter(c -> "A12S".equals(c.code())).findFirst().orElseThrow();
    pathways.withdraw(
        pathway.id(), s.registration(), Remark.written("Not a work-up visit"), COORDINATOR);

    deliver(ehr.diagnosis("K57.3", "2024-03-20"));

    assertThat(codes(pathwayOf(ehr))).noneMatch(c -> c.startsWith("A12S"));
  }

  @Test
  void a_derived_code_that_breaks_the_coding_rules_is_kept_as_a_proposal_with_the_reason() {
    var ehr = new Ehr();
    // a diagnosis without any first attendance: a cancer decision needs one
    deliver(ehr.patientAndOrganisation() + ehr.referral() + ehr.diagnosis("C18.7", "2024-03-20"));

    var pathway = pathwayOf(ehr);
    assertThat(codes(pathway)).contains("A12CK 2024-03-20 PROPOSED DERIVED");
    var fact =
        pathway.history().stream().filter(f -> "A12CK".equals(f.code())).findFirst().orElseThrow();
    assertThat(fact.reason().key()).isEqualTo("rejection.FIRST_ATTENDANCE_MISSING");
    assertThat(fact.reason().english()).contains("first attendance");

    // the attendance arrives: the proposal becomes a registered code
    deliver(ehr.encounter("e1", "finished", "2024-03-11", "1"));
    assertThat(codes(pathwayOf(ehr))).contains("A12CK 2024-03-20 REGISTERED DERIVED");
  }

  @Test
  void every_derived_code_keeps_its_trace() {
    var ehr = new Ehr();
    deliver(
        ehr.patientAndOrganisation()
            + ehr.referral()
            + ehr.encounter("e1", "finished", "2024-03-11", "1")
            + ehr.diagnosis("C18.7", "2024-03-20"));

    var decision =
        pathwayOf(ehr).codes().stream()
            .filter(c -> "A12CK".equals(c.code()))
            .findFirst()
            .orElseThrow();
    assertThat(decision.rule()).isEqualTo("DECISION-FROM-DIAGNOSIS");
    assertThat(decision.rulesetVersion()).isNotBlank();
    assertThat(decision.sources()).containsExactly("ClinicalImpression/ci-" + ehr.p);
  }

  @Test
  void a_second_patient_resource_for_the_same_person_is_the_same_patient() {
    var ehr = new Ehr();
    deliver(ehr.patientAndOrganisation() + ehr.referral());
    var other = "q-" + ehr.p;
    var secondRecord =
        String.format(
            "{\"resourceType\":\"Patient\",\"id\":\"%s\",\"identifier\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.4.1\",\"value\":\"%s\"}]}%n",
            other, ehr.patient);
    var encounterOfSecond =
        ehr.encounter("e1", "finished", "2024-03-11", "1")
            .replace("\"Patient/" + ehr.p + "\"", "\"Patient/" + other + "\"");

    deliver(secondRecord + encounterOfSecond);

    assertThat(codes(pathwayOf(ehr))).contains("A12S 2024-03-11 REGISTERED DERIVED");
  }

  @Test
  void an_organisation_sent_under_another_id_is_the_same_organisation() {
    var ehr = new Ehr();
    deliver(ehr.patientAndOrganisation());
    var sameOrganisation =
        "{\"resourceType\":\"Organization\",\"id\":\"hf1-copy\",\"identifier\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.4.101\",\"value\":\"910000012\"}]}\n";

    deliver(sameOrganisation + ehr.referral().replace("Organization/hf1", "Organization/hf1-copy"));

    var pathway = pathwayOf(ehr);
    assertThat(pathway.organisation().value()).isEqualTo("910000012");
    assertThat(codes(pathway)).contains("A12A 2024-03-04 REGISTERED DERIVED");
  }

  @Test
  void reprocessing_everything_changes_nothing_that_is_already_right() {
    var ehr = new Ehr();
    deliver(
        ehr.patientAndOrganisation()
            + ehr.referral()
            + ehr.encounter("e1", "finished", "2024-03-11", "1")
            + ehr.diagnosis("C18.7", "2024-03-20"));
    var history = pathwayOf(ehr).history().size();

    var response = post("/api/v1/ingest/reprocess", "{}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("patients").asInt()).isPositive();
    assertThat(pathwayOf(ehr).history()).hasSize(history);
  }
}

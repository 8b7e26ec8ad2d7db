package no.forlop.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeReport;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Facts that name other facts, joined when the codes are derived, whatever the order they arrive
 * in: a drug and the Medication it names (earlier, later, contained, in the same bundle, by
 * identifier), a task and the referral it names by identifier; and a procedure corrected to
 * not-done, which withdraws what it gave.
 */
class RealShapesIT extends ApplicationTest {

  static final LocalDate AS_OF = LocalDate.parse("2024-06-30");
  static final Actor EHR = new Actor("ehr-test", "INTEGRATION");
  static final Actor COORDINATOR = new Actor("kari.koordinator", "CODING");

  @Autowired IntakeService intake;
  @Autowired PathwayService pathways;
  @Autowired DerivingCodes derivation;

  /** One invented patient's colorectal history up to the decision, as NDJSON lines. */
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

    /** The referral, with a business identifier of its own. */
    String referral() {
      return line(
          "{\"resourceType\":\"ServiceRequest\",\"id\":\"sr-%s\",\"identifier\":[{\"system\":\"urn:ehr:henvisning\",\"value\":\"H-%s\"}],\"status\":\"active\",\"intent\":\"original-order\",\"subject\":{\"reference\":\"Patient/%s\"},\"performer\":[{\"reference\":\"Organization/hf1\"}],\"authoredOn\":\"2024-03-01T14:05:00+01:00\",\"code\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.8480\",\"code\":\"A12A\"}]}}",
          p, p, p);
    }

    /** The receipt, naming the referral only by its identifier, and (or not) the patient. */
    String receiptByIdentifier(boolean withPatient) {
      return line(
          "{\"resourceType\":\"Task\",\"id\":\"t-%s\",\"status\":\"received\",\"intent\":\"order\",\"focus\":{\"type\":\"ServiceRequest\",\"identifier\":{\"system\":\"urn:ehr:henvisning\",\"value\":\"H-%s\"}},%s\"owner\":{\"reference\":\"Organization/hf1\"},\"authoredOn\":\"2024-03-04T09:10:00+01:00\"}",
          p, p, withPatient ? "\"for\":{\"reference\":\"Patient/" + p + "\"}," : "");
    }

    String workUp() {
      return line(
              "{\"resourceType\":\"Encounter\",\"id\":\"e1-%s\",\"status\":\"finished\",\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/%s\"},\"serviceProvider\":{\"reference\":\"Organization/hf1\"},\"period\":{\"start\":\"2024-03-11T09:00:00+01:00\"}}",
              p, p)
          + line(
              "{\"resourceType\":\"ClinicalImpression\",\"id\":\"ci-%s\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/%s\"},\"date\":\"2024-03-20T13:00:00+01:00\",\"finding\":[{\"itemCodeableConcept\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.7110\",\"code\":\"C18.7\"}]}}]}",
              p, p);
    }

    String decided() {
      return patientAndOrganisation() + referral() + receiptByIdentifier(true) + workUp();
    }

    /** A Medication of its own, with an identifier, and an ATC code (or another code). */
    String medication(String id, String system, String code) {
      return line(
          "{\"resourceType\":\"Medication\",\"id\":\"%s-%s\",\"identifier\":[{\"system\":\"urn:ehr:legemiddel\",\"value\":\"%s-%s\"}],\"code\":{\"coding\":[{\"system\":\"%s\",\"code\":\"%s\"}]}}",
          id, p, id, p, system, code);
    }

    String cancerDrug(String id) {
      return medication(id, "http://www.whocc.no/atc", "L01BC02");
    }

    /** A drug given on 1 April, naming its medication as given (a JSON reference object). */
    String administration(String id, String medicationReference, String contained) {
      return line(
          "{\"resourceType\":\"MedicationAdministration\",\"id\":\"%s-%s\",%s\"status\":\"completed\",\"medicationReference\":%s,\"subject\":{\"reference\":\"Patient/%s\"},\"effectiveDateTime\":\"2024-04-01T10:00:00+02:00\"}",
          id,
          p,
          contained.isEmpty() ? "" : "\"contained\":[" + contained + "],",
          medicationReference,
          p);
    }

    String naming(String medication) {
      return "{\"reference\":\"Medication/" + medication + "-" + p + "\"}";
    }

    String surgery(String status, String version, boolean withTime) {
      return line(
          "{\"resourceType\":\"Procedure\",\"id\":\"op-%s\",\"meta\":{\"versionId\":\"%s\"},\"status\":\"%s\",\"subject\":{\"reference\":\"Patient/%s\"},%s\"category\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"387713003\"}]}}",
          p,
          version,
          status,
          p,
          withTime ? "\"performedDateTime\":\"2024-04-05T08:00:00+02:00\"," : "");
    }

    private static String line(String format, Object... args) {
      return String.format(format, args) + "\n";
    }
  }

  private IntakeReport deliver(String ndjson) {
    return intake.receive(ndjson.getBytes(StandardCharsets.UTF_8), "test", EHR, true);
  }

  private List<PathwayView> pathwaysOf(Ehr ehr) {
    return pathways.byPatient(PatientIdentifier.parse(ehr.patient), AS_OF, COORDINATOR);
  }

  private PathwayView pathwayOf(Ehr ehr) {
    var found = pathwaysOf(ehr);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static List<String> codes(PathwayView view) {
    return view.codes().stream().map(c -> c.code() + " " + c.date() + " " + c.state()).toList();
  }

  private static PathwayView.Code code(PathwayView view, String code) {
    return view.codes().stream().filter(c -> code.equals(c.code())).findFirst().orElseThrow();
  }

  // ------------------------------------------------------------------ Medication

  @Test
  void a_medication_received_earlier_gives_fm_with_the_medication_in_the_trace() {
    var ehr = new Ehr();
    deliver(ehr.cancerDrug("med"));
    deliver(ehr.decided());

    deliver(ehr.administration("ma", ehr.naming("med"), ""));

    var fm = code(pathwayOf(ehr), "A12FM");
    assertThat(fm.date()).hasToString("2024-04-01");
    assertThat(fm.sources())
        .containsExactly("MedicationAdministration/ma-" + ehr.p, "Medication/med-" + ehr.p);
  }

  @Test
  void a_medication_received_later_derives_the_patients_whose_drugs_name_it_again() {
    var ehr = new Ehr();
    var drugFirst = deliver(ehr.decided() + ehr.administration("ma", ehr.naming("med"), ""));
    assertThat(drugFirst.rejected()).isEmpty();
    assertThat(codes(pathwayOf(ehr))).noneMatch(c -> c.startsWith("A12FM"));
    assertThat(derivation.problems())
        .anyMatch(
            p ->
                p.source().equals("MedicationAdministration/ma-" + ehr.p)
                    && p.reason().startsWith("names the medication Medication/med-" + ehr.p));

    var medicationLater = deliver(ehr.cancerDrug("med"));

    assertThat(medicationLater.patients()).containsExactly("Patient/" + ehr.p);
    assertThat(codes(pathwayOf(ehr))).contains("A12FM 2024-04-01 REGISTERED");
    assertThat(derivation.problems())
        .noneMatch(p -> p.source().equals("MedicationAdministration/ma-" + ehr.p));

    // the same Medication again is the same fact: nobody is derived again
    assertThat(deliver(ehr.cancerDrug("med")).patients()).isEmpty();
  }

  @Test
  void a_contained_medication_gives_fm() {
    var ehr = new Ehr();
    var contained =
        "{\"resourceType\":\"Medication\",\"id\":\"med0301\",\"code\":{\"coding\":[{\"system\":\"http://www.whocc.no/atc\",\"code\":\"L01XC06\"}]}}";

    deliver(ehr.decided() + ehr.administration("ma", "{\"reference\":\"#med0301\"}", contained));

    var fm = code(pathwayOf(ehr), "A12FM");
    assertThat(fm.date()).hasToString("2024-04-01");
    assertThat(fm.sources()).containsExactly("MedicationAdministration/ma-" + ehr.p);
  }

  @Test
  void a_medication_in_the_same_bundle_gives_fm() {
    var ehr = new Ehr();
    var urn = "urn:uuid:" + UUID.randomUUID();
    var administration = ehr.administration("ma", "{\"reference\":\"" + urn + "\"}", "").strip();
    var bundle =
        """
        {"resourceType":"Bundle","type":"batch","entry":[
          {"fullUrl":"%s","resource":{"resourceType":"Medication",
             "code":{"coding":[{"system":"http://www.whocc.no/atc","code":"L02BA01"}]}},
           "request":{"method":"POST","url":"Medication"}},
          {"resource":%s,"request":{"method":"PUT","url":"MedicationAdministration/ma-%s"}}]}
        """
            .formatted(urn, administration, ehr.p);
    deliver(ehr.decided());

    var report = deliver(bundle);

    assertThat(report.accepted()).isEqualTo(2);
    var fm = code(pathwayOf(ehr), "A12FM");
    assertThat(fm.sources())
        .containsExactly("MedicationAdministration/ma-" + ehr.p, "Medication/" + urn);
  }

  @Test
  void a_medication_without_an_atc_code_gives_nothing() {
    var ehr = new Ehr();
    deliver(
        ehr.decided()
            + ehr.medication("med", "http://hl7.org/fhir/sid/ndc", "0409-6531-02")
            + ehr.administration("ma", ehr.naming("med"), ""));

    assertThat(codes(pathwayOf(ehr)))
        .containsExactly(
            "A12A 2024-03-04 REGISTERED",
            "A12S 2024-03-11 REGISTERED",
            "A12CK 2024-03-20 REGISTERED");
  }

  @Test
  void a_medication_named_by_its_identifier_is_found_when_it_arrives() {
    var ehr = new Ehr();
    var byIdentifier =
        "{\"identifier\":{\"system\":\"urn:ehr:legemiddel\",\"value\":\"med-" + ehr.p + "\"}}";
    deliver(ehr.decided() + ehr.administration("ma", byIdentifier, ""));
    assertThat(codes(pathwayOf(ehr))).noneMatch(c -> c.startsWith("A12FM"));

    deliver(ehr.cancerDrug("med"));

    assertThat(code(pathwayOf(ehr), "A12FM").sources())
        .containsExactly("MedicationAdministration/ma-" + ehr.p, "Medication/med-" + ehr.p);
  }

  // ------------------------------------------------------------------ Task.focus.identifier

  @Test
  void a_task_naming_its_referral_by_identifier_before_the_referral_arrives_dates_the_start() {
    var ehr = new Ehr();
    var early = deliver(ehr.patientAndOrganisation() + ehr.receiptByIdentifier(false));
    assertThat(early.rejected()).isEmpty();
    assertThat(pathwaysOf(ehr)).isEmpty();

    deliver(ehr.referral());

    var start = code(pathwayOf(ehr), "A12A");
    assertThat(start.date()).hasToString("2024-03-04");
    assertThat(start.rule()).isEqualTo("START-REFERRAL-RECEIVED");
    assertThat(start.sources()).containsExactly("ServiceRequest/sr-" + ehr.p, "Task/t-" + ehr.p);
  }

  @Test
  void a_task_naming_its_referral_by_identifier_after_the_referral_corrects_the_start() {
    var ehr = new Ehr();
    deliver(ehr.patientAndOrganisation() + ehr.referral());
    assertThat(codes(pathwayOf(ehr))).containsExactly("A12A 2024-03-01 REGISTERED");

    var receipt = deliver(ehr.receiptByIdentifier(false));

    assertThat(receipt.patients()).containsExactly("Patient/" + ehr.p);
    assertThat(codes(pathwayOf(ehr))).containsExactly("A12A 2024-03-04 REGISTERED");
    var history = pathwayOf(ehr).history().size();

    // the same task again, and the referral again: the same facts, nothing changes
    deliver(ehr.receiptByIdentifier(false) + ehr.referral());

    assertThat(pathwayOf(ehr).history()).hasSize(history);
    assertThat(codes(pathwayOf(ehr))).containsExactly("A12A 2024-03-04 REGISTERED");
  }

  @Test
  void a_task_with_its_patient_naming_its_referral_by_identifier_is_matched_too() {
    var ehr = new Ehr();
    deliver(ehr.patientAndOrganisation() + ehr.receiptByIdentifier(true));
    deliver(ehr.referral());

    assertThat(codes(pathwayOf(ehr))).containsExactly("A12A 2024-03-04 REGISTERED");
  }

  // ------------------------------------------------------------------ not-done

  @Test
  void a_procedure_corrected_to_not_done_withdraws_the_treatment_start_it_gave() {
    var ehr = new Ehr();
    deliver(ehr.decided() + ehr.surgery("completed", "1", true));
    assertThat(codes(pathwayOf(ehr))).contains("A12FK 2024-04-05 REGISTERED");

    var correction = deliver(ehr.surgery("not-done", "2", false));

    assertThat(correction.accepted()).isZero();
    assertThat(correction.rejected()).isEmpty();
    assertThat(correction.ignored())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.source()).isEqualTo("Procedure/op-" + ehr.p);
              assertThat(i.code()).isEqualTo("NOT_DONE");
            });
    assertThat(correction.patients()).containsExactly("Patient/" + ehr.p);
    var pathway = pathwayOf(ehr);
    assertThat(codes(pathway)).noneMatch(c -> c.startsWith("A12FK"));
    assertThat(pathway.history()).anyMatch(f -> f.kind().name().equals("WITHDRAWN"));
  }

  @Test
  void an_older_completed_version_arriving_after_the_not_done_one_does_not_bring_it_back() {
    var ehr = new Ehr();
    deliver(ehr.decided() + ehr.surgery("not-done", "2", true));

    deliver(ehr.surgery("completed", "1", true));

    assertThat(codes(pathwayOf(ehr))).noneMatch(c -> c.startsWith("A12FK"));
  }

  @Test
  void a_not_done_procedure_under_another_id_with_the_same_identifier_withdraws_it_too() {
    var ehr = new Ehr();
    var identifier =
        "\"identifier\":[{\"system\":\"urn:ehr:prosedyre\",\"value\":\"OP-" + ehr.p + "\"}],";
    deliver(
        ehr.decided()
            + ehr.surgery("completed", "1", true).replace("\"status\"", identifier + "\"status\""));
    assertThat(codes(pathwayOf(ehr))).contains("A12FK 2024-04-05 REGISTERED");

    deliver(
        ehr.surgery("not-done", "2", false)
            .replace("\"id\":\"op-", "\"id\":\"op-other-")
            .replace("\"status\"", identifier + "\"status\""));

    assertThat(codes(pathwayOf(ehr))).noneMatch(c -> c.startsWith("A12FK"));
  }

  @Test
  void a_drug_corrected_to_not_done_withdraws_fm() {
    var ehr = new Ehr();
    deliver(
        ehr.decided() + ehr.cancerDrug("med") + ehr.administration("ma", ehr.naming("med"), ""));
    assertThat(codes(pathwayOf(ehr))).contains("A12FM 2024-04-01 REGISTERED");

    var correction =
        deliver(
            ehr.administration("ma", ehr.naming("med"), "")
                .replace(
                    "\"status\":\"completed\"",
                    "\"meta\":{\"versionId\":\"2\"},\"status\":\"not-done\""));

    assertThat(correction.ignored())
        .singleElement()
        .satisfies(i -> assertThat(i.code()).isEqualTo("NOT_DONE"));
    assertThat(codes(pathwayOf(ehr))).noneMatch(c -> c.startsWith("A12FM"));
  }
}

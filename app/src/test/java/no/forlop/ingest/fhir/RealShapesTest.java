package no.forlop.ingest.fhir;

import static no.forlop.ingest.fhir.FhirJson.collection;
import static no.forlop.ingest.fhir.FhirJson.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.MedicationRecord;
import no.forlop.coding.ClinicalEvent.NotDone;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.Code;
import no.forlop.ingest.fhir.Delivery.Ignored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Valid FHIR as EHRs really send it, in the shapes of HL7's own R4 examples: a drug named by
 * medicationReference (contained, in the bundle, or a Medication of its own), a task naming its
 * referral only by identifier, the whole family of order intents, and what was not done.
 */
class RealShapesTest {

  private static final String ATC = "http://www.whocc.no/atc";

  private final FhirDeliveryReader reader = new FhirDeliveryReader();

  // ------------------------------------------------------------------ Medication

  @Test
  void medication_is_a_type_forlop_reads() {
    assertThat(reader.resourceTypes()).contains("Medication", "MedicationAdministration");
  }

  @Test
  void a_medication_is_a_fact_of_its_own_about_no_patient_with_its_codes_and_status() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "Medication", "id": "m1", "status": "active",
                     "identifier": [{"system": "urn:ehr:legemiddel", "value": "4711"}],
                     "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "L01XC06"},
                                         {"system": "urn:ehr:varenr", "code": "123456"}]}}
                    """))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            MedicationRecord.class,
            m -> {
              assertThat(m.source().key()).isEqualTo("Medication/m1");
              assertThat(m.source().identifiers()).containsExactly("urn:ehr:legemiddel|4711");
              assertThat(m.patient()).isNull();
              assertThat(m.status()).isEqualTo("active");
              assertThat(m.codes())
                  .containsExactly(new Code(ATC, "L01XC06"), new Code("urn:ehr:varenr", "123456"));
            });
  }

  @Test
  void a_medication_without_a_code_is_kept_and_has_no_codes() {
    var events =
        reader.read(collection("{\"resourceType\": \"Medication\", \"id\": \"m2\"}")).events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            MedicationRecord.class,
            m -> {
              assertThat(m.codes()).isEmpty();
              assertThat(m.status()).isNull();
            });
  }

  // ------------------------------------------------------------------ medicationReference

  /** An administration of the shape of HL7's example medicationadministration0301. */
  private static String administration(String id, String medication, String contained) {
    return """
        {"resourceType": "MedicationAdministration", "id": "%s",%s
         "status": "in-progress", "medicationReference": %s,
         "subject": {"reference": "Patient/p1", "display": "Test Testesen"},
         "context": {"reference": "Encounter/e1"},
         "performer": [{"actor": {"reference": "Organization/org-hf1"}}],
         "effectivePeriod": {"start": "2024-04-10T10:00:00+02:00"}}
        """
        .formatted(
            id, contained.isEmpty() ? "" : " \"contained\": [" + contained + "],", medication);
  }

  private static final String CONTAINED_ATC =
      """
      {"resourceType": "Medication", "id": "med0301",
       "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "L01BC02",
                            "display": "fluorouracil"}]}}
      """;

  @Test
  void a_contained_medication_is_read_at_once_as_the_drug_given() {
    var drug = acceptedDrug(administration("ma1", "{\"reference\": \"#med0301\"}", CONTAINED_ATC));

    assertThat(drug.medication()).containsExactly(new Code(ATC, "L01BC02"));
    assertThat(drug.medicationReference()).isNull();
    assertThat(drug.status()).isEqualTo("in-progress");
    assertThat(drug.context()).isEqualTo("Encounter/e1");
  }

  @Test
  void a_contained_medication_of_another_terminology_is_read_with_its_codes() {
    var drug =
        acceptedDrug(
            administration(
                "ma1",
                "{\"reference\": \"#med0301\"}",
                """
                {"resourceType": "Medication", "id": "med0301",
                 "code": {"coding": [{"system": "http://hl7.org/fhir/sid/ndc",
                                      "code": "0409-6531-02"}]}}
                """));

    assertThat(drug.medication())
        .containsExactly(new Code("http://hl7.org/fhir/sid/ndc", "0409-6531-02"));
  }

  @Test
  void a_contained_medication_entered_in_error_gives_no_codes() {
    var drug =
        acceptedDrug(
            administration(
                "ma1",
                "{\"reference\": \"#med0301\"}",
                CONTAINED_ATC.replace(
                    "\"id\": \"med0301\",",
                    "\"id\": \"med0301\", \"status\": \"entered-in-error\",")));

    assertThat(drug.medication()).isEmpty();
  }

  @Test
  void a_contained_resource_that_is_no_medication_is_rejected() {
    var reason =
        rejection(
            collection(
                administration(
                    "ma1",
                    "{\"reference\": \"#sub1\"}",
                    "{\"resourceType\": \"Substance\", \"id\": \"sub1\","
                        + " \"code\": {\"text\": \"x\"}}")));

    assertThat(reason.code()).isEqualTo("WRONG_REFERENCE_TYPE");
    assertThat(reason.english())
        .isEqualTo(
            "MedicationAdministration/ma1: medicationReference refers to a Substance,"
                + " not a Medication");
  }

  @Test
  void a_reference_to_a_contained_medication_that_is_not_there_is_rejected() {
    assertThat(
            rejection(
                    collection(administration("ma1", "{\"reference\": \"#med9\"}", CONTAINED_ATC)))
                .code())
        .isEqualTo("CONTAINED_NOT_FOUND");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Medication/m1",
        "https://ehr.fjordby.example/fhir/Medication/m1",
        "https://ehr.fjordby.example/fhir/Medication/m1/_history/2"
      })
  void a_medication_of_its_own_is_named_by_its_key_and_joined_later(String reference) {
    var drug = acceptedDrug(administration("ma1", "{\"reference\": \"" + reference + "\"}", ""));

    assertThat(drug.medicationReference()).isEqualTo("Medication/m1");
    assertThat(drug.medication()).isEmpty();
  }

  @Test
  void a_medication_in_the_same_bundle_by_urn_is_named_by_the_key_it_is_stored_under() {
    var urnOnly = "urn:uuid:3f1f2c1a-0d7e-4a57-9c1b-6f3f2b0d9e01";
    var urnWithId = "urn:uuid:3f1f2c1a-0d7e-4a57-9c1b-6f3f2b0d9e02";
    var bundle =
        """
        {"resourceType": "Bundle", "type": "transaction", "entry": [
          {"fullUrl": "%s", "resource": {"resourceType": "Medication",
             "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "L01XC06"}]}},
           "request": {"method": "POST", "url": "Medication"}},
          {"fullUrl": "%s", "resource": {"resourceType": "Medication", "id": "m7",
             "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "L02BA01"}]}},
           "request": {"method": "PUT", "url": "Medication/m7"}},
          {"resource": %s, "request": {"method": "PUT", "url": "MedicationAdministration/ma1"}},
          {"resource": %s, "request": {"method": "PUT", "url": "MedicationAdministration/ma2"}}
        ]}
        """
            .formatted(
                urnOnly,
                urnWithId,
                administration("ma1", "{\"reference\": \"" + urnOnly + "\"}", ""),
                administration("ma2", "{\"reference\": \"" + urnWithId + "\"}", ""));

    var events = reader.read(utf8(bundle)).events();

    assertThat(events).hasSize(4);
    assertThat(((MedicationRecord) events.get(0)).source().key()).isEqualTo(urnOnly);
    assertThat(((MedicationRecord) events.get(1)).source().key()).isEqualTo("Medication/m7");
    assertThat(((DrugAdministered) events.get(2)).medicationReference()).isEqualTo(urnOnly);
    assertThat(((DrugAdministered) events.get(3)).medicationReference()).isEqualTo("Medication/m7");
  }

  @Test
  void a_medication_named_only_by_its_identifier_is_named_by_a_reference_by_identifier() {
    var drug =
        acceptedDrug(
            administration(
                "ma1",
                """
                {"type": "Medication",
                 "identifier": {"system": "urn:ehr:legemiddel", "value": "4711"}}
                """,
                ""));

    assertThat(drug.medicationReference())
        .isEqualTo("Medication?identifier=urn:ehr:legemiddel|4711");
  }

  @Test
  void a_medication_reference_to_another_type_is_rejected() {
    assertThat(
            rejection(collection(administration("ma1", "{\"reference\": \"Substance/s1\"}", "")))
                .english())
        .isEqualTo(
            "MedicationAdministration/ma1: medicationReference refers to a Substance,"
                + " not a Medication");
  }

  @Test
  void a_medication_reference_with_only_a_display_is_rejected_with_what_to_give() {
    var reason =
        rejection(
            collection(administration("ma1", "{\"display\": \"Fluorouracil 50 mg/ml\"}", "")));

    assertThat(reason.code()).isEqualTo("MEDICATION_REFERENCE");
    assertThat(reason.english())
        .startsWith(
            "MedicationAdministration/ma1: medicationReference names no medication"
                + " Forløp can find")
        .doesNotContain("Fluorouracil");
  }

  // ------------------------------------------------------------------ Task.focus.identifier

  private static String task(String focus) {
    return """
        {"resourceType": "Task", "id": "t1", "status": "received", "intent": "order",
         "focus": %s, "owner": {"reference": "Organization/org-hf1"},
         "authoredOn": "2024-03-04T09:10:00+01:00"}
        """
        .formatted(focus);
  }

  @Test
  void a_task_naming_its_referral_only_by_identifier_is_about_the_referral_with_it() {
    var events =
        reader
            .read(
                collection(
                    task(
                        """
                        {"type": "ServiceRequest",
                         "identifier": {"system": "urn:ehr:henvisning", "value": "H-2024-17"}}
                        """)))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            ReferralTask.class,
            t -> {
              assertThat(t.focus())
                  .isEqualTo("ServiceRequest?identifier=urn:ehr:henvisning|H-2024-17");
              assertThat(t.patient()).isNull();
            });
  }

  @Test
  void a_focus_identifier_without_a_type_is_taken_as_the_referral() {
    var events =
        reader
            .read(
                collection(
                    task(
                        "{\"identifier\": {\"system\": \"urn:ehr:henvisning\","
                            + " \"value\": \"H-2024-17\"}}")))
            .events();

    assertThat(((ReferralTask) events.get(0)).focus())
        .isEqualTo("ServiceRequest?identifier=urn:ehr:henvisning|H-2024-17");
  }

  @Test
  void a_focus_identifier_of_another_type_is_rejected() {
    assertThat(
            rejection(
                    collection(
                        task(
                            "{\"type\": \"DocumentReference\", \"identifier\": {\"system\":"
                                + " \"urn:ehr:dok\", \"value\": \"1\"}}")))
                .english())
        .isEqualTo("Task/t1: focus refers to a DocumentReference, not a ServiceRequest");
  }

  @Test
  void a_focus_identifier_without_a_value_is_still_no_focus() {
    assertThat(
            rejection(collection(task("{\"identifier\": {\"system\": \"urn:ehr:henvisning\"}}")))
                .english())
        .isEqualTo("Task/t1 has no focus: which referral is it about?");
  }

  @Test
  void a_focus_identifier_longer_than_forlop_keeps_is_rejected() {
    assertThat(
            rejection(
                    collection(
                        task(
                            "{\"identifier\": {\"system\": \"urn:ehr:henvisning\", \"value\": \""
                                + "x".repeat(1100)
                                + "\"}}")))
                .code())
        .isEqualTo("IDENTIFIER_TOO_LONG");
  }

  // ------------------------------------------------------------------ ServiceRequest.intent

  private static String referral(String intent) {
    return """
        {"resourceType": "ServiceRequest", "id": "sr1", "status": "active", "intent": "%s",
         "subject": {"reference": "Patient/p1"},
         "code": {"coding": [{"system": "urn:oid:2.16.578.1.12.4.1.1.8480", "code": "A12A"}]},
         "performer": [{"reference": "Organization/org-hf1"}],
         "authoredOn": "2024-03-01T14:05:00+01:00"}
        """
        .formatted(intent);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"order", "original-order", "reflex-order", "filler-order", "instance-order"})
  void every_kind_of_order_is_a_referral(String intent) {
    var events = reader.read(collection(referral(intent))).events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            Referral.class, r -> assertThat(r.performer()).isEqualTo("Organization/org-hf1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"proposal", "plan", "directive", "option"})
  void what_is_no_order_is_ignored_with_the_reason(String intent) {
    var delivery = reader.read(collection(referral(intent)));

    assertThat(delivery.events()).isEmpty();
    assertThat(delivery.ignored())
        .singleElement()
        .satisfies(
            ignored -> {
              assertThat(ignored.reason().code()).isEqualTo("NOT_AN_ORDER");
              assertThat(ignored.kept()).isNull();
            });
  }

  // ------------------------------------------------------------------ not-done

  @Test
  void a_procedure_not_done_without_a_time_is_ignored_with_the_reason_and_kept_as_a_version() {
    var delivery =
        reader.read(
            collection(
                """
                {"resourceType": "Procedure", "id": "op1", "status": "not-done",
                 "statusReason": {"text": "Pasienten møtte ikke"},
                 "category": {"coding": [{"system": "http://snomed.info/sct",
                                          "code": "387713003"}]},
                 "subject": {"reference": "Patient/p1"}}
                """));

    assertThat(delivery.rejected()).isEmpty();
    assertThat(delivery.accepted()).isEmpty();
    Ignored ignored = delivery.ignored().get(0);
    assertThat(ignored.reason().code()).isEqualTo("NOT_DONE");
    assertThat(ignored.reason().english())
        .isEqualTo(
            "Procedure/op1 has status not-done: it did not take place, and gives no pathway code."
                + " It is kept as the newest version of the resource, so it withdraws what an"
                + " earlier version said");
    assertThat(ignored.reason().norwegian()).startsWith("Procedure/op1 har status not-done");
    assertThat(ignored.kept())
        .isEqualTo(new NotDone(ignored.kept().source(), "Patient/p1", "not-done"));
    assertThat(delivery.events()).containsExactly(ignored.kept());
  }

  @Test
  void a_procedure_not_done_with_a_time_is_ignored_the_same_way() {
    var delivery =
        reader.read(
            collection(
                """
                {"resourceType": "Procedure", "id": "op1", "status": "not-done",
                 "subject": {"reference": "Patient/p1"},
                 "performedDateTime": "2024-04-05T08:00:00+02:00"}
                """));

    assertThat(delivery.ignored())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.reason().code()).isEqualTo("NOT_DONE");
              assertThat(i.kept()).isInstanceOf(NotDone.class);
            });
  }

  @Test
  void a_procedure_not_done_still_needs_its_patient() {
    assertThat(
            rejection(
                    collection(
                        "{\"resourceType\": \"Procedure\", \"id\": \"op1\", \"status\": \"not-done\"}"))
                .english())
        .isEqualTo("Procedure/op1 has no subject: which patient had the procedure?");
  }

  @Test
  void a_drug_not_given_is_ignored_with_the_reason_and_kept_as_a_version() {
    var delivery =
        reader.read(
            collection(
                """
                {"resourceType": "MedicationAdministration", "id": "ma1", "status": "not-done",
                 "statusReason": [{"text": "Pasienten takket nei"}],
                 "medicationReference": {"reference": "Medication/m1"},
                 "subject": {"reference": "Patient/p1"},
                 "effectiveDateTime": "2024-04-10T10:00:00+02:00"}
                """));

    assertThat(delivery.ignored())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.reason().code()).isEqualTo("NOT_DONE");
              assertThat(i.kept())
                  .isInstanceOfSatisfying(
                      NotDone.class, n -> assertThat(n.patient()).isEqualTo("Patient/p1"));
            });
  }

  /** The reason of the one resource reading this bundle rejects (and that it rejects only one). */
  private IntakeReason rejection(byte[] bundle) {
    var rejected = reader.read(bundle).rejected();
    assertThat(rejected).hasSize(1);
    return rejected.get(0).reason();
  }

  private DrugAdministered acceptedDrug(String resource) {
    var delivery = reader.read(collection(resource));
    assertThat(delivery.rejected()).as("rejected: %s", delivery.items()).isEmpty();
    return (DrugAdministered) List.copyOf(delivery.events()).get(0);
  }
}

package no.forlop.ingest.fhir;

import static no.forlop.ingest.fhir.FhirJson.collection;
import static no.forlop.ingest.fhir.FhirJson.encounter;
import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.ingest.fhir.Delivery.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A resource that is malformed or lacks what Forløp needs is rejected with one line a person can
 * act on: which resource, which element, what is wrong, and never personal data.
 */
class RejectionTest {

  private final FhirDeliveryReader reader = new FhirDeliveryReader();

  @Test
  void an_encounter_without_subject_asks_which_patient_was_seen() {
    var rejected =
        rejectedOne(
            encounter("bad10", "2024-04-05T09:00:00+02:00")
                .replace("\"subject\": {\"reference\": \"Patient/p1\"},", ""));

    assertThat(rejected.source()).isEqualTo("Encounter/bad10");
    assertThat(rejected.reason().english())
        .isEqualTo("Encounter/bad10 has no subject: which patient was seen?");
    assertThat(rejected.json()).contains("\"id\":\"bad10\"");
  }

  @Test
  void an_invalid_date_names_the_element_and_the_problem_but_not_the_value() {
    var rejected = rejectedOne(encounter("bad10b", "not-a-date"));

    assertThat(rejected.reason().english())
        .isEqualTo("Encounter/bad10b: period.start has an invalid value (invalid date/time format)")
        .doesNotContain("not-a-date");
  }

  @Test
  void a_year_before_1900_is_an_impossible_date() {
    var rejected = rejectedOne(encounter("e1", "1824-04-05T09:00:00+02:00"));

    assertThat(rejected.reason().english())
        .isEqualTo(
            "Encounter/e1: period.start is an impossible date"
                + " (the year is not between 1900 and 2100)");
  }

  @Test
  void an_unknown_element_is_named_with_its_path() {
    var rejected =
        rejectedOne(
            encounter("e1", "2024-04-05T09:00:00+02:00")
                .replace("\"period\": {", "\"period\": {\"begin\": \"x\", "));

    assertThat(rejected.reason().english())
        .isEqualTo("Encounter/e1: period.begin is not an element of Encounter in FHIR R4");
  }

  @Test
  void an_element_of_the_wrong_json_type_is_named_with_both_types() {
    var rejected =
        rejectedOne(
            encounter("e1", "2024-04-05T09:00:00+02:00")
                .replace("{\"reference\": \"Patient/p1\"}", "\"Patient/p1\""));

    assertThat(rejected.reason().english())
        .isEqualTo("Encounter/e1: subject should be a JSON object, not a string");
  }

  @Test
  void an_unknown_code_is_named_without_repeating_it() {
    var rejected =
        rejectedOne(
            encounter("e1", "2024-04-05T09:00:00+02:00").replace("\"finished\"", "\"done\""));

    assertThat(rejected.reason().english())
        .isEqualTo("Encounter/e1: status has an invalid value (unknown EncounterStatus code)");
  }

  @Test
  void a_patient_with_a_wrong_check_digit_is_rejected_without_the_number() {
    var rejected = rejectedOne(FhirJson.patient("p1", "12036110073"));

    assertThat(rejected.reason().english())
        .isEqualTo(
            "Patient/p1: the fødselsnummer (identifier system urn:oid:2.16.578.1.12.4.1.4.1)"
                + " has wrong check digits")
        .doesNotContain("12036110073")
        .doesNotContain("120361");
  }

  @Test
  void a_patient_without_a_national_identity_number_is_rejected_saying_which_is_needed() {
    var rejected =
        rejectedOne(
            """
            {"resourceType": "Patient", "id": "p1",
             "identifier": [{"system": "urn:ehr:pasientnr", "value": "4711"}]}
            """);

    assertThat(rejected.reason().english())
        .isEqualTo(
            "Patient/p1 has no fødselsnummer or D-nummer (identifier system"
                + " urn:oid:2.16.578.1.12.4.1.4.1 or urn:oid:2.16.578.1.12.4.1.4.2):"
                + " who is the patient?");
  }

  @Test
  void an_organisation_without_an_organisation_number_is_rejected() {
    var rejected =
        rejectedOne("{\"resourceType\": \"Organization\", \"id\": \"org1\", \"name\": \"HF\"}");

    assertThat(rejected.reason().english())
        .isEqualTo(
            "Organization/org1 has no organisation number (identifier system"
                + " urn:oid:2.16.578.1.12.4.1.4.101): which health trust or hospital is it?");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ServiceRequest without subject | {"resourceType": "ServiceRequest", "id": "sr1", "status": "active", "intent": "order", "authoredOn": "2024-03-01"} | ServiceRequest/sr1 has no subject: which patient is referred?
          ServiceRequest without authoredOn | {"resourceType": "ServiceRequest", "id": "sr1", "status": "active", "intent": "order", "subject": {"reference": "Patient/p1"}} | ServiceRequest/sr1 has no authoredOn: when was the referral written?
          Task without focus | {"resourceType": "Task", "id": "t1", "status": "received", "intent": "order", "authoredOn": "2024-03-04"} | Task/t1 has no focus: which referral is it about?
          Task without authoredOn | {"resourceType": "Task", "id": "t1", "status": "received", "intent": "order", "focus": {"reference": "ServiceRequest/sr1"}} | Task/t1 has no authoredOn: when was the referral received?
          Encounter without start | {"resourceType": "Encounter", "id": "e1", "status": "finished", "class": {"code": "AMB"}, "subject": {"reference": "Patient/p1"}} | Encounter/e1 has no period.start: when did the attendance start?
          Encounter without status | {"resourceType": "Encounter", "id": "e1", "class": {"code": "AMB"}, "subject": {"reference": "Patient/p1"}, "period": {"start": "2024-03-04"}} | Encounter/e1 has no status: FHIR requires it
          ImagingStudy without subject | {"resourceType": "ImagingStudy", "id": "i1", "status": "available", "started": "2024-03-04"} | ImagingStudy/i1 has no subject: which patient was examined?
          ImagingStudy without started | {"resourceType": "ImagingStudy", "id": "i1", "status": "available", "subject": {"reference": "Patient/p1"}} | ImagingStudy/i1 has no started: when was the examination?
          Procedure without subject | {"resourceType": "Procedure", "id": "op1", "status": "completed", "performedDateTime": "2024-03-04"} | Procedure/op1 has no subject: which patient had the procedure?
          Procedure without time | {"resourceType": "Procedure", "id": "op1", "status": "completed", "subject": {"reference": "Patient/p1"}} | Procedure/op1 has no performedDateTime or performedPeriod: when was the procedure performed?
          Procedure performed as text | {"resourceType": "Procedure", "id": "op1", "status": "completed", "subject": {"reference": "Patient/p1"}, "performedString": "last spring"} | Procedure/op1: performed[x] is given as string: Forløp needs performedDateTime or performedPeriod.start
          ClinicalImpression without subject | {"resourceType": "ClinicalImpression", "id": "ci1", "status": "completed", "date": "2024-03-04"} | ClinicalImpression/ci1 has no subject: whose assessment is it?
          ClinicalImpression without date | {"resourceType": "ClinicalImpression", "id": "ci1", "status": "completed", "subject": {"reference": "Patient/p1"}} | ClinicalImpression/ci1 has no date: when was the assessment made?
          Condition without subject | {"resourceType": "Condition", "id": "c1", "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]}, "recordedDate": "2024-03-04"} | Condition/c1 has no subject: whose diagnosis is it?
          Condition without recordedDate | {"resourceType": "Condition", "id": "c1", "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]}, "subject": {"reference": "Patient/p1"}, "onsetDateTime": "2024-03-04"} | Condition/c1 has no recordedDate: when was the diagnosis recorded?
          Condition without verificationStatus | {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"}, "recordedDate": "2024-03-04"} | Condition/c1 has no verificationStatus: is the diagnosis confirmed?
          Condition with a verificationStatus of another system | {"resourceType": "Condition", "id": "c1", "verificationStatus": {"coding": [{"system": "urn:ehr:status", "code": "bekreftet"}]}, "subject": {"reference": "Patient/p1"}, "recordedDate": "2024-03-04"} | Condition/c1: verificationStatus has no code from http://terminology.hl7.org/CodeSystem/condition-ver-status
          QuestionnaireResponse without subject | {"resourceType": "QuestionnaireResponse", "id": "qr1", "status": "completed", "authored": "2024-03-04"} | QuestionnaireResponse/qr1 has no subject: whose questionnaire response is it?
          QuestionnaireResponse without authored | {"resourceType": "QuestionnaireResponse", "id": "qr1", "status": "completed", "questionnaire": "https://forlop.no/fhir/Questionnaire/evaluering", "subject": {"reference": "Patient/p1"}} | QuestionnaireResponse/qr1 has no authored: when was the questionnaire answered?
          MedicationAdministration without subject | {"resourceType": "MedicationAdministration", "id": "ma1", "status": "completed", "medicationCodeableConcept": {"text": "x"}, "effectiveDateTime": "2024-03-04"} | MedicationAdministration/ma1 has no subject: which patient was given the drug?
          MedicationAdministration without time | {"resourceType": "MedicationAdministration", "id": "ma1", "status": "completed", "medicationCodeableConcept": {"text": "x"}, "subject": {"reference": "Patient/p1"}} | MedicationAdministration/ma1 has no effectiveDateTime or effectivePeriod: when was the drug given?
          MedicationAdministration naming its medication only in words | {"resourceType": "MedicationAdministration", "id": "ma1", "status": "completed", "medicationReference": {"display": "x"}, "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2024-03-04"} | MedicationAdministration/ma1: medicationReference names no medication Forløp can find: give reference (Medication/id, #id for a contained Medication, an absolute URL or a urn:uuid) or identifier with a value, or medicationCodeableConcept with the ATC code
          MedicationAdministration without medication | {"resourceType": "MedicationAdministration", "id": "ma1", "status": "completed", "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2024-03-04"} | MedicationAdministration/ma1 has no medicationCodeableConcept or medicationReference: which drug was given?
          Appointment without a patient | {"resourceType": "Appointment", "id": "a1", "status": "noshow", "start": "2024-03-04T10:00:00+01:00", "participant": [{"actor": {"reference": "Practitioner/pr1"}, "status": "accepted"}]} | Appointment/a1 has no participant.actor referring to a Patient: whose appointment is it?
          Appointment without status | {"resourceType": "Appointment", "id": "a1", "start": "2024-03-04T10:00:00+01:00", "participant": [{"actor": {"reference": "Patient/p1"}, "status": "accepted"}]} | Appointment/a1 has no status: FHIR requires it
          EpisodeOfCare without patient | {"resourceType": "EpisodeOfCare", "id": "eoc1", "status": "finished", "period": {"end": "2024-03-04"}} | EpisodeOfCare/eoc1 has no patient: whose episode of care is it?
          EpisodeOfCare finished without end | {"resourceType": "EpisodeOfCare", "id": "eoc1", "status": "finished", "patient": {"reference": "Patient/p1"}} | EpisodeOfCare/eoc1 has no period.end: when did the finished episode of care end?
          subject that is a group | {"resourceType": "Encounter", "id": "e1", "status": "finished", "subject": {"reference": "Group/g1"}, "period": {"start": "2024-03-04"}} | Encounter/e1: subject refers to a Group, not a Patient
          subject by identifier only | {"resourceType": "Encounter", "id": "e1", "status": "finished", "subject": {"identifier": {"system": "urn:oid:2.16.578.1.12.4.1.4.1", "value": "12036110072"}}, "period": {"start": "2024-03-04"}} | Encounter/e1: subject names the patient only by identifier: refer to the Patient resource instead
          reference to a contained resource | {"resourceType": "Encounter", "id": "e1", "contained": [{"resourceType": "Organization", "id": "org"}], "status": "finished", "subject": {"reference": "Patient/p1"}, "serviceProvider": {"reference": "#org"}, "period": {"start": "2024-03-04"}} | Encounter/e1: serviceProvider.reference is not a reference Forløp can follow: use Type/id, an absolute URL or a urn:uuid
          reference to a contained resource that is not there | {"resourceType": "Encounter", "id": "e1", "status": "finished", "subject": {"reference": "Patient/p1"}, "serviceProvider": {"reference": "#org"}, "period": {"start": "2024-03-04"}} | Encounter/e1: serviceProvider.reference points to a contained resource that is not there
          a contained resource without id | {"resourceType": "Encounter", "id": "e1", "contained": [{"resourceType": "Organization"}], "status": "finished", "subject": {"reference": "Patient/p1"}, "period": {"start": "2024-03-04"}} | Encounter/e1: a contained resource has no id
          a single element given as a list | {"resourceType": "Encounter", "id": "e1", "status": "finished", "subject": [{"reference": "Patient/p1"}, {"reference": "Patient/p2"}], "period": {"start": "2024-03-04"}} | Encounter/e1: subject is a list, but FHIR allows only one
          a nested single element given as a list | {"resourceType": "ImagingStudy", "id": "i1", "status": "available", "subject": {"reference": "Patient/p1"}, "started": "2024-03-04", "series": [{"uid": "1", "modality": {"code": "US"}, "performer": [{"actor": [{"reference": "Organization/o1"}]}]}]} | ImagingStudy/i1: series[0].performer[0].actor is a list, but FHIR allows only one
          a primitive given as a list | {"resourceType": "Encounter", "id": "e1", "status": ["finished"], "subject": {"reference": "Patient/p1"}, "period": {"start": "2024-03-04"}} | Encounter/e1: status is a list, but FHIR allows only one
          date given only to the month | {"resourceType": "Encounter", "id": "e1", "status": "finished", "subject": {"reference": "Patient/p1"}, "period": {"start": "2024-03"}} | Encounter/e1: period.start is given only to the month: Forløp needs the day
          impossible time of death | {"resourceType": "Patient", "id": "p1", "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.1", "value": "12036110072"}], "deceasedDateTime": "2124-01-25"} | Patient/p1: deceasedDateTime is an impossible date (the year is not between 1900 and 2100)
          impossible last update | {"resourceType": "Organization", "id": "o1", "meta": {"lastUpdated": "1024-01-25T10:00:00Z"}, "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.101", "value": "910000012"}]} | Organization/o1: meta.lastUpdated is an impossible date (the year is not between 1900 and 2100)
          """)
  void a_resource_lacking_what_forlop_needs_is_rejected_with_a_reason_to_act_on(
      String what, String resource, String reason) {
    assertThat(rejectedOne(resource).reason().english()).isEqualTo(reason);
  }

  @Test
  void reasons_are_one_line_and_carry_no_identity_number() {
    var delivery =
        reader.read(
            collection(
                FhirJson.patient("p1", "12036110073"),
                FhirJson.patient("p2", "1203611007"),
                FhirJson.patient("p3", "1203611007A"),
                """
                {"resourceType": "Patient", "id": "p4", "birthDate": "12036110072",
                 "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.1",
                                 "value": "12036110072"}]}
                """));

    assertThat(delivery.rejected())
        .hasSize(4)
        .allSatisfy(
            rejected ->
                assertThat(rejected.reason().english())
                    .doesNotContain("\n")
                    .doesNotContain("1203611007")
                    .doesNotContain("120361"));
  }

  private Rejected rejectedOne(String resource) {
    var delivery = reader.read(collection(resource));
    assertThat(delivery.items()).hasSize(1);
    assertThat(delivery.rejected()).as("rejected: %s", delivery.items()).hasSize(1);
    return delivery.rejected().get(0);
  }
}

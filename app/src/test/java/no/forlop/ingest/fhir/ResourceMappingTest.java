package no.forlop.ingest.fhir;

import static no.forlop.ingest.fhir.FhirJson.collection;
import static no.forlop.ingest.fhir.FhirJson.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Assessment;
import no.forlop.coding.ClinicalEvent.Attendance;
import no.forlop.coding.ClinicalEvent.CareEpisode;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.OrganisationRecord;
import no.forlop.coding.ClinicalEvent.PatientRecord;
import no.forlop.coding.ClinicalEvent.PlannedAppointment;
import no.forlop.coding.ClinicalEvent.ProcedurePerformed;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.Code;
import no.forlop.coding.SourceRef;
import org.junit.jupiter.api.Test;

/** Each FHIR resource type Forløp reads, and which of its elements become which facts. */
class ResourceMappingTest {

  private static final List<ClinicalEvent> EVENTS =
      new FhirDeliveryReader().read(fixture("every-type.json")).events();

  private final FhirDeliveryReader reader = new FhirDeliveryReader();

  @Test
  void every_supported_type_in_the_fixture_becomes_a_fact_and_the_practitioner_does_not() {
    assertThat(EVENTS)
        .map(event -> event.source().display())
        .containsExactly(
            "Patient/p1",
            "Organization/org-hf1",
            "Organization/org-legekontor",
            "ServiceRequest/sr1",
            "Task/t1",
            "Encounter/e1",
            "ImagingStudy/img1",
            "Procedure/op1",
            "ClinicalImpression/ci1",
            "MedicationAdministration/ma1");
  }

  @Test
  void a_patient_has_the_fodselsnummer_in_preference_to_a_d_nummer_and_the_time_of_death() {
    var patient = event(PatientRecord.class, "Patient/p1");

    assertThat(patient.identifier()).isEqualTo("12036110072");
    assertThat(patient.deceased()).isEqualTo(Instant.parse("2024-06-01T04:40:00Z"));
    assertThat(patient.patient()).isEqualTo("Patient/p1");
  }

  @Test
  void the_source_has_key_display_business_identifiers_version_and_last_update() {
    var source = event(PatientRecord.class, "Patient/p1").source();

    assertThat(source)
        .isEqualTo(
            new SourceRef(
                "Patient/p1",
                "Patient/p1",
                List.of(
                    "urn:oid:2.16.578.1.12.4.1.4.2|52036110066",
                    "urn:oid:2.16.578.1.12.4.1.4.1|12036110072"),
                "3",
                Instant.parse("2024-03-01T11:00:00Z")));
  }

  @Test
  void a_patient_with_only_a_d_nummer_is_known_by_it() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "Patient", "id": "p2",
                     "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.2",
                                     "value": "520361 10066"}]}
                    """))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            PatientRecord.class, p -> assertThat(p.identifier()).isEqualTo("52036110066"));
  }

  @Test
  void a_patient_only_known_to_be_deceased_has_no_time_of_death() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "Patient", "id": "p8", "deceasedBoolean": true,
                     "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.1",
                                     "value": "14023810183"}]}
                    """))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(PatientRecord.class, p -> assertThat(p.deceased()).isNull());
  }

  @Test
  void an_organisation_has_its_organisation_number_and_name() {
    assertThat(event(OrganisationRecord.class, "Organization/org-hf1"))
        .extracting(OrganisationRecord::organisationNumber, OrganisationRecord::name)
        .containsExactly("910000012", "Fjordby sykehus HF");
    assertThat(event(OrganisationRecord.class, "Organization/org-legekontor").name()).isNull();
    assertThat(event(OrganisationRecord.class, "Organization/org-hf1").patient()).isNull();
  }

  @Test
  void a_referral_has_code_and_category_codes_reasons_requester_performer_and_authored_on() {
    var referral = event(Referral.class, "ServiceRequest/sr1");

    assertThat(referral.patient()).isEqualTo("Patient/p1");
    assertThat(referral.status()).isEqualTo("active");
    assertThat(referral.codes())
        .containsExactly(
            new Code(Code.PATHWAY_CODES, "A12A"), new Code(Code.REFERRAL_PRIORITY, "PK"));
    assertThat(referral.reasons()).containsExactly(new Code(Code.ICD10, "C18.7"));
    assertThat(referral.requester()).isEqualTo("Organization/org-legekontor");
    assertThat(referral.performer()).isEqualTo("Organization/org-hf1");
    assertThat(referral.authoredOn()).isEqualTo(Instant.parse("2024-03-01T13:05:00Z"));
    assertThat(referral.source().identifiers()).containsExactly("urn:ehr:henvisning|H-1");
  }

  @Test
  void a_task_has_status_focus_owner_patient_and_authored_on() {
    var task = event(ReferralTask.class, "Task/t1");

    assertThat(task)
        .extracting(
            ReferralTask::status,
            ReferralTask::focus,
            ReferralTask::owner,
            ReferralTask::patient,
            ReferralTask::authoredOn)
        .containsExactly(
            "received",
            "ServiceRequest/sr1",
            "Organization/org-hf1",
            "Patient/p1",
            Instant.parse("2024-03-04T08:10:00Z"));
  }

  @Test
  void a_task_without_for_leaves_the_patient_to_its_referral() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "Task", "id": "t2", "status": "accepted", "intent": "order",
                     "focus": {"reference": "ServiceRequest/sr1"},
                     "authoredOn": "2024-03-06T11:00:00+01:00"}
                    """))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            ReferralTask.class,
            task -> {
              assertThat(task.patient()).isNull();
              assertThat(task.owner()).isNull();
            });
  }

  @Test
  void a_task_business_status_is_read_as_its_outcome_and_none_gives_none() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "Task", "id": "t3", "status": "accepted", "intent": "order",
                     "focus": {"reference": "ServiceRequest/sr1"},
                     "businessStatus": {"coding": [{
                       "system": "https://forlop.no/fhir/CodeSystem/referral-assessment",
                       "code": "direct-treatment"}]},
                     "authoredOn": "2024-03-06T11:00:00+01:00"}
                    """))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            ReferralTask.class,
            task ->
                assertThat(task.outcomes())
                    .containsExactly(
                        new Code(
                            "https://forlop.no/fhir/CodeSystem/referral-assessment",
                            "direct-treatment")));
    assertThat(event(ReferralTask.class, "Task/t1").outcomes()).isEmpty();
  }

  @Test
  void an_encounter_is_an_attendance_with_status_class_service_provider_and_start() {
    var attendance = event(Attendance.class, "Encounter/e1");

    assertThat(attendance.kind()).isEqualTo(Attendance.Kind.ENCOUNTER);
    assertThat(attendance.patient()).isEqualTo("Patient/p1");
    assertThat(attendance.status()).isEqualTo("finished");
    assertThat(attendance.attendanceClass()).isEqualTo("AMB");
    assertThat(attendance.organisations()).containsExactly("Organization/org-hf1");
    assertThat(attendance.start()).isEqualTo(Instant.parse("2024-03-11T07:30:00Z"));
  }

  @Test
  void an_imaging_study_is_an_attendance_at_the_organisations_that_performed_its_series() {
    var attendance = event(Attendance.class, "ImagingStudy/img1");

    assertThat(attendance.kind()).isEqualTo(Attendance.Kind.IMAGING);
    assertThat(attendance.status()).isEqualTo("available");
    assertThat(attendance.attendanceClass()).isNull();
    assertThat(attendance.organisations())
        .containsExactly("Organization/org-hf1", "Organization/org-legekontor");
    assertThat(attendance.start()).isEqualTo(Instant.parse("2024-03-12T08:00:00Z"));
  }

  @Test
  void a_procedure_has_code_and_category_codes_the_period_start_encounter_and_performers() {
    var procedure = event(ProcedurePerformed.class, "Procedure/op1");

    assertThat(procedure.status()).isEqualTo("completed");
    assertThat(procedure.codes())
        .containsExactly(new Code(Code.PROCEDURES, "JFB30"), new Code(Code.SNOMED, "387713003"));
    assertThat(procedure.performed()).isEqualTo(Instant.parse("2024-04-05T06:00:00Z"));
    assertThat(procedure.encounter()).isEqualTo("Encounter/e1");
    assertThat(procedure.performers()).containsExactly("Organization/org-hf1");
  }

  @Test
  void a_procedure_performed_at_a_point_in_time_is_dated_by_it() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "Procedure", "id": "bx1", "status": "completed",
                     "subject": {"reference": "Patient/p1"},
                     "performedDateTime": "2024-03-11T10:00:00+01:00",
                     "code": {"coding": [{"system": "http://snomed.info/sct", "code": "86273004"}]}}
                    """))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            ProcedurePerformed.class,
            p -> {
              assertThat(p.performed()).isEqualTo(Instant.parse("2024-03-11T09:00:00Z"));
              assertThat(p.codes()).containsExactly(new Code(Code.SNOMED, "86273004"));
              assertThat(p.encounter()).isNull();
              assertThat(p.performers()).isEmpty();
            });
  }

  @Test
  void a_clinical_impression_is_an_assessment_with_its_coded_findings_date_and_encounter() {
    var assessment = event(Assessment.class, "ClinicalImpression/ci1");

    assertThat(assessment.status()).isEqualTo("completed");
    assertThat(assessment.date()).isEqualTo(Instant.parse("2024-03-20T12:00:00Z"));
    assertThat(assessment.findings()).containsExactly(new Code(Code.ICD10, "C18.7"));
    assertThat(assessment.encounter()).isEqualTo("Encounter/e1");
  }

  @Test
  void a_clinical_impression_without_date_is_dated_by_its_effective_date_time() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "ClinicalImpression", "id": "ci2", "status": "completed",
                     "subject": {"reference": "Patient/p1"},
                     "effectiveDateTime": "2024-03-20T13:00:00+01:00"}
                    """))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            Assessment.class,
            a -> {
              assertThat(a.date()).isEqualTo(Instant.parse("2024-03-20T12:00:00Z"));
              assertThat(a.findings()).isEmpty();
              assertThat(a.encounter()).isNull();
            });
  }

  @Test
  void
      a_medication_administration_is_a_drug_given_with_its_atc_code_start_context_and_performers() {
    var drug = event(DrugAdministered.class, "MedicationAdministration/ma1");

    assertThat(drug.status()).isEqualTo("in-progress");
    assertThat(drug.medication()).containsExactly(new Code(Code.ATC, "L01BC02"));
    assertThat(drug.effective()).isEqualTo(Instant.parse("2024-04-10T08:00:00Z"));
    assertThat(drug.context()).isEqualTo("Encounter/e1");
    assertThat(drug.performers()).containsExactly("Organization/org-hf1");
  }

  @Test
  void a_medication_administration_at_a_point_in_time_is_dated_by_it() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "MedicationAdministration", "id": "ma2",
                     "status": "completed",
                     "medicationCodeableConcept": {"coding": [
                       {"system": "http://www.whocc.no/atc", "code": "L02BA01"}]},
                     "subject": {"reference": "Patient/p1"},
                     "effectiveDateTime": "2024-04-10T10:00:00+02:00"}
                    """))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            DrugAdministered.class,
            d -> {
              assertThat(d.effective()).isEqualTo(Instant.parse("2024-04-10T08:00:00Z"));
              assertThat(d.context()).isNull();
            });
  }

  @Test
  void a_clinical_impression_of_the_kind_evaluation_keeps_its_code() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "ClinicalImpression", "id": "ev1", "status": "completed",
                     "code": {"coding": [{"system": "http://snomed.info/sct", "code": "386053000"}]},
                     "subject": {"reference": "Patient/p1"}, "date": "2024-03-20T13:00:00+01:00"}
                    """))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            Assessment.class,
            a -> assertThat(a.kinds()).containsExactly(new Code(Code.SNOMED, "386053000")));
    assertThat(event(Assessment.class, "ClinicalImpression/ci1").kinds()).isEmpty();
  }

  @Test
  void
      a_condition_is_an_assessment_with_its_verification_status_recorded_date_codes_and_encounter() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "Condition", "id": "c1",
                     "clinicalStatus": {"coding": [{"system":
                       "http://terminology.hl7.org/CodeSystem/condition-clinical",
                       "code": "active"}]},
                     "verificationStatus": {"coding": [{"system":
                       "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                       "code": "confirmed"}]},
                     "category": [{"coding": [{"system":
                       "http://terminology.hl7.org/CodeSystem/condition-category",
                       "code": "encounter-diagnosis"}]}],
                     "code": {"coding": [
                       {"system": "urn:oid:2.16.578.1.12.4.1.1.7110", "code": "F32.1"},
                       {"system": "urn:oid:2.16.578.1.12.4.1.1.8480", "code": "D11CP"}]},
                     "subject": {"reference": "Patient/p1"},
                     "encounter": {"reference": "Encounter/e1"},
                     "onsetDateTime": "2023-12-01",
                     "recordedDate": "2024-03-20T13:00:00+01:00"}
                    """))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            Assessment.class,
            a -> {
              assertThat(a.source().display()).isEqualTo("Condition/c1");
              assertThat(a.patient()).isEqualTo("Patient/p1");
              assertThat(a.status()).isEqualTo("confirmed");
              assertThat(a.date()).isEqualTo(Instant.parse("2024-03-20T12:00:00Z"));
              assertThat(a.findings())
                  .containsExactly(
                      new Code(Code.ICD10, "F32.1"), new Code(Code.PATHWAY_CODES, "D11CP"));
              assertThat(a.encounter()).isEqualTo("Encounter/e1");
              assertThat(a.kinds())
                  .containsExactly(
                      new Code(
                          "http://terminology.hl7.org/CodeSystem/condition-category",
                          "encounter-diagnosis"));
            });
  }

  @Test
  void a_questionnaire_response_is_an_assessment_of_the_kind_of_its_questionnaire() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "QuestionnaireResponse", "id": "qr1",
                     "questionnaire": "https://forlop.no/fhir/Questionnaire/evaluering|1.0",
                     "status": "completed", "subject": {"reference": "Patient/p1"},
                     "encounter": {"reference": "Encounter/e1"},
                     "authored": "2024-03-20T13:00:00+01:00",
                     "item": [{"linkId": "1", "answer": [{"valueBoolean": true}]}]}
                    """,
                    """
                    {"resourceType": "QuestionnaireResponse", "id": "qr2",
                     "status": "in-progress", "subject": {"reference": "Patient/p1"},
                     "authored": "2024-03-21T13:00:00+01:00"}
                    """))
            .events();

    assertThat(events)
        .hasSize(2)
        .first()
        .isInstanceOfSatisfying(
            Assessment.class,
            a -> {
              assertThat(a.status()).isEqualTo("completed");
              assertThat(a.date()).isEqualTo(Instant.parse("2024-03-20T12:00:00Z"));
              assertThat(a.findings()).isEmpty();
              assertThat(a.encounter()).isEqualTo("Encounter/e1");
              assertThat(a.kinds())
                  .containsExactly(
                      new Code(
                          Code.QUESTIONNAIRE, "https://forlop.no/fhir/Questionnaire/evaluering"));
            });
    assertThat(events.get(1))
        .isInstanceOfSatisfying(
            Assessment.class,
            a -> {
              assertThat(a.status()).isEqualTo("in-progress");
              assertThat(a.kinds()).isEmpty();
            });
  }

  @Test
  void a_condition_or_response_without_its_date_is_rejected_and_nothing_else_is_lost() {
    var delivery =
        reader.read(
            collection(
                """
                {"resourceType": "Condition", "id": "c1",
                 "verificationStatus": {"coding": [{"system":
                   "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                   "code": "confirmed"}]},
                 "subject": {"reference": "Patient/p1"}}
                """,
                """
                {"resourceType": "QuestionnaireResponse", "id": "qr1", "status": "completed",
                 "subject": {"reference": "Patient/p1"}}
                """,
                """
                {"resourceType": "Condition", "id": "c2",
                 "verificationStatus": {"coding": [{"system":
                   "http://terminology.hl7.org/CodeSystem/condition-ver-status",
                   "code": "provisional"}]},
                 "subject": {"reference": "Patient/p1"}, "recordedDate": "2024-03-04"}
                """,
                """
                {"resourceType": "QuestionnaireResponse", "id": "qr2", "status": "completed",
                 "subject": {"reference": "Patient/p1"}, "authored": "2024-03-04"}
                """));

    assertThat(delivery.rejected())
        .extracting(r -> r.reason().english())
        .containsExactly(
            "Condition/c1 has no recordedDate: when was the diagnosis recorded?",
            "QuestionnaireResponse/qr1 has no authored: when was the questionnaire answered?");
    assertThat(delivery.events())
        .extracting(e -> e.source().display() + " " + ((Assessment) e).status())
        .containsExactly("Condition/c2 provisional", "QuestionnaireResponse/qr2 completed");
  }

  @Test
  void an_appointment_has_its_patient_status_cancellation_reason_start_and_referral() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "Appointment", "id": "a1", "status": "cancelled",
                     "cancelationReason": {"coding": [{"system":
                       "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason",
                       "code": "pat"}]},
                     "basedOn": [{"reference": "ServiceRequest/sr1"}],
                     "start": "2024-03-04T10:00:00+01:00", "end": "2024-03-04T11:00:00+01:00",
                     "participant": [
                       {"actor": {"reference": "Practitioner/pr1"}, "status": "accepted"},
                       {"actor": {"reference": "Patient/p1"}, "status": "declined"}]}
                    """))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            PlannedAppointment.class,
            a -> {
              assertThat(a.patient()).isEqualTo("Patient/p1");
              assertThat(a.status()).isEqualTo("cancelled");
              assertThat(a.cancellationReasons())
                  .containsExactly(
                      new Code(
                          "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason",
                          "pat"));
              assertThat(a.start()).isEqualTo(Instant.parse("2024-03-04T09:00:00Z"));
              assertThat(a.referral()).isEqualTo("ServiceRequest/sr1");
            });
  }

  @Test
  void an_episode_of_care_has_its_patient_status_organisation_referral_and_end() {
    var events =
        reader
            .read(
                collection(
                    """
                    {"resourceType": "EpisodeOfCare", "id": "eoc1", "status": "finished",
                     "patient": {"reference": "Patient/p1"},
                     "managingOrganization": {"reference": "Organization/org-hf1"},
                     "referralRequest": [{"reference": "ServiceRequest/sr1"}],
                     "period": {"start": "2024-01-04", "end": "2024-05-02T15:00:00+02:00"}}
                    """))
            .events();

    assertThat(events)
        .singleElement()
        .isInstanceOfSatisfying(
            CareEpisode.class,
            e -> {
              assertThat(e.patient()).isEqualTo("Patient/p1");
              assertThat(e.status()).isEqualTo("finished");
              assertThat(e.organisation()).isEqualTo("Organization/org-hf1");
              assertThat(e.referral()).isEqualTo("ServiceRequest/sr1");
              assertThat(e.end()).isEqualTo(Instant.parse("2024-05-02T13:00:00Z"));
            });
  }

  @Test
  void a_service_request_that_is_only_a_plan_is_ignored_with_the_reason() {
    var delivery =
        reader.read(
            collection(
                """
                {"resourceType": "ServiceRequest", "id": "sr9", "status": "active",
                 "intent": "plan", "subject": {"reference": "Patient/p1"},
                 "authoredOn": "2024-03-01T14:05:00+01:00"}
                """));

    assertThat(delivery.ignored())
        .singleElement()
        .satisfies(
            ignored -> {
              assertThat(ignored.reason().code()).isEqualTo("NOT_AN_ORDER");
              assertThat(ignored.reason().english())
                  .isEqualTo(
                      "ServiceRequest/sr9 has intent plan, not one of the orders (order,"
                          + " original-order, reflex-order, filler-order, instance-order): only an"
                          + " order is a referral");
            });
  }

  @Test
  void an_encounter_keeps_the_kinds_of_visit_the_ehr_coded_so_a_hospital_map_can_read_them() {
    var delivery =
        reader.read(
            collection(
                """
                {"resourceType": "Encounter", "id": "e-tlf", "status": "finished",
                 "class": {"code": "AMB"},
                 "type": [{"coding": [{"system": "urn:ehr:visit", "code": "TLF"}]}],
                 "serviceType": {"coding": [{"system": "urn:ehr:service", "code": "ONK"}]},
                 "subject": {"reference": "Patient/p1"},
                 "period": {"start": "2024-03-06T09:00:00+01:00"}}
                """,
                """
                {"resourceType": "Encounter", "id": "e-plain", "status": "finished",
                 "class": {"code": "AMB"}, "subject": {"reference": "Patient/p1"},
                 "period": {"start": "2024-03-07T09:00:00+01:00"}}
                """));

    var typed = (Attendance) delivery.events().get(0);
    var plain = (Attendance) delivery.events().get(1);
    assertThat(typed.types())
        .containsExactly(new Code("urn:ehr:visit", "TLF"), new Code("urn:ehr:service", "ONK"));
    assertThat(typed.attendanceClass()).isEqualTo("AMB");
    assertThat(plain.types()).isEmpty();
  }

  private static <T extends ClinicalEvent> T event(Class<T> type, String display) {
    return EVENTS.stream()
        .filter(event -> event.source().display().equals(display))
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }
}

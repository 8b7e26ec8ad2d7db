package no.forlop.coding.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import no.forlop.calendar.OsloTime;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Assessment;
import no.forlop.coding.ClinicalEvent.Attendance;
import no.forlop.coding.ClinicalEvent.CareEpisode;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.MedicationRecord;
import no.forlop.coding.ClinicalEvent.NotDone;
import no.forlop.coding.ClinicalEvent.OrganisationRecord;
import no.forlop.coding.ClinicalEvent.PatientRecord;
import no.forlop.coding.ClinicalEvent.PlannedAppointment;
import no.forlop.coding.ClinicalEvent.ProcedurePerformed;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.Code;
import no.forlop.coding.SourceRef;
import org.jspecify.annotations.Nullable;

/** Builds one patient's EHR facts for derivation tests: dates at 10:00 Oslo time. */
final class Facts {

  static final String PATIENT = "Patient/p1";
  static final String HF1 = "Organization/hf1";
  static final String HF2 = "Organization/hf2";

  private final List<ClinicalEvent> events = new ArrayList<>();
  private final LinkedHashMap<String, OrganisationRecord> organisations = new LinkedHashMap<>();
  private final LinkedHashMap<String, MedicationRecord> medications = new LinkedHashMap<>();

  static Facts aPatient() {
    var facts = new Facts();
    facts.events.add(new PatientRecord(ref(PATIENT), "12036110072", "Test Testesen", null));
    facts.organisation(HF1, "910000012").organisation(HF2, "910000020");
    return facts;
  }

  static Facts withoutPatientRecord() {
    var facts = new Facts();
    facts.organisation(HF1, "910000012");
    return facts;
  }

  static SourceRef ref(String key) {
    return new SourceRef(key, key, List.of(), null, null);
  }

  static Instant at(String date) {
    return LocalDate.parse(date).atTime(LocalTime.of(10, 0)).atZone(OsloTime.ZONE).toInstant();
  }

  Facts organisation(String key, String number) {
    organisations.put(key, new OrganisationRecord(ref(key), number, null));
    return this;
  }

  Facts died(String date) {
    events.removeIf(e -> e instanceof PatientRecord);
    events.add(new PatientRecord(ref(PATIENT), "12036110072", "Test Testesen", at(date)));
    return this;
  }

  Facts referral(
      String id,
      String pathwayCode,
      String authored,
      @Nullable String requester,
      String performer) {
    return referralWith(
        id, List.of(new Code(Code.PATHWAY_CODES, pathwayCode)), authored, requester, performer);
  }

  /** A pathway referral whose {@code category} also carries this code. */
  Facts referralInCategory(
      String id,
      String pathwayCode,
      String system,
      String category,
      String authored,
      @Nullable String requester,
      String performer) {
    return referralWith(
        id,
        List.of(new Code(Code.PATHWAY_CODES, pathwayCode), new Code(system, category)),
        authored,
        requester,
        performer);
  }

  private Facts referralWith(
      String id, List<Code> codes, String authored, @Nullable String requester, String performer) {
    events.add(
        new Referral(
            ref("ServiceRequest/" + id),
            PATIENT,
            "active",
            codes,
            List.of(),
            requester,
            performer,
            at(authored)));
    return this;
  }

  Facts pkReferral(String id, String authored, String... icd10) {
    events.add(
        new Referral(
            ref("ServiceRequest/" + id),
            PATIENT,
            "active",
            List.of(new Code(Code.REFERRAL_PRIORITY, "PK")),
            java.util.Arrays.stream(icd10).map(c -> new Code(Code.ICD10, c)).toList(),
            null,
            HF1,
            at(authored)));
    return this;
  }

  Facts task(String id, String referral, String status, String authored, String owner) {
    events.add(
        new ReferralTask(
            ref("Task/" + id), PATIENT, status, "ServiceRequest/" + referral, owner, at(authored)));
    return this;
  }

  /** A referral assessment whose business status carries these codes. */
  Facts task(
      String id, String referral, String status, String authored, String owner, Code... outcomes) {
    events.add(
        new ReferralTask(
            ref("Task/" + id),
            PATIENT,
            status,
            "ServiceRequest/" + referral,
            owner,
            at(authored),
            List.of(outcomes)));
    return this;
  }

  Facts encounter(String id, String status, String cls, String org, String start) {
    events.add(
        new Attendance(
            ref("Encounter/" + id),
            PATIENT,
            Attendance.Kind.ENCOUNTER,
            status,
            cls,
            List.of(org),
            at(start)));
    return this;
  }

  /** An encounter whose kind of visit the EHR coded ({@code Encounter.type}). */
  Facts encounterOfType(
      String id, String cls, String typeSystem, String type, String org, String start) {
    events.add(
        new Attendance(
            ref("Encounter/" + id),
            PATIENT,
            Attendance.Kind.ENCOUNTER,
            "finished",
            cls,
            List.of(org),
            at(start),
            List.of(new no.forlop.coding.Code(typeSystem, type))));
    return this;
  }

  Facts imaging(String id, String org, String started) {
    events.add(
        new Attendance(
            ref("ImagingStudy/" + id),
            PATIENT,
            Attendance.Kind.IMAGING,
            "available",
            null,
            List.of(org),
            at(started)));
    return this;
  }

  Facts procedure(String id, String snomed, String performed, @Nullable String encounter) {
    events.add(
        new ProcedurePerformed(
            ref("Procedure/" + id),
            PATIENT,
            "completed",
            List.of(new Code(Code.SNOMED, snomed)),
            at(performed),
            encounter,
            List.of()));
    return this;
  }

  /** A completed procedure with a SNOMED CT code, performed at an exact instant. */
  Facts procedureAt(String id, String snomed, Instant performed) {
    events.add(
        new ProcedurePerformed(
            ref("Procedure/" + id),
            PATIENT,
            "completed",
            List.of(new Code(Code.SNOMED, snomed)),
            performed,
            null,
            List.of()));
    return this;
  }

  /** A completed procedure with one code of any system (NCSP/NCMP, a local code …). */
  Facts procedureCoded(String id, String system, String code, String performed) {
    events.add(
        new ProcedurePerformed(
            ref("Procedure/" + id),
            PATIENT,
            "completed",
            List.of(new Code(system, code)),
            at(performed),
            null,
            List.of()));
    return this;
  }

  Facts diagnosis(String id, String date, @Nullable String encounter, String... icd10) {
    events.add(
        new Assessment(
            ref("ClinicalImpression/" + id),
            PATIENT,
            "completed",
            at(date),
            java.util.Arrays.stream(icd10).map(c -> new Code(Code.ICD10, c)).toList(),
            encounter));
    return this;
  }

  Facts outcome(String id, String date, String code) {
    events.add(
        new Assessment(
            ref("ClinicalImpression/" + id),
            PATIENT,
            "completed",
            at(date),
            List.of(new Code(Code.PATHWAY_CODES, code)),
            null));
    return this;
  }

  Facts drug(String id, String atc, String given, String status) {
    events.add(
        new DrugAdministered(
            ref("MedicationAdministration/" + id),
            PATIENT,
            status,
            List.of(new Code(Code.ATC, atc)),
            at(given),
            null,
            List.of()));
    return this;
  }

  /** A drug given that names its medication by reference ({@code Medication/<medication>}). */
  Facts drugNamed(String id, String medication, String given, String status) {
    events.add(
        new DrugAdministered(
            ref("MedicationAdministration/" + id),
            PATIENT,
            status,
            List.of(),
            at(given),
            null,
            List.of(),
            "Medication/" + medication));
    return this;
  }

  /** A medication (FHIR Medication) the store found for the patient's administrations. */
  Facts medication(String id, @Nullable String status, Code... codes) {
    medications.put(
        "Medication/" + id, new MedicationRecord(ref("Medication/" + id), status, List.of(codes)));
    return this;
  }

  /**
   * A procedure the EHR says was not done, with a SNOMED CT {@code statusReason} (the patient
   * declined …) and the day it was given for, if any.
   */
  Facts notDoneBecause(String id, String reason, @Nullable String date) {
    events.add(
        new NotDone(
            ref("Procedure/" + id),
            PATIENT,
            "not-done",
            List.of(new Code(Code.SNOMED, reason)),
            date == null ? null : at(date),
            null,
            List.of()));
    return this;
  }

  /** A procedure or drug administration the EHR says was not done (the current version). */
  Facts notDone(String key) {
    events.add(new NotDone(ref(key), PATIENT, "not-done"));
    return this;
  }

  /** A mental-health decision in the type-forløp encoding: type (kodeverk 9321) + outcome. */
  Facts typedOutcome(String id, String date, String type, String outcome) {
    events.add(
        new Assessment(
            ref("ClinicalImpression/" + id),
            PATIENT,
            "completed",
            at(date),
            List.of(
                new Code("urn:oid:2.16.578.1.12.4.1.1.9321", type),
                new Code(Code.PATHWAY_CODES, outcome)),
            null));
    return this;
  }

  /**
   * The GP's answers to the entry criteria sent with a referral (ADR 0044): of {@code required}
   * items of required content, {@code confirmed} confirmed as included.
   */
  Facts referralResponse(
      String id, String referral, String status, String authored, int required, int confirmed) {
    events.add(
        new ClinicalEvent.ReferralResponse(
            ref("QuestionnaireResponse/" + id),
            PATIENT,
            status,
            "ServiceRequest/" + referral,
            "https://forlop.no/fhir/Questionnaire/entry-criteria-colorectal",
            at(authored),
            required,
            confirmed));
    return this;
  }

  /** A completed evaluation (ClinicalImpression.code SNOMED 386053000). */
  Facts evaluation(String id, String date) {
    events.add(
        new Assessment(
            ref("ClinicalImpression/" + id),
            PATIENT,
            "completed",
            at(date),
            List.of(),
            null,
            List.of(new Code(Code.SNOMED, "386053000"))));
    return this;
  }

  /**
   * A diagnosis (FHIR Condition): the verification status, recorded on the day, with the codes of
   * its {@code code} (ICD-10, or a mental-health outcome in kodeverk 8480), in an encounter or not.
   */
  Facts condition(
      String id, String verification, String date, @Nullable String encounter, Code... codes) {
    events.add(
        new Assessment(
            ref("Condition/" + id),
            PATIENT,
            verification,
            at(date),
            List.of(codes),
            encounter,
            List.of()));
    return this;
  }

  /** A confirmed diagnosis with ICD-10 codes (FHIR Condition). */
  Facts confirmedDiagnosis(String id, String date, String... icd10) {
    return condition(
        id,
        "confirmed",
        date,
        null,
        java.util.Arrays.stream(icd10).map(c -> new Code(Code.ICD10, c)).toArray(Code[]::new));
  }

  /** A questionnaire response with its status, answering the questionnaire (canonical URL). */
  Facts questionnaireResponse(String id, String status, String date, String questionnaire) {
    events.add(
        new Assessment(
            ref("QuestionnaireResponse/" + id),
            PATIENT,
            status,
            at(date),
            List.of(),
            null,
            List.of(new Code(Code.QUESTIONNAIRE, questionnaire))));
    return this;
  }

  /** An appointment; {@code reason} is a code of HL7's appointment-cancellation-reason, or null. */
  Facts appointment(
      String id, String status, @Nullable String reason, String start, @Nullable String referral) {
    events.add(
        new PlannedAppointment(
            ref("Appointment/" + id),
            PATIENT,
            status,
            reason == null
                ? List.of()
                : List.of(
                    new Code(
                        "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason",
                        reason)),
            at(start),
            referral == null ? null : "ServiceRequest/" + referral));
    return this;
  }

  Facts episode(
      String id,
      String status,
      @Nullable String org,
      @Nullable String referral,
      @Nullable String end) {
    events.add(
        new CareEpisode(
            ref("EpisodeOfCare/" + id),
            PATIENT,
            status,
            org,
            referral == null ? null : "ServiceRequest/" + referral,
            end == null ? null : at(end)));
    return this;
  }

  PatientFacts build() {
    return new PatientFacts(PATIENT, events, organisations, medications);
  }

  PatientFacts shuffled(long seed) {
    var copy = new ArrayList<>(events);
    java.util.Collections.shuffle(copy, new java.util.Random(seed));
    return new PatientFacts(PATIENT, copy, organisations, medications);
  }
}

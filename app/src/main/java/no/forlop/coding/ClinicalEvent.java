package no.forlop.coding;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A fact the EHR recorded, in Forløp's own terms: what the source system said, not yet what it
 * means for a pathway. {@code ingest} translates FHIR resources into these; references to other
 * resources are given as their {@link SourceRef#key() keys} (resolved against the sender's base
 * address), so that facts can arrive in any order and be joined later.
 */
public sealed interface ClinicalEvent {

  SourceRef source();

  /** The key of the patient the fact is about ({@code null} for an organisation). */
  @Nullable String patient();

  /**
   * A person (FHIR Patient): the national identity number, the name as the EHR writes it (for
   * people's screens; never logged), and the time of death if known.
   */
  record PatientRecord(
      SourceRef source, String identifier, @Nullable String name, @Nullable Instant deceased)
      implements ClinicalEvent {
    @Override
    public String patient() {
      return source.key();
    }
  }

  /** A health trust or hospital (FHIR Organization) with its organisation number. */
  record OrganisationRecord(SourceRef source, String organisationNumber, @Nullable String name)
      implements ClinicalEvent {
    @Override
    public @Nullable String patient() {
      return null;
    }
  }

  /**
   * A referral (FHIR ServiceRequest with intent order).
   *
   * @param codes the codes of {@code code} and {@code category} (pathway codes, priority PK …)
   * @param reasons the codes of {@code reasonCode} (ICD-10 of the suspected condition)
   * @param requester the key of the requesting organisation, if given
   * @param performer the key of the receiving organisation, if given
   * @param requesterHpr the HPR number (Helsepersonellregisteret) of the person who sent it, when
   *     the requester is a PractitionerRole that names its practitioner by HPR number (issue 17,
   *     ADR 0043); {@code null} otherwise
   */
  record Referral(
      SourceRef source,
      String patient,
      String status,
      List<Code> codes,
      List<Code> reasons,
      @Nullable String requester,
      @Nullable String performer,
      Instant authoredOn,
      @Nullable String requesterHpr)
      implements ClinicalEvent {

    /** A referral from an organisation, without the person who sent it. */
    public Referral(
        SourceRef source,
        String patient,
        String status,
        List<Code> codes,
        List<Code> reasons,
        @Nullable String requester,
        @Nullable String performer,
        Instant authoredOn) {
      this(source, patient, status, codes, reasons, requester, performer, authoredOn, null);
    }
  }

  /**
   * The handling of a referral (FHIR Task): received, accepted (assessed) …
   *
   * @param patient the key of the patient ({@code for}), or {@code null}: then the referral's
   * @param focus the key of the referral it is about
   * @param owner the key of the organisation handling it
   * @param outcomes the codes of {@code businessStatus}: what the assessment concluded beyond its
   *     status (e.g. Forløp's {@code direct-treatment}, the right to treatment given directly)
   */
  record ReferralTask(
      SourceRef source,
      @Nullable String patient,
      String status,
      String focus,
      @Nullable String owner,
      Instant authoredOn,
      List<Code> outcomes)
      implements ClinicalEvent {

    public ReferralTask {
      outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    /** A task whose business status the EHR did not code. */
    public ReferralTask(
        SourceRef source,
        @Nullable String patient,
        String status,
        String focus,
        @Nullable String owner,
        Instant authoredOn) {
      this(source, patient, status, focus, owner, authoredOn, List.of());
    }
  }

  /**
   * An attendance: a visit or stay (FHIR Encounter), or an imaging examination (FHIR ImagingStudy).
   *
   * @param attendanceClass the encounter class (AMB, IMP …); {@code null} for imaging
   * @param organisations the keys of the organisations where it happened (serviceProvider, or the
   *     series performers of an imaging study)
   * @param start when it started (period.start, or the study's started)
   * @param types what kind of visit it was, as the EHR codes it ({@code Encounter.type} and {@code
   *     serviceType}; a hospital's ConceptMap may say which of its types are a first attendance,
   *     and which are not, such as a telephone consultation)
   */
  record Attendance(
      SourceRef source,
      String patient,
      Kind kind,
      String status,
      @Nullable String attendanceClass,
      List<String> organisations,
      Instant start,
      List<Code> types)
      implements ClinicalEvent {

    public Attendance {
      types = types == null ? List.of() : List.copyOf(types);
    }

    /** An attendance whose kind of visit the EHR did not code. */
    public Attendance(
        SourceRef source,
        String patient,
        Kind kind,
        String status,
        @Nullable String attendanceClass,
        List<String> organisations,
        Instant start) {
      this(source, patient, kind, status, attendanceClass, organisations, start, List.of());
    }

    /** What kind of resource the attendance was. */
    public enum Kind {
      ENCOUNTER,
      IMAGING
    }
  }

  /**
   * A procedure (FHIR Procedure).
   *
   * @param codes the codes of {@code code} and {@code category}
   * @param encounter the key of the encounter it belongs to, if given
   * @param performers the keys of the performing organisations, if given
   */
  record ProcedurePerformed(
      SourceRef source,
      String patient,
      String status,
      List<Code> codes,
      Instant performed,
      @Nullable String encounter,
      List<String> performers)
      implements ClinicalEvent {}

  /**
   * A documented assessment or diagnosis (FHIR ClinicalImpression, Condition), or a form answered
   * (FHIR QuestionnaireResponse).
   *
   * @param status the ClinicalImpression's or QuestionnaireResponse's {@code status}, or the
   *     Condition's {@code verificationStatus} ({@code confirmed} …)
   * @param findings the codes of {@code finding.itemCodeableConcept} or of the Condition's {@code
   *     code} (ICD-10, or an outcome code); none for a questionnaire response
   * @param encounter the key of the encounter it belongs to, if given
   */
  record Assessment(
      SourceRef source,
      String patient,
      String status,
      Instant date,
      List<Code> findings,
      @Nullable String encounter,
      List<Code> kinds)
      implements ClinicalEvent {

    /**
     * @param kinds the kind of assessment: the ClinicalImpression's {@code code} (e.g. SNOMED
     *     386053000, an evaluation), the Condition's {@code category}, or the questionnaire a
     *     response answers ({@link Code#QUESTIONNAIRE}); empty when not given (and in facts stored
     *     before it was read)
     */
    public Assessment {
      kinds = kinds == null ? List.of() : List.copyOf(kinds);
    }

    /** An assessment without a kind. */
    public Assessment(
        SourceRef source,
        String patient,
        String status,
        Instant date,
        List<Code> findings,
        @Nullable String encounter) {
      this(source, patient, status, date, findings, encounter, List.of());
    }
  }

  /**
   * The GP's answers to a pathway's entry criteria sent with a referral (FHIR QuestionnaireResponse
   * to Forløp's entry-criteria questionnaire, {@code basedOn} the referral; ADR 0044): whether the
   * referral says it contains what the pathway requires.
   *
   * @param referral the key of the referral the answers belong to ({@code basedOn})
   * @param questionnaire the questionnaire's canonical URL without its version
   * @param authored when the GP answered
   * @param requiredContent how many items of required content the response lists (0: the response
   *     does not say, e.g. one written before it could)
   * @param confirmed of those, how many the GP confirmed as included in the referral
   */
  record ReferralResponse(
      SourceRef source,
      String patient,
      String status,
      String referral,
      String questionnaire,
      Instant authored,
      int requiredContent,
      int confirmed)
      implements ClinicalEvent {

    /**
     * Whether the referral has its complete required content: {@code true} when every listed item
     * is confirmed, {@code false} when one is not, {@code null} (unknown) when none is listed.
     */
    public @Nullable Boolean complete() {
      return requiredContent == 0 ? null : confirmed == requiredContent;
    }
  }

  /**
   * A drug given (FHIR MedicationAdministration).
   *
   * @param medication the codes of {@code medicationCodeableConcept} (ATC), or of the Medication
   *     contained in the administration that {@code medicationReference} points to
   * @param context the key of the encounter it belongs to ({@code context}), if given
   * @param performers the keys of the performing organisations, if given
   * @param medicationReference the key of the Medication it names ({@code medicationReference} to a
   *     resource of its own, or {@link SourceRef#byIdentifier by its identifier}), whose codes are
   *     joined at derivation time: the Medication may arrive before or after the administration;
   *     {@code null} when the drug is given as a code or a contained Medication
   */
  record DrugAdministered(
      SourceRef source,
      String patient,
      String status,
      List<Code> medication,
      Instant effective,
      @Nullable String context,
      List<String> performers,
      @Nullable String medicationReference)
      implements ClinicalEvent {

    /** A drug given as a code ({@code medicationCodeableConcept}). */
    public DrugAdministered(
        SourceRef source,
        String patient,
        String status,
        List<Code> medication,
        Instant effective,
        @Nullable String context,
        List<String> performers) {
      this(source, patient, status, medication, effective, context, performers, null);
    }
  }

  /**
   * A drug as the EHR describes it (FHIR Medication), named by administrations through {@code
   * medicationReference}: a fact of its own, about no patient, like an organisation.
   *
   * @param status the Medication's {@code status} (active, inactive, entered-in-error), if given
   * @param codes the codes of its {@code code} (ATC, or another drug terminology)
   */
  record MedicationRecord(SourceRef source, @Nullable String status, List<Code> codes)
      implements ClinicalEvent {

    public MedicationRecord {
      codes = codes == null ? List.of() : List.copyOf(codes);
    }

    @Override
    public @Nullable String patient() {
      return null;
    }
  }

  /**
   * A procedure or drug administration the EHR records as not done (FHIR status {@code not-done}):
   * it did not happen, so it counts for no rule. It is kept all the same, as the newest version of
   * its resource, so that an EHR that first sent the procedure as completed and then corrected it
   * to not-done withdraws what the earlier version stated.
   *
   * <p>Why it was not done may matter all the same: a procedure the patient declined ({@code
   * statusReason}) can stop a cancer pathway (X, proposed; rule {@code END-PATIENT-DECLINED}).
   *
   * @param status the resource's status ({@code not-done})
   * @param reasons the codes of its {@code statusReason}, if any
   * @param performed when the patient declined ({@code performedDateTime} or the start of {@code
   *     performedPeriod}), if given
   * @param encounter the key of the encounter it belongs to, if given
   * @param performers the keys of the organisations that were to perform it, if given
   */
  record NotDone(
      SourceRef source,
      String patient,
      String status,
      List<Code> reasons,
      @Nullable Instant performed,
      @Nullable String encounter,
      List<String> performers)
      implements ClinicalEvent {

    public NotDone {
      reasons = reasons == null ? List.of() : List.copyOf(reasons);
      performers = performers == null ? List.of() : List.copyOf(performers);
    }

    /** A not-done resource with no reason, date or performer given. */
    public NotDone(SourceRef source, String patient, String status) {
      this(source, patient, status, List.of(), null, null, List.of());
    }
  }

  /**
   * A planned appointment (FHIR Appointment): booked, attended, or cancelled or missed.
   *
   * @param status the appointment's status (booked, fulfilled, cancelled, noshow …)
   * @param cancellationReasons the codes of {@code cancelationReason} (who cancelled: "pat" …)
   * @param start when it was planned to start; {@code null} for a cancelled or proposed one without
   *     a time
   * @param referral the key of the referral it is based on ({@code basedOn}), if given
   */
  record PlannedAppointment(
      SourceRef source,
      String patient,
      String status,
      List<Code> cancellationReasons,
      @Nullable Instant start,
      @Nullable String referral)
      implements ClinicalEvent {}

  /**
   * A period of care for one problem at one organisation (FHIR EpisodeOfCare).
   *
   * @param organisation the key of the managing organisation, if given
   * @param referral the key of the referral that started it ({@code referralRequest}), if given
   * @param end when it ended ({@code period.end}), if it has
   */
  record CareEpisode(
      SourceRef source,
      String patient,
      String status,
      @Nullable String organisation,
      @Nullable String referral,
      @Nullable Instant end)
      implements ClinicalEvent {}
}

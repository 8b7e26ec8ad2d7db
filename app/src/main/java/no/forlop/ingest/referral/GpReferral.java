package no.forlop.ingest.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a GP's referral to a pathway says, in plain values: who, from which practice to which
 * organisation, which pathway, the suspected diagnosis, the GP's answers to the pathway's entry
 * criteria and what the referral must contain.
 *
 * @param id the referral's own id: the ids of the Bundle's resources and the ServiceRequest's
 *     identifier ({@link ReferralBundles#IDENTIFIER_SYSTEM}) derive from it
 * @param authoredOn when the GP wrote it
 * @param pathwayId the pathway's id in the catalogue ({@code lung})
 * @param pathwayName the pathway's name, as the referral's code text
 * @param pathwayCode the pathway's start code from kodeverk 8480 ({@code A12A}), where known
 * @param priority the referral's priority from kodeverk 8306 ({@code PK} for a cancer pathway), if
 *     any
 * @param icd10 the ICD-10 code of the suspected condition, if the GP gives one
 * @param criteriaVersion the version of the entry criteria the answers were given against
 * @param assessment the outcome of the criteria in words ("Kriteriene … er ikke oppfylt.")
 * @param answers every finding and filter step the GP could tick, with whether it was
 * @param requiredContent what the referral must contain, in words, for the receiver to check
 * @param requesterHpr the GP's HPR number (Helsepersonellregisteret), if given: the referral is
 *     then sent by a PractitionerRole, the GP at the practice (ADR 0043)
 */
public record GpReferral(
    UUID id,
    Instant authoredOn,
    Person patient,
    Organisation requester,
    Organisation performer,
    String pathwayId,
    String pathwayName,
    @Nullable String pathwayCode,
    @Nullable String priority,
    @Nullable String icd10,
    String criteriaVersion,
    String assessment,
    List<Answer> answers,
    List<String> requiredContent,
    @Nullable String requesterHpr) {

  public GpReferral {
    answers = List.copyOf(answers);
    requiredContent = List.copyOf(requiredContent);
  }

  /** The same referral, sent by the GP with this HPR number (null: by the practice). */
  public GpReferral withRequesterHpr(@Nullable String hpr) {
    return new GpReferral(
        id,
        authoredOn,
        patient,
        requester,
        performer,
        pathwayId,
        pathwayName,
        pathwayCode,
        priority,
        icd10,
        criteriaVersion,
        assessment,
        answers,
        requiredContent,
        hpr);
  }

  /** A referral from the practice, without the GP's HPR number. */
  public GpReferral(
      UUID id,
      Instant authoredOn,
      Person patient,
      Organisation requester,
      Organisation performer,
      String pathwayId,
      String pathwayName,
      @Nullable String pathwayCode,
      @Nullable String priority,
      @Nullable String icd10,
      String criteriaVersion,
      String assessment,
      List<Answer> answers,
      List<String> requiredContent) {
    this(
        id,
        authoredOn,
        patient,
        requester,
        performer,
        pathwayId,
        pathwayName,
        pathwayCode,
        priority,
        icd10,
        criteriaVersion,
        assessment,
        answers,
        requiredContent,
        null);
  }

  /** The patient: national identity number (fødselsnummer), name and, if given, birth date. */
  public record Person(String identityNumber, String name, @Nullable LocalDate birthDate) {
    @Override
    public String toString() {
      return "Person[…]"; // no personal data in logs or messages
    }
  }

  /** An organisation by its number in Enhetsregisteret (9 digits), with its name if given. */
  public record Organisation(String organisationNumber, @Nullable String name) {}

  /**
   * One item of the entry criteria and the GP's answer.
   *
   * @param linkId the item's id in the criteria file
   * @param group the part it belongs to ({@code filterSteps}, {@code criteria})
   * @param text the item's text
   * @param present whether the GP ticked it
   */
  public record Answer(String linkId, String group, String text, boolean present) {}
}

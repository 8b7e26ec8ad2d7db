package no.forlop.ingest.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a GP's referral stands, as the GP who sent it may see it (issue 17, ADR 0043): the patient
 * as the GP knows them, the day the referral was written, and the milestones of the pathway it
 * started, in plain values (the page and the FHIR Task put them into words).
 *
 * @param key the referral's key in Forløp (for the Task's id; never shown)
 * @param identifiers the referral's business identifiers ({@code system|value}), e.g. the GP page's
 *     {@link ReferralBundles#IDENTIFIER_SYSTEM}
 * @param patient the patient's fødselsnummer or D-nummer
 * @param patientName the patient's name as the hospital received it, if given
 * @param birthDate the patient's birth date (from the identity number)
 * @param writtenAt when the GP wrote the referral
 * @param receiver the organisation number of the receiving organisation, if known
 * @param progress where the pathway stands now
 * @param steps the milestones reached, in order
 * @param pathwayName the name of the pathway the referral started, if it started one (ADR 0048)
 */
public record ReferralStatus(
    String key,
    List<String> identifiers,
    String patient,
    @Nullable String patientName,
    LocalDate birthDate,
    Instant writtenAt,
    @Nullable String receiver,
    ReferralProgress progress,
    List<Step> steps,
    @Nullable String pathwayName) {

  public ReferralStatus {
    identifiers = List.copyOf(identifiers);
    steps = List.copyOf(steps);
  }

  /** The patient's initials ("K. T."), for a list that shows no full name. */
  public String initials() {
    if (patientName == null || patientName.isBlank()) {
      return "";
    }
    var initials = new StringBuilder();
    for (var part : patientName.strip().split("[\\s,]+")) {
      if (!part.isEmpty()) {
        initials.append(initials.isEmpty() ? "" : " ").append(part.charAt(0)).append('.');
      }
    }
    return initials.toString();
  }

  /** The day the GP wrote the referral, in Norway. */
  public LocalDate writtenOn() {
    return LocalDate.ofInstant(writtenAt, no.forlop.calendar.OsloTime.ZONE);
  }

  /** The latest milestone reached, if any. */
  public @Nullable Step latest() {
    return steps.isEmpty() ? null : steps.get(steps.size() - 1);
  }

  @Override
  public String toString() {
    return "ReferralStatus[progress=" + progress + ", steps=" + steps.size() + "]"; // no names
  }

  /**
   * A milestone of the pathway.
   *
   * @param organisation the organisation number of the trust where it happened, if known
   */
  public record Step(
      ReferralProgress.Milestone milestone, LocalDate date, @Nullable String organisation) {}
}

package no.forlop.pathway;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A milestone Forløp tracks on a pathway instance that is not a registry code (e.g. {@code
 * BIOPSY}), with the rule that found it and the source events it was found in. The derivation
 * replaces an instance's tracked milestones each time it runs.
 *
 * @param sources the source events, as {@code Type/id}
 * @param detail what the milestone says beyond its date, where it says more: for {@link
 *     #REFERRAL_WRITTEN} the requester's organisation number and, after a space, its name if known;
 *     for the referral's content the items confirmed of those required ({@code 3/4})
 */
public record TrackedMilestone(
    String type, LocalDate date, String rule, List<String> sources, @Nullable String detail) {

  /** A milestone that says nothing beyond its date. */
  public TrackedMilestone(String type, LocalDate date, String rule, List<String> sources) {
    this(type, date, rule, sources, null);
  }

  /**
   * The clinical decision taken at the trust that transferred the patient here for treatment: this
   * instance's treatment start rests on it, and its lead time to the decision is not judged again.
   */
  public static final String DECIDED_AT_SENDER = "DECIDED_AT_SENDER";

  /**
   * Mental health: the right to treatment was given directly at the referral assessment; the
   * pathway is left out of the assessment interval (first attendance → clinical decision).
   */
  public static final String DIRECT_TREATMENT_RIGHT = "DIRECT_TREATMENT_RIGHT";

  /** Mental health: the first attendance was an inpatient stay (Encounter class IMP …). */
  public static final String FIRST_ATTENDANCE_INPATIENT = "FIRST_ATTENDANCE_INPATIENT";

  /** Mental health: the first attendance was ambulatory (Encounter class AMB). */
  public static final String FIRST_ATTENDANCE_OUTPATIENT = "FIRST_ATTENDANCE_OUTPATIENT";

  /**
   * A referral from another organisation (a GP's practice) started the pathway: the day the
   * referrer wrote it, with the referrer in {@link #detail()} (ADR 0044).
   */
  public static final String REFERRAL_WRITTEN = "REFERRAL_WRITTEN";

  /** The day the hospital received the referral that started the pathway (its receipt Task). */
  public static final String REFERRAL_RECEIVED = "REFERRAL_RECEIVED";

  /** The referral came with the GP's confirmation that every item of required content is in it. */
  public static final String REFERRAL_CONTENT_COMPLETE = "REFERRAL_CONTENT_COMPLETE";

  /** The referral came with the GP's answers, and an item of required content is not confirmed. */
  public static final String REFERRAL_CONTENT_INCOMPLETE = "REFERRAL_CONTENT_INCOMPLETE";

  /** Every tracked milestone the derivation may report. */
  public static final java.util.List<String> TYPES =
      java.util.List.of(
          "BIOPSY",
          DECIDED_AT_SENDER,
          DIRECT_TREATMENT_RIGHT,
          FIRST_ATTENDANCE_INPATIENT,
          FIRST_ATTENDANCE_OUTPATIENT,
          REFERRAL_WRITTEN,
          REFERRAL_RECEIVED,
          REFERRAL_CONTENT_COMPLETE,
          REFERRAL_CONTENT_INCOMPLETE);

  public TrackedMilestone {
    sources = List.copyOf(sources);
  }
}

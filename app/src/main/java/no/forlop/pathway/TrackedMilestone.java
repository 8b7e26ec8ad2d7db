package no.forlop.pathway;

import java.time.LocalDate;
import java.util.List;

/**
 * A milestone Forløp tracks on a pathway instance that is not a registry code (e.g. {@code
 * BIOPSY}), with the rule that found it and the source events it was found in. The derivation
 * replaces an instance's tracked milestones each time it runs.
 *
 * @param sources the source events, as {@code Type/id}
 */
public record TrackedMilestone(String type, LocalDate date, String rule, List<String> sources) {

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

  /** Every tracked milestone the derivation may report. */
  public static final java.util.List<String> TYPES =
      java.util.List.of(
          "BIOPSY",
          DECIDED_AT_SENDER,
          DIRECT_TREATMENT_RIGHT,
          FIRST_ATTENDANCE_INPATIENT,
          FIRST_ATTENDANCE_OUTPATIENT);

  public TrackedMilestone {
    sources = List.copyOf(sources);
  }
}

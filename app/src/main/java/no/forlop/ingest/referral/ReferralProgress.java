package no.forlop.ingest.referral;

import java.util.List;

/**
 * Where a referred patient's pathway stands, in the steps a GP follows (issue 17, ADR 0043), and
 * the FHIR Task status each step is: received (the hospital has the referral, no pathway yet),
 * accepted (the pathway started), in progress (first attendance, decision, treatment), completed
 * (the pathway ended or continues at a trust outside Forløp) and cancelled (the referral was
 * withdrawn before any pathway).
 */
public enum ReferralProgress {
  RECEIVED("received"),
  STARTED("accepted"),
  IN_WORKUP("in-progress"),
  DECIDED("in-progress"),
  IN_TREATMENT("in-progress"),
  CLOSED("completed"),
  CANCELLED("cancelled");

  private final String taskStatus;

  ReferralProgress(String taskStatus) {
    this.taskStatus = taskStatus;
  }

  /** The FHIR R4 Task status ({@code received}, {@code accepted} …). */
  public String taskStatus() {
    return taskStatus;
  }

  /** The milestones a GP sees, in clinical order. */
  public enum Milestone {
    /** The hospital received the referral and the pathway started. */
    STARTED,
    /** The first attendance at the hospital. */
    FIRST_ATTENDANCE,
    /** The clinical decision (e.g. treatment, no cancer found, watchful waiting). */
    DECISION,
    /** Treatment started. */
    TREATMENT_START,
    /** The patient was transferred to another trust, which carries on. */
    TRANSFERRED,
    /** The pathway ended. */
    CLOSED
  }

  /**
   * Where a pathway stands by the milestones reached (in order), for a referral that is {@code
   * withdrawn} (revoked or entered in error) or not.
   *
   * @param open whether the pathway is still open (a transferred pathway is open at its new trust;
   *     one that left for a trust outside Forløp is not)
   */
  public static ReferralProgress of(List<Milestone> reached, boolean open, boolean withdrawn) {
    if (reached.contains(Milestone.CLOSED) || (!open && !reached.isEmpty())) {
      return CLOSED;
    }
    if (reached.contains(Milestone.TREATMENT_START)) {
      return IN_TREATMENT;
    }
    if (reached.contains(Milestone.DECISION)) {
      return DECIDED;
    }
    if (reached.contains(Milestone.FIRST_ATTENDANCE)) {
      return IN_WORKUP;
    }
    if (reached.contains(Milestone.STARTED)) {
      return STARTED;
    }
    return withdrawn ? CANCELLED : RECEIVED;
  }
}

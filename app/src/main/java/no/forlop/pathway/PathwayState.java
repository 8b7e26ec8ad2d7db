package no.forlop.pathway;

/**
 * Where a pathway instance stands, derived from its registered codes in clinical order (see
 * docs/diagrams/pathway-states.mmd).
 */
public enum PathwayState {
  /** Created, but no start code yet. */
  AWAITING_START,
  /** Started (A); waiting for the first attendance. */
  AWAITING_FIRST_ATTENDANCE,
  /** First attendance (S) registered; work-up under way. */
  IN_WORKUP,
  /** A clinical decision (C*) is registered. */
  DECIDED,
  /** Treatment has started (F*). */
  IN_TREATMENT,
  /** Responsibility moved to another health trust (O); closed here. */
  TRANSFERRED,
  /** Ended (X, a closing decision, or the closure of a mental-health pathway). */
  CLOSED;

  public boolean isOpen() {
    return this != TRANSFERRED && this != CLOSED;
  }
}

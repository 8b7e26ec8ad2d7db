package no.forlop.coordinator.worklist;

/** Where a pathway stands against its next deadline. */
public enum Status {
  /** Overdue: the due date has passed. */
  RED,
  /** Due within the unit's amber threshold (days). */
  AMBER,
  /** Due later. */
  GREEN,
  /** No running deadline with a known norm. */
  NONE
}

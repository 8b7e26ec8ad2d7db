package no.forlop.coordinator.worklist;

/**
 * Why a pathway needs a coordinator now (ADR 0035). A row in the default worklist has at least one;
 * a row without any is only in "Alle åpne".
 */
public enum Reason {
  /** The deadline of the next step has passed. */
  OVERDUE,
  /** The deadline of the next step is within the unit's amber threshold. */
  DUE_SOON,
  /**
   * A mental-health evaluation is due within the threshold or overdue and no evaluation is planned
   * by its deadline (a plan after the deadline, or one whose day has passed, counts as none).
   */
  EVALUATION_DUE,
  /** Proposed codes wait to be confirmed or rejected. */
  PROPOSALS,
  /** A derived code disagrees with one a person registered. */
  DISAGREEMENT,
  /** The registered codes break the coding rules. */
  RULE_BREAK,
  /** The patient was transferred to another organisation: follow the handover up. */
  TRANSFERRED_OUT,
  /** The patient came from another organisation recently: take the pathway over. */
  TRANSFERRED_IN,
  /**
   * A next step is expected, no deadline runs, and nothing was coded for longer than the unit's
   * inactivity limit.
   */
  INACTIVE
}

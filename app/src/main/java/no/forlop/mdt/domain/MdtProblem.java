package no.forlop.mdt.domain;

/**
 * Why a meeting cannot be planned, an agenda changed or a decision recorded, as a value a person
 * can read: the pages turn it into text with the message {@code mdt.problem.<NAME>}.
 */
public enum MdtProblem {
  /** The meeting needs a date. */
  DATE_MISSING,
  /** A date could not be read. */
  INVALID_DATE,
  /** The meeting needs a team name. */
  TEAM_MISSING,
  /** The team name is longer than 100 characters. */
  TEAM_TOO_LONG,
  /** The meeting needs a unit. */
  UNIT_MISSING,
  /** The meeting needs at least one pathway. */
  PATHWAYS_MISSING,
  /** A pathway is not in the catalogue in force. */
  UNKNOWN_PATHWAY,
  /** A decision cannot be recorded before the day of the meeting. */
  MEETING_NOT_HELD,
  /** The decision was discussed with the patient, but the day is missing. */
  CONVERSATION_DATE_MISSING,
  /** The conversation with the patient is dated before the meeting. */
  CONVERSATION_BEFORE_MEETING,
  /** The conversation with the patient is dated after today. */
  CONVERSATION_IN_FUTURE,
  /** The outcome is not a clinical-decision code of the pathway on the meeting day. */
  UNKNOWN_OUTCOME,
  /** The treatment intention is missing. */
  INTENTION_MISSING,
  /** The pathway is not on the meeting's agenda. */
  NOT_ON_AGENDA,
  /** A decision about this pathway is already recorded in this meeting. */
  ALREADY_DECIDED,
  /** No decision about this pathway is recorded in this meeting. */
  NO_DECISION,
  /** The conversation with the patient is already recorded. */
  ALREADY_DISCUSSED,
  /** A patient whose decision is recorded stays on the agenda. */
  DECIDED_ITEM_STAYS,
  /** The patient has no open pathway of the meeting's pathways in its unit. */
  NO_OPEN_PATHWAY
}

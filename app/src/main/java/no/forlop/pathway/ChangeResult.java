package no.forlop.pathway;

/** The outcome of a change to a pathway's codes: recorded, or refused with a reason. */
public sealed interface ChangeResult {

  /** The change was recorded; the pathway as it stands now. */
  record Changed(PathwayView pathway, CodeFact fact) implements ChangeResult {}

  /** The change was refused by the coding rules; nothing was stored. */
  record Refused(Rejection rejection) implements ChangeResult {}
}

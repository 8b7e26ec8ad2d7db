package no.forlop.pathway;

/** Whether a code counts: registered, or proposed and waiting for a coordinator to confirm it. */
public enum CodeState {
  REGISTERED,
  PROPOSED
}

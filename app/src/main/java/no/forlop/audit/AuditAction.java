package no.forlop.audit;

/** What was done with the data. */
public enum AuditAction {
  READ,
  CREATE,
  UPDATE,
  /** A sign-in that failed: a wrong password, or a username nobody has (no patient). */
  SIGN_IN_FAILED,
  /** A username or client address refused sign-in for a while after too many failures. */
  SIGN_IN_LOCKED
}

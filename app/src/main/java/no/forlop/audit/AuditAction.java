package no.forlop.audit;

/** What was done with the data. */
public enum AuditAction {
  READ,
  CREATE,
  UPDATE,
  /**
   * A read refused because the patient's data belongs to a unit the user does not work in: kept in
   * the patient's audit trail (issue 14), recorded even though the request fails.
   */
  REFUSED,
  /** A sign-in that failed: a wrong password, or a username nobody has (no patient). */
  SIGN_IN_FAILED,
  /** A username or client address refused sign-in for a while after too many failures. */
  SIGN_IN_LOCKED,
  /**
   * Deliveries' content purged at the end of their retention (issue 18, ADR 0042): the counts, no
   * patient.
   */
  PURGE
}

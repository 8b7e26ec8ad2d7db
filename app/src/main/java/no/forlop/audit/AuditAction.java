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
  REFUSED
}

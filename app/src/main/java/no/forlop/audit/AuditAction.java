package no.forlop.audit;

/** What was done with the data. */
public enum AuditAction {
  READ,
  CREATE,
  UPDATE
}

package no.forlop.audit;

import no.forlop.access.Actor;
import no.forlop.access.Purpose;
import no.forlop.access.SignInFailed;
import no.forlop.access.SignInLocked;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records failed sign-ins and lockouts in the audit log (no patient). The actor is the username
 * tried when somebody has it, otherwise {@code unknown}: what was typed in the username field may
 * be a password or a fødselsnummer, so it is never stored. No password is ever seen here.
 */
@Component
class SignInAudit {

  /** The actor of an attempt with a username nobody has, and of an address's throttle. */
  static final String UNKNOWN = "unknown";

  private static final Logger log = LoggerFactory.getLogger(SignInAudit.class);

  private final AuditLog auditLog;

  SignInAudit(AuditLog auditLog) {
    this.auditLog = auditLog;
  }

  @EventListener
  void failed(SignInFailed event) {
    record(
        event.user(),
        AuditAction.SIGN_IN_FAILED,
        "sign-in",
        "address " + event.address() + "; failure " + event.inARow() + " in a row");
  }

  @EventListener
  void locked(SignInLocked event) {
    record(
        event.user(),
        AuditAction.SIGN_IN_LOCKED,
        event.scope() == SignInLocked.Scope.ADDRESS ? "sign-in:address" : "sign-in:username",
        "address " + event.address() + "; until " + event.until());
  }

  private void record(@Nullable String user, AuditAction action, String resource, String details) {
    try {
      auditLog.record(
          new Actor(user == null ? UNKNOWN : user, Purpose.ADMINISTRATION.code()),
          action,
          null,
          resource,
          details);
    } catch (RuntimeException e) {
      // the refusal itself stands; a sign-in answer must not fail because the log could not be
      // written (the database is down: every other request fails too, and says so)
      log.error("Could not record {} in the audit log: {}", action, e.getClass().getSimpleName());
    }
  }
}

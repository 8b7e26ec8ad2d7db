package no.forlop.ingest.fhir;

/**
 * Understands why a resource did not become a fact: it is rejected (malformed, or lacking what
 * Forløp needs) or ignored (well-formed, but nothing Forløp reads). Carries no stack trace: the
 * reason is the whole story.
 */
final class NotTranslated extends RuntimeException {

  private final IntakeReason reason;
  private final boolean ignored;

  private NotTranslated(IntakeReason reason, boolean ignored) {
    super(reason.code(), null, false, false);
    this.reason = reason;
    this.ignored = ignored;
  }

  static NotTranslated rejected(IntakeReason reason) {
    return new NotTranslated(reason, false);
  }

  static NotTranslated ignored(IntakeReason reason) {
    return new NotTranslated(reason, true);
  }

  boolean isIgnored() {
    return ignored;
  }

  IntakeReason reason() {
    return reason;
  }
}

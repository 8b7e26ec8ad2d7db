package no.forlop.ingest.fhir;

/**
 * Understands why a resource did not become a fact: it is rejected (malformed, or lacking what
 * Forløp needs) or ignored (well-formed, but nothing Forløp reads). Carries no stack trace: the
 * reason is the whole story.
 */
final class NotTranslated extends RuntimeException {

  private final boolean ignored;

  private NotTranslated(String reason, boolean ignored) {
    super(reason, null, false, false);
    this.ignored = ignored;
  }

  static NotTranslated rejected(String reason) {
    return new NotTranslated(reason, false);
  }

  static NotTranslated ignored(String reason) {
    return new NotTranslated(reason, true);
  }

  boolean isIgnored() {
    return ignored;
  }

  String reason() {
    return getMessage();
  }
}

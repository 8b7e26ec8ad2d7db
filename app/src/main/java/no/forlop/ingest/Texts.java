package no.forlop.ingest;

/**
 * Understands what PostgreSQL can keep in a text column: no NUL character (it is written as the
 * JSON escape {@code \u0000} instead), and, for texts that are only for people to read, a length
 * that keeps a row small.
 */
final class Texts {

  private Texts() {}

  /** The text without NUL characters, and cut to {@code max} characters with a mark if longer. */
  static String storable(String text, int max) {
    var clean = text.indexOf('\u0000') < 0 ? text : text.replace("\u0000", "\\u0000");
    if (clean.length() <= max) {
      return clean;
    }
    return clean.substring(0, max - 1) + "…";
  }
}

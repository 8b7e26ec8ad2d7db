package no.forlop.web;

/**
 * The longest text each kind of free-text field takes (issue 14, ADR 0026): nothing a person types
 * is unbounded, so a page or a request cannot fill the database, the audit log or a page with
 * megabytes. A longer text is refused, never cut: a page shows the form again with the text {@code
 * form.error.tooLong.<kind>} (which names the limit), the API answers 400 with reason {@code
 * TEXT_TOO_LONG} and the limit. The numbers are the product's choice (no national rule found): a
 * note or an MDT text is a paragraph or two, a reason a sentence or a few.
 */
public final class TextLimits {

  /** A note on a pathway, the note of a change of pathway type: 2,000 characters. */
  public static final int NOTE = 2_000;

  /** The reason for rejecting, correcting or withdrawing a code: 1,000 characters. */
  public static final int REASON = 1_000;

  /** A search (the worklist's patient search): 100 characters. */
  public static final int SEARCH = 100;

  /**
   * A short value typed or chosen on a form: a code, an identifier, a name, a team, a user name:
   * 200 characters.
   */
  public static final int SHORT = 200;

  /**
   * The longest value of any one request parameter (address or form) anywhere, the backstop behind
   * the limits above for a field that has none of its own: 4,000 characters.
   */
  public static final int ANY_PARAMETER = 4_000;

  private TextLimits() {}
}

package no.forlop.web;

import org.jspecify.annotations.Nullable;

/**
 * Page numbers of a paged list as its address gives them (counted from 0), the same for every paged
 * list (the worklist, the emergency-access review): what is not a number is the first page, a
 * number too large for an int the largest; a page past the last shows the last, never "6 of 5".
 */
public final class PageNumbers {

  private PageNumbers() {}

  /** The page the address asks for: not a number, the first; too large for an int, the largest. */
  public static int parse(@Nullable String text) {
    var page = text == null ? "" : text.strip();
    if (!page.matches("\\d+")) {
      return 0;
    }
    page = page.replaceFirst("^0+(?=\\d)", "");
    return page.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(page);
  }

  /** How many pages of {@code size} rows {@code total} rows fill (at least one, when empty). */
  public static int pages(long total, int size) {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  /** The page shown for the one asked for: one past the last shows the last. */
  public static int shown(int asked, long total, int size) {
    return Math.min(Math.max(0, asked), pages(total, size) - 1);
  }
}

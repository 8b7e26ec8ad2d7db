package no.forlop.coordinator.worklist;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the coordinator asks the worklist for: filters (pathway, unit, status, coordinator, a search
 * for a patient by identity number or name), the sort, the page, and the view (only the rows that
 * need action, or every open pathway).
 *
 * @param coordinator a user name, or {@code "-"} for pathways without a coordinator
 */
public record WorklistQuery(
    @Nullable String pathway,
    @Nullable String unit,
    @Nullable Status status,
    @Nullable String coordinator,
    @Nullable String search,
    Sort sort,
    int page,
    int size,
    View view) {

  /** Which rows: those that need a coordinator now (ADR 0035), or all open pathways. */
  public enum View {
    ACTION,
    ALL;

    /** A view as an address gives it; none or an unknown one is {@code fallback}. */
    public static View parse(@Nullable String text, View fallback) {
      if (text == null || text.isBlank()) {
        return fallback;
      }
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return fallback;
      }
    }
  }

  /** Every open pathway (the view the services and exports ask for unless told otherwise). */
  public WorklistQuery(
      @Nullable String pathway,
      @Nullable String unit,
      @Nullable Status status,
      @Nullable String coordinator,
      @Nullable String search,
      Sort sort,
      int page,
      int size) {
    this(pathway, unit, status, coordinator, search, sort, page, size, View.ALL);
  }

  /** The orders a worklist can be read in. */
  public enum Sort {
    DUE,
    PATIENT,
    PATHWAY,
    STATE,
    START;

    public static Sort parse(@Nullable String text) {
      if (text == null || text.isBlank()) {
        return DUE;
      }
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return DUE;
      }
    }
  }

  public WorklistQuery {
    pathway = blankToNull(pathway);
    unit = blankToNull(unit);
    coordinator = blankToNull(coordinator);
    search = blankToNull(search);
    sort = sort == null ? Sort.DUE : sort;
    page = Math.max(page, 0);
    size = size <= 0 ? 50 : Math.min(size, 500);
    view = view == null ? View.ALL : view;
  }

  /** The same question, another page. */
  public WorklistQuery onPage(int another) {
    return new WorklistQuery(pathway, unit, status, coordinator, search, sort, another, size, view);
  }

  /** The same question in another view, from its first page. */
  public WorklistQuery inView(View another) {
    return new WorklistQuery(pathway, unit, status, coordinator, search, sort, 0, size, another);
  }

  /**
   * A page number as an address gives it (counted from 0): what is not a number is the first page,
   * a number too large for an int the largest (the worklist shows its last page instead).
   */
  public static int page(@Nullable String text) {
    return no.forlop.web.PageNumbers.parse(text);
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}

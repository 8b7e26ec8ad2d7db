package no.forlop.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The pathways behind one number of the indicators: which number, and the rows found (at most
 * {@code limit}; {@code total} says how many there were).
 */
public record Drilldown(Figure figure, List<Row> rows, long total, int limit) {

  public boolean truncated() {
    return total > rows.size();
  }

  /** The numbers a list can be opened from. */
  public enum Figure {
    // activity (docs/indicators.md, "Activity")
    STARTED,
    IN_WORK_UP,
    DECIDED,
    TREATED,
    CLOSED,
    TRANSFERRED,
    // a lead-time indicator (with an outcome, and a treatment type or all)
    INTERVAL,
    // data quality
    OUT_OF_ORDER,
    MISSING_START,
    MISSING_FIRST_ATTENDANCE,
    WITH_PROPOSALS,
    DISAGREEMENTS;

    /** The figure named, or {@code null} for a name that is none. */
    public static @Nullable Figure parse(@Nullable String name) {
      if (name == null || name.isBlank()) {
        return null;
      }
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }

  /** Which intervals of an indicator: the columns of the indicator table. */
  public enum Outcome {
    MEASURED,
    WITH_NORM,
    WITHIN,
    BREACHED,
    WITHOUT_NORM,
    BREACHED_PATIENT_DELAYED,
    OVERDUE_NOW;

    public static Outcome parse(@Nullable String name) {
      if (name == null || name.isBlank()) {
        return MEASURED;
      }
      try {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        return MEASURED;
      }
    }
  }

  /**
   * Which number to open: a figure, and for {@link Figure#INTERVAL} the indicator, the treatment
   * type ({@code null}: all) and the outcome.
   */
  public record Request(
      Figure figure, @Nullable String indicator, @Nullable String treatment, Outcome outcome) {

    public static Request of(Figure figure) {
      return new Request(figure, null, null, Outcome.MEASURED);
    }

    public static Request interval(String indicator, @Nullable String treatment, Outcome outcome) {
      return new Request(Figure.INTERVAL, indicator, treatment, outcome);
    }
  }

  /**
   * One pathway in the list, as a list shows a patient: initials and the masked identity number.
   *
   * @param date the date that placed it in the number (the milestone's, the interval's end, or its
   *     due date when it is still running)
   * @param days the interval's days, for an indicator
   */
  public record Row(
      UUID pathwayId,
      String patientInitials,
      String patientMasked,
      String pathway,
      String organisation,
      String state,
      @Nullable LocalDate startDate,
      @Nullable LocalDate date,
      @Nullable String treatment,
      @Nullable Integer days,
      @Nullable Integer standardDays,
      @Nullable String status) {}
}

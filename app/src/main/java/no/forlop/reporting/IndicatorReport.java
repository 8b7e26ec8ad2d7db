package no.forlop.reporting;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The indicators for a query, as of a day.
 *
 * @param asOf the day the running intervals and "in work-up" are judged on (the end of the period,
 *     or today if the period has not ended)
 * @param suppressBelow counts under this number are suppressed ({@code 0}: nothing suppressed, the
 *     view stays within the reader's units)
 */
public record IndicatorReport(
    IndicatorQuery query,
    LocalDate asOf,
    int suppressBelow,
    Activity activity,
    List<Interval> intervals,
    List<TargetResult> targets,
    Burden burden,
    Quality quality) {

  /**
   * A count, or a suppressed small number. {@code value} is {@code null} exactly when suppressed.
   */
  public record Count(@Nullable Long value, boolean suppressed) {

    public static Count of(long value, int suppressBelow) {
      return value > 0 && value < suppressBelow ? new Count(null, true) : new Count(value, false);
    }

    /** The count as a table shows it: the number, or "<3" when suppressed. */
    public String display(int suppressBelow) {
      return suppressed ? "<" + suppressBelow : String.valueOf(value);
    }
  }

  /**
   * How many pathways started, were in work-up at the end, decided, treated, closed, transferred.
   */
  public record Activity(
      Count started,
      Count inWorkUp,
      Count decided,
      Count treated,
      Count closed,
      Count transferred) {}

  /**
   * One lead-time indicator (per treatment type where it is measured per treatment; {@code
   * treatment} is {@code null} on the row for all treatment types together).
   *
   * @param measured finished intervals in the period (with or without a verified norm)
   * @param withNorm of which judged against a verified norm (within + breached)
   * @param withoutNorm of which measured only: the catalogue has no verified norm
   * @param breachedPatientDelayed breaches where a patient-caused delay was registered
   * @param overdueNow intervals still running at {@code asOf} past their due date
   * @param sharePercent within / withNorm × 100, or {@code null} if nothing was judged or
   *     suppressed
   */
  public record Interval(
      String indicator,
      @Nullable String treatment,
      boolean perTreatment,
      Count measured,
      Count withNorm,
      Count within,
      Count breached,
      Count withoutNorm,
      Count breachedPatientDelayed,
      Count overdueNow,
      @Nullable Double sharePercent,
      @Nullable Double medianDays,
      @Nullable Double p25Days,
      @Nullable Double p75Days) {}

  /** A national target line and whether the period meets it ({@code null}: nothing to judge). */
  public record TargetResult(
      String indicator,
      int percent,
      @Nullable Double actualPercent,
      @Nullable Boolean met,
      String source,
      boolean verified,
      @Nullable String note) {}

  /**
   * How the registered codes dated in the period came about.
   *
   * @param automaticPercent automatic / all × 100: the share of the registration burden removed
   */
  public record Burden(
      Count automatic,
      Count confirmed,
      Count manual,
      Count total,
      @Nullable Double automaticPercent,
      @Nullable Double confirmedPercent,
      @Nullable Double manualPercent) {}

  /**
   * Data quality of the pathways in the period (started on or before its end, not ended before it).
   *
   * @param outOfOrder pathways whose registered codes break the coding rules in force
   * @param missingStart pathways with later milestones but no registered start
   * @param missingFirstAttendance pathways with a clinical decision but no first attendance
   * @param withProposals pathways with proposals waiting for a coordinator
   * @param proposals proposals waiting
   * @param disagreements pathways where a derived code disagrees with one typed by hand
   */
  public record Quality(
      Count outOfOrder,
      Count missingStart,
      Count missingFirstAttendance,
      Count withProposals,
      Count proposals,
      Count disagreements) {}
}

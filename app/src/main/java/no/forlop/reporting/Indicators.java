package no.forlop.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import no.forlop.access.Actor;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.CatalogueService;
import no.forlop.reporting.IndicatorReport.Activity;
import no.forlop.reporting.IndicatorReport.Burden;
import no.forlop.reporting.IndicatorReport.Count;
import no.forlop.reporting.IndicatorReport.Interval;
import no.forlop.reporting.IndicatorReport.TargetResult;
import no.forlop.reporting.MonthlySums.IntervalSums;
import no.forlop.reporting.MonthlySums.Sums;
import no.forlop.reporting.ReportingSettings.IntervalPeriod;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators (docs/indicators.md), summed from the statistics' monthly sums and, for the days
 * of a period that are not whole months, counted over the read model ({@link MonthlySums}, ADR
 * 0031): the same numbers as counting every row ({@link DirectIndicators}, tested equal), without
 * reading a period's rows. Aggregates name no patient, so reading them is not written to the audit
 * log; the lists behind a number are ({@link Drilldowns}).
 */
@Service
public class Indicators {

  private final JdbcClient jdbc;
  private final CatalogueService catalogues;
  private final ReportingSettings settings;
  private final Clock clock;
  private final MonthlySums monthly;
  private final DirectIndicators direct;

  Indicators(
      JdbcClient jdbc,
      CatalogueService catalogues,
      ReportingSettings settings,
      Clock clock,
      MonthlySums monthly,
      DirectIndicators direct) {
    this.direct = direct;
    this.jdbc = jdbc;
    this.catalogues = catalogues;
    this.settings = settings;
    this.clock = clock;
    this.monthly = monthly;
  }

  /** Counts under this number are suppressed when a view leaves the unit. */
  public int suppressBelow() {
    return settings.suppressBelow();
  }

  /**
   * The indicators for the query, limited to the reader's units.
   *
   * @param leavesUnit the view is exported or sent (file, API, CLI): small numbers are suppressed
   */
  @Transactional(readOnly = true)
  public IndicatorReport compute(IndicatorQuery query, Actor reader, boolean leavesUnit) {
    if (query.sex() != null || query.ageBand() != null) {
      // a patient group: the sums keep no sex or age band (ADR 0031), so counted row by row
      return direct.compute(query, reader, leavesUnit);
    }
    var filter = Filter.of(query, reader);
    var asOf = asOf(query);
    var params = filter.with(query.from(), query.to(), asOf);
    int suppress = leavesUnit ? settings.suppressBelow() : 0;
    var anchor = settings.intervalPeriod() == IntervalPeriod.START ? "START" : "END";
    var sums = monthly.read(query, reader, asOf, anchor);
    var intervals = intervals(sums, suppress);
    return new IndicatorReport(
        query,
        asOf,
        suppress,
        activity(sums, suppress),
        intervals,
        targets(intervals),
        burden(sums, suppress),
        direct.quality(filter, params, suppress));
  }

  /** The end of the period, or today while it lasts. */
  LocalDate asOf(IndicatorQuery query) {
    var today = OsloTime.today(clock);
    return query.to().isAfter(today) ? today : query.to();
  }

  private static Activity activity(Sums sums, int suppress) {
    return new Activity(
        Count.of(sums.event("STARTED"), suppress),
        Count.of(sums.startedByAsOf - sums.leftWorkUpByAsOf, suppress),
        Count.of(sums.event("DECIDED"), suppress),
        Count.of(sums.event("TREATED"), suppress),
        Count.of(sums.event("CLOSED"), suppress),
        Count.of(sums.event("TRANSFERRED"), suppress));
  }

  /**
   * Per indicator with finished or overdue intervals: the indicator's row (every treatment type)
   * and, where the indicator is counted per treatment type, a row per known type.
   */
  private List<Interval> intervals(Sums sums, int suppress) {
    var indicators = new java.util.TreeSet<String>();
    indicators.addAll(sums.intervals.keySet());
    indicators.addAll(sums.overdue.keySet());
    var result = new ArrayList<Interval>();
    for (var indicator : indicators) {
      boolean perTreatment = direct.perTreatment(indicator);
      var byTreatment = sums.intervals.getOrDefault(indicator, Map.of());
      var overdue = sums.overdue.getOrDefault(indicator, Map.of());
      var all = new IntervalSums();
      byTreatment.values().forEach(all::addAll);
      long allOverdue = overdue.values().stream().mapToLong(Long::longValue).sum();
      result.add(interval(indicator, null, perTreatment, all, allOverdue, suppress));
      if (!perTreatment) {
        continue;
      }
      var treatments = new java.util.TreeSet<String>();
      treatments.addAll(byTreatment.keySet());
      treatments.addAll(overdue.keySet());
      treatments.remove(""); // without a type: in the indicator's row only
      for (var treatment : treatments) {
        result.add(
            interval(
                indicator,
                treatment,
                true,
                byTreatment.getOrDefault(treatment, new IntervalSums()),
                overdue.getOrDefault(treatment, 0L),
                suppress));
      }
    }
    result.sort(
        Comparator.comparing((Interval i) -> direct.order(i.indicator()))
            .thenComparing(i -> i.treatment() == null ? "" : i.treatment()));
    return result;
  }

  private static Interval interval(
      String indicator,
      @Nullable String treatment,
      boolean perTreatment,
      IntervalSums sums,
      long overdue,
      int suppress) {
    long measured = sums.measured();
    long within = sums.count("MET");
    long withNorm = within + sums.count("BREACHED");
    boolean small = suppress > 0 && measured < suppress;
    boolean smallNorm = suppress > 0 && withNorm < suppress;
    return new Interval(
        indicator,
        treatment,
        perTreatment,
        Count.of(measured, suppress),
        Count.of(withNorm, suppress),
        Count.of(within, suppress),
        Count.of(sums.count("BREACHED"), suppress),
        Count.of(sums.count("UNKNOWN_NORM"), suppress),
        Count.of(sums.breachedDelayed, suppress),
        Count.of(overdue, suppress),
        withNorm == 0 || smallNorm ? null : percent(within, withNorm),
        small ? null : rounded(sums.percentile(0.5)),
        small ? null : rounded(sums.percentile(0.25)),
        small ? null : rounded(sums.percentile(0.75)));
  }

  private List<TargetResult> targets(List<Interval> intervals) {
    var result = new ArrayList<TargetResult>();
    for (var target : settings.targets()) {
      var all =
          intervals.stream()
              .filter(i -> i.indicator().equals(target.indicator()) && i.treatment() == null)
              .findFirst();
      var actual = all.map(Interval::sharePercent).orElse(null);
      result.add(
          new TargetResult(
              target.indicator(),
              target.percent(),
              actual,
              actual == null ? null : actual >= target.percent(),
              target.source(),
              target.verified(),
              target.note()));
    }
    return result;
  }

  private static Burden burden(Sums sums, int suppress) {
    long automatic = sums.codes.getOrDefault("AUTOMATIC", 0L);
    long confirmed = sums.codes.getOrDefault("CONFIRMED", 0L);
    long manual = sums.codes.getOrDefault("MANUAL", 0L);
    long total = sums.codes.values().stream().mapToLong(Long::longValue).sum();
    boolean small = suppress > 0 && total < suppress;
    return new Burden(
        Count.of(automatic, suppress),
        Count.of(confirmed, suppress),
        Count.of(manual, suppress),
        Count.of(total, suppress),
        total == 0 || small ? null : percent(automatic, total),
        total == 0 || small ? null : percent(confirmed, total),
        total == 0 || small ? null : percent(manual, total));
  }

  /**
   * Data quality counts the pathways overlapping the period, which no monthly sum gives: read live,
   * but only the pathways with something to count (the partial index of V44).
   */
  static Count count(ResultSet rs, String column, int suppress) throws SQLException {
    return Count.of(rs.getLong(column), suppress);
  }

  static double percent(long part, long whole) {
    return Math.round(part * 1000.0 / whole) / 10.0;
  }

  private static @Nullable Double rounded(@Nullable Double value) {
    return value == null ? null : Math.round(value * 10.0) / 10.0;
  }
}

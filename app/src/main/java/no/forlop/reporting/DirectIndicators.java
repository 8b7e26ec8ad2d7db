package no.forlop.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.forlop.access.Actor;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.IndicatorDefinition;
import no.forlop.reporting.IndicatorReport.Activity;
import no.forlop.reporting.IndicatorReport.Burden;
import no.forlop.reporting.IndicatorReport.Count;
import no.forlop.reporting.IndicatorReport.Interval;
import no.forlop.reporting.IndicatorReport.Quality;
import no.forlop.reporting.IndicatorReport.TargetResult;
import no.forlop.reporting.ReportingSettings.IntervalPeriod;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators computed directly over the statistics' read model ({@code report_*}), row by row:
 * what {@link Indicators} computed before the monthly sums (ADR 0031), kept as the reference the
 * sums are tested against ({@code MonthlySumsIT}) and measured against ({@code IndicatorLoadRun}).
 * The application uses it for a patient group (sex or age band), which the sums do not keep, and
 * for what both paths share: data quality, read live, and the catalogue's indicator order.
 */
@Component
public class DirectIndicators {

  private final JdbcClient jdbc;
  private final CatalogueService catalogues;
  private final ReportingSettings settings;
  private final Clock clock;

  DirectIndicators(
      JdbcClient jdbc, CatalogueService catalogues, ReportingSettings settings, Clock clock) {
    this.jdbc = jdbc;
    this.catalogues = catalogues;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The indicators for the query, limited to the reader's units.
   *
   * @param leavesUnit the view is exported or sent (file, API, CLI): small numbers are suppressed
   */
  @Transactional(readOnly = true)
  public IndicatorReport compute(IndicatorQuery query, Actor reader, boolean leavesUnit) {
    var filter = Filter.of(query, reader);
    var asOf = asOf(query);
    var params = filter.with(query.from(), query.to(), asOf);
    int suppress = leavesUnit ? settings.suppressBelow() : 0;
    // the percentiles sort every interval of the period: in memory rather than on disk
    jdbc.sql("set local work_mem = '64MB'").update();
    var intervals = intervals(query, reader, params, suppress);
    return new IndicatorReport(
        query,
        asOf,
        suppress,
        activity(filter, params, suppress),
        intervals,
        targets(intervals),
        burden(query, reader, params, suppress),
        quality(filter, params, suppress));
  }

  /** The end of the period, or today while it lasts. */
  LocalDate asOf(IndicatorQuery query) {
    var today = OsloTime.today(clock);
    return query.to().isAfter(today) ? today : query.to();
  }

  private Activity activity(Filter filter, Map<String, Object> params, int suppress) {
    return jdbc.sql(
            """
            select
              count(*) filter (where start_date between :from and :to) as started,
              count(*) filter (where start_date <= :asOf
                  and (decision_date is null or decision_date > :asOf)
                  and (treatment_date is null or treatment_date > :asOf)
                  and (ended_on is null or ended_on > :asOf)
                  and (transferred_on is null or transferred_on > :asOf)) as in_work_up,
              count(*) filter (where decision_date between :from and :to) as decided,
              count(*) filter (where treatment_date between :from and :to) as treated,
              count(*) filter (where ended_on between :from and :to) as closed,
              count(*) filter (where transferred_on between :from and :to) as transferred
            from report_pathway p
            where %s
            """
                .formatted(filter.sql()))
        .params(params)
        .query(
            (rs, n) ->
                new Activity(
                    count(rs, "started", suppress),
                    count(rs, "in_work_up", suppress),
                    count(rs, "decided", suppress),
                    count(rs, "treated", suppress),
                    count(rs, "closed", suppress),
                    count(rs, "transferred", suppress)))
        .single();
  }

  private List<Interval> intervals(
      IndicatorQuery query, Actor reader, Map<String, Object> params, int suppress) {
    var anchor = settings.intervalPeriod() == IntervalPeriod.START ? "i.from_date" : "i.to_date";
    var overdue = overdueNow(query, reader, params);
    var on = Filter.of(query, reader, "i");
    var rows =
        jdbc.sql(
                """
                select i.indicator, i.treatment, grouping(i.treatment) = 1 as all_types,
                  count(*) as measured,
                  count(*) filter (where i.status in ('MET', 'BREACHED')) as with_norm,
                  count(*) filter (where i.status = 'MET') as within,
                  count(*) filter (where i.status = 'BREACHED') as breached,
                  count(*) filter (where i.status = 'UNKNOWN_NORM') as without_norm,
                  count(*) filter (where i.status = 'BREACHED' and i.patient_delayed)
                      as breached_patient_delayed,
                  percentile_cont(0.5) within group (order by i.days) as median,
                  percentile_cont(0.25) within group (order by i.days) as p25,
                  percentile_cont(0.75) within group (order by i.days) as p75
                from report_interval i%s
                where i.to_date is not null and %s between :from and :to and %s
                group by grouping sets ((i.indicator, i.treatment), (i.indicator))
                """
                    .formatted(on.join("i"), anchor, on.sql()))
            .params(params)
            .query(
                (rs, n) -> {
                  var indicator = rs.getString("indicator");
                  var treatment = rs.getString("treatment");
                  boolean allTypes = rs.getBoolean("all_types");
                  boolean perTreatment = perTreatment(indicator);
                  if (!allTypes && (!perTreatment || treatment == null)) {
                    // the same numbers as the indicator's row, or intervals without a treatment
                    // type, which count only in the indicator's row
                    return null;
                  }
                  var key = indicator + "|" + (allTypes ? "" : treatment);
                  return interval(
                      rs,
                      indicator,
                      allTypes ? null : treatment,
                      perTreatment,
                      overdue.getOrDefault(key, 0L),
                      suppress);
                })
            .list();
    var result = new ArrayList<Interval>();
    rows.stream().filter(r -> r != null).forEach(result::add);
    // intervals still running past their due date, in indicators with nothing finished
    overdue.forEach(
        (key, value) -> {
          var parts = key.split("\\|", -1);
          var treatment = parts[1].isEmpty() ? null : parts[1];
          boolean known =
              result.stream()
                  .anyMatch(
                      r ->
                          r.indicator().equals(parts[0])
                              && java.util.Objects.equals(r.treatment(), treatment));
          boolean perTreatment = perTreatment(parts[0]);
          if (!known && (treatment == null || perTreatment)) {
            var zero = Count.of(0, suppress);
            result.add(
                new Interval(
                    parts[0],
                    treatment,
                    perTreatment,
                    zero,
                    zero,
                    zero,
                    zero,
                    zero,
                    zero,
                    Count.of(value, suppress),
                    null,
                    null,
                    null,
                    null));
          }
        });
    result.sort(
        Comparator.comparing((Interval i) -> order(i.indicator()))
            .thenComparing(i -> i.treatment() == null ? "" : i.treatment()));
    return result;
  }

  /** Running intervals past their due date on the as-of day, per indicator and treatment type. */
  private Map<String, Long> overdueNow(
      IndicatorQuery query, Actor reader, Map<String, Object> params) {
    var filter = Filter.of(query, reader, "p");
    var counts = new HashMap<String, Long>();
    jdbc.sql(
            """
            select i.indicator, i.treatment, grouping(i.treatment) = 1 as all_types, count(*) as n
            from report_interval i join report_pathway p on p.pathway_id = i.pathway_id
            where i.to_date is null and i.due_date < :asOf and i.from_date <= :asOf
              and p.open and %s
            group by grouping sets ((i.indicator, i.treatment), (i.indicator))
            """
                .formatted(filter.sql()))
        .params(params)
        .query(
            rs -> {
              var treatment = rs.getBoolean("all_types") ? "" : rs.getString("treatment");
              if (treatment != null) { // without a type: in the indicator's row only
                counts.put(rs.getString("indicator") + "|" + treatment, rs.getLong("n"));
              }
            });
    return counts;
  }

  private static Interval interval(
      ResultSet rs,
      String indicator,
      @Nullable String treatment,
      boolean perTreatment,
      long overdue,
      int suppress)
      throws SQLException {
    long measured = rs.getLong("measured");
    long withNorm = rs.getLong("with_norm");
    long within = rs.getLong("within");
    boolean small = suppress > 0 && measured < suppress;
    boolean smallNorm = suppress > 0 && withNorm < suppress;
    return new Interval(
        indicator,
        treatment,
        perTreatment,
        Count.of(measured, suppress),
        Count.of(withNorm, suppress),
        count(rs, "within", suppress),
        count(rs, "breached", suppress),
        count(rs, "without_norm", suppress),
        count(rs, "breached_patient_delayed", suppress),
        Count.of(overdue, suppress),
        withNorm == 0 || smallNorm ? null : percent(within, withNorm),
        small ? null : nullable(rs, "median"),
        small ? null : nullable(rs, "p25"),
        small ? null : nullable(rs, "p75"));
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

  private Burden burden(
      IndicatorQuery query, Actor reader, Map<String, Object> params, int suppress) {
    var on = Filter.of(query, reader, "c");
    return jdbc.sql(
            """
            select
              count(*) filter (where c.origin = 'AUTOMATIC') as automatic,
              count(*) filter (where c.origin = 'CONFIRMED') as confirmed,
              count(*) filter (where c.origin = 'MANUAL') as manual,
              count(*) as total
            from report_code c%s
            where c.state = 'REGISTERED' and c.code_date between :from and :to and %s
            """
                .formatted(on.join("c"), on.sql()))
        .params(params)
        .query(
            (rs, n) -> {
              long total = rs.getLong("total");
              boolean small = suppress > 0 && total < suppress;
              return new Burden(
                  count(rs, "automatic", suppress),
                  count(rs, "confirmed", suppress),
                  count(rs, "manual", suppress),
                  Count.of(total, suppress),
                  total == 0 || small ? null : percent(rs.getLong("automatic"), total),
                  total == 0 || small ? null : percent(rs.getLong("confirmed"), total),
                  total == 0 || small ? null : percent(rs.getLong("manual"), total));
            })
        .single();
  }

  /** Data quality: read live by both paths, from the pathways with something to count. */
  Quality quality(Filter filter, Map<String, Object> params, int suppress) {
    return jdbc.sql(
            """
            select
              count(*) filter (where problem is not null) as out_of_order,
              count(*) filter (where start_date is null and (first_attendance is not null
                  or decision_date is not null or treatment_date is not null
                  or ended_on is not null)) as missing_start,
              count(*) filter (where first_attendance is null and decision_date is not null)
                  as missing_first_attendance,
              count(*) filter (where proposals > 0) as with_proposals,
              coalesce(sum(proposals), 0) as proposals,
              count(*) filter (where disagreement) as disagreements
            from report_pathway p
            where (start_date is null or start_date <= :to)
              and (ended_on is null or ended_on >= :from) and %s
              and (problem is not null
                or (start_date is null and (first_attendance is not null
                  or decision_date is not null or treatment_date is not null
                  or ended_on is not null))
                or (first_attendance is null and decision_date is not null)
                or proposals > 0
                or disagreement)
            """
                .formatted(filter.sql()))
        .params(params)
        .query(
            (rs, n) ->
                new Quality(
                    count(rs, "out_of_order", suppress),
                    count(rs, "missing_start", suppress),
                    count(rs, "missing_first_attendance", suppress),
                    count(rs, "with_proposals", suppress),
                    count(rs, "proposals", suppress),
                    count(rs, "disagreements", suppress)))
        .single();
  }

  boolean perTreatment(String indicator) {
    return catalogues
        .current()
        .indicator(indicator)
        .map(IndicatorDefinition::perTreatment)
        .orElse(false);
  }

  int order(String indicator) {
    var all = catalogues.current().document().indicators();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).id().equals(indicator)) {
        return i;
      }
    }
    return all.size();
  }

  static Count count(ResultSet rs, String column, int suppress) throws SQLException {
    return Count.of(rs.getLong(column), suppress);
  }

  static double percent(long part, long whole) {
    return Math.round(part * 1000.0 / whole) / 10.0;
  }

  private static @Nullable Double nullable(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : Math.round(value * 10.0) / 10.0;
  }
}

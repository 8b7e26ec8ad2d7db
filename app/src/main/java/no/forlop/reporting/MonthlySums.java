package no.forlop.reporting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.forlop.access.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the counts behind the indicators of a period (ADR 0031): the whole months from the monthly
 * sums ({@code report_month}), the days before the first and after the last whole month from {@code
 * report_*} by their indexes. Points in time ("in work-up", "overdue now" on the as-of day) are
 * cumulative sums up to that day: every month before it from the sums, the days of its month up to
 * it from {@code report_*}.
 */
@Component
class MonthlySums {

  /** The measures counted over the period (the intervals' is added by the setting). */
  private static final String PERIOD_MEASURES =
      "'STARTED', 'DECIDED', 'TREATED', 'CLOSED', " + "'TRANSFERRED', 'CODE'";

  private static final String LEFT_WORK_UP_DAY =
      "greatest(p.start_date, least(p.decision_date, p.treatment_date, p.ended_on,"
          + " p.transferred_on))";

  private static final String LEFT_WORK_UP =
      "p.start_date is not null and least(p.decision_date, p.treatment_date, p.ended_on,"
          + " p.transferred_on) is not null";

  private final JdbcClient jdbc;

  MonthlySums(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One finished interval's counts and days, per status, of an indicator and treatment type. */
  static final class IntervalSums {
    final Map<String, Long> byStatus = new HashMap<>();
    long breachedDelayed;
    final TreeMap<Integer, Long> days = new TreeMap<>();

    void add(String status, boolean delayed, int days, long n) {
      byStatus.merge(status, n, Long::sum);
      if (delayed && status.equals("BREACHED")) {
        breachedDelayed += n;
      }
      if (days != MonthlyAggregates.NO_DAYS) {
        this.days.merge(days, n, Long::sum);
      }
    }

    void addAll(IntervalSums other) {
      other.byStatus.forEach((k, v) -> byStatus.merge(k, v, Long::sum));
      breachedDelayed += other.breachedDelayed;
      other.days.forEach((k, v) -> days.merge(k, v, Long::sum));
    }

    long count(String status) {
      return byStatus.getOrDefault(status, 0L);
    }

    long measured() {
      return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The percentile as PostgreSQL's {@code percentile_cont} computes it (linear interpolation
     * between the two nearest ranks, in double precision), or {@code null} without days.
     */
    @Nullable Double percentile(double fraction) {
      long count = days.values().stream().mapToLong(Long::longValue).sum();
      if (count == 0) {
        return null;
      }
      double position = fraction * (count - 1);
      long first = (long) Math.floor(position);
      long second = (long) Math.ceil(position);
      double low = valueAt(first);
      if (first == second) {
        return low;
      }
      double high = valueAt(second);
      return low + ((position - first) * (high - low));
    }

    private double valueAt(long rank) {
      long seen = 0;
      for (var entry : days.entrySet()) {
        seen += entry.getValue();
        if (rank < seen) {
          return entry.getKey();
        }
      }
      throw new IllegalStateException("rank " + rank + " of " + seen);
    }
  }

  /** The counts of a period: events, codes by origin, intervals, and the as-of day's. */
  static final class Sums {
    final Map<String, Long> events = new HashMap<>();
    final Map<String, Long> codes = new HashMap<>();

    /** Finished intervals by indicator, then treatment type ('' for none). */
    final Map<String, Map<String, IntervalSums>> intervals = new HashMap<>();

    /** Running intervals overdue on the as-of day, by indicator, then treatment type. */
    final Map<String, Map<String, Long>> overdue = new HashMap<>();

    long startedByAsOf;
    long leftWorkUpByAsOf;

    long event(String measure) {
      return events.getOrDefault(measure, 0L);
    }

    void add(Row row, String anchor) {
      if (row.n == 0) {
        return; // counted in and out again (a delta not yet folded)
      }
      switch (row.measure) {
        case "CODE" -> codes.merge(row.status, row.n, Long::sum);
        case "END", "START" -> {
          if (row.measure.equals(anchor)) {
            intervals
                .computeIfAbsent(row.indicator, k -> new HashMap<>())
                .computeIfAbsent(row.treatment, k -> new IntervalSums())
                .add(row.status, row.delayed, row.days, row.n);
          }
        }
        default -> events.merge(row.measure, row.n, Long::sum);
      }
    }

    void addByAsOf(Row row) {
      if (row.n == 0) {
        return;
      }
      switch (row.measure) {
        case "STARTED" -> startedByAsOf += row.n;
        case "LEFT_WORK_UP" -> leftWorkUpByAsOf += row.n;
        case "OVERDUE" ->
            overdue
                .computeIfAbsent(row.indicator, k -> new HashMap<>())
                .merge(row.treatment, row.n, Long::sum);
        default -> throw new IllegalStateException(row.measure);
      }
    }
  }

  record Row(
      String measure,
      String indicator,
      String treatment,
      String status,
      boolean delayed,
      int days,
      long n) {}

  /** A period of days, both included. */
  record Days(LocalDate from, LocalDate to) {}

  /**
   * The whole months of a period (first day, first day after) and the days before and after them; a
   * period without a whole month is all days.
   */
  record Split(@Nullable LocalDate monthsFrom, @Nullable LocalDate monthsUntil, List<Days> days) {

    static Split of(LocalDate from, LocalDate to) {
      var first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
      var after = to.plusDays(1);
      var until = after.getDayOfMonth() == 1 ? after : to.withDayOfMonth(1);
      if (!first.isBefore(until)) {
        return new Split(null, null, List.of(new Days(from, to)));
      }
      var days = new java.util.ArrayList<Days>();
      if (from.isBefore(first)) {
        days.add(new Days(from, first.minusDays(1)));
      }
      if (until.isBefore(after)) {
        days.add(new Days(until, to));
      }
      return new Split(first, until, days);
    }
  }

  /**
   * The counts for the query and reader over its period, as of {@code asOf}, with finished
   * intervals placed by {@code anchor} ({@code END} or {@code START}).
   */
  Sums read(IndicatorQuery query, Actor reader, LocalDate asOf, String anchor) {
    var sums = new Sums();
    var organisations = Filter.organisations(query, reader);
    var where = new StringBuilder();
    var params = new HashMap<String, Object>();
    int grain;
    if (query.pathway() != null) {
      grain = 2;
    } else {
      grain = organisations == null ? 0 : 1;
    }
    where.append("grain = ").append(grain);
    if (organisations != null) {
      where.append(" and organisation = any(:organisations)");
      params.put("organisations", organisations.toArray(String[]::new));
    }
    if (query.pathway() != null) {
      where.append(" and pathway = :pathway");
      params.put("pathway", query.pathway());
    }
    var split = Split.of(query.from(), query.to());
    if (split.monthsFrom() != null) {
      jdbc.sql(
              """
              select measure, indicator, treatment, status, delayed, days, sum(n) as n
              from report_month
              where %s and month >= :monthsFrom and month < :monthsUntil
                and measure in (%s, :anchor)
              group by measure, indicator, treatment, status, delayed, days
              """
                  .formatted(where, PERIOD_MEASURES))
          .params(params)
          .param("monthsFrom", split.monthsFrom())
          .param("monthsUntil", split.monthsUntil())
          .param("anchor", anchor)
          .query((RowCallbackHandler) rs -> sums.add(row(rs), anchor));
    }
    var filter = Filter.of(query, reader);
    for (var days : split.days()) {
      detail(query, reader, filter, days, anchor, sums);
    }
    // as of the day: every month before its month (or up to it, on its last day) from the sums
    var asOfMonth = asOf.withDayOfMonth(1);
    boolean monthEnd = asOf.plusDays(1).getDayOfMonth() == 1;
    jdbc.sql(
            """
            select measure, indicator, treatment, '' as status, false as delayed, 0 as days,
              sum(n) as n
            from report_month
            where %s and month < :until and measure in ('STARTED', 'LEFT_WORK_UP', 'OVERDUE')
            group by measure, indicator, treatment
            """
                .formatted(where))
        .params(params)
        .param("until", monthEnd ? asOf.plusDays(1) : asOfMonth)
        .query((RowCallbackHandler) rs -> sums.addByAsOf(row(rs)));
    if (!monthEnd) {
      byAsOf(filter, asOfMonth, asOf, sums);
    }
    return sums;
  }

  /** The counts of some days from {@code report_*}. */
  private void detail(
      IndicatorQuery query, Actor reader, Filter filter, Days days, String anchor, Sums sums) {
    var params = filter.with(days.from(), days.to(), days.to());
    jdbc.sql(
            """
            select count(*) filter (where start_date between :from and :to) as started,
              count(*) filter (where decision_date between :from and :to) as decided,
              count(*) filter (where treatment_date between :from and :to) as treated,
              count(*) filter (where ended_on between :from and :to) as closed,
              count(*) filter (where transferred_on between :from and :to) as transferred
            from report_pathway p
            where (start_date between :from and :to or decision_date between :from and :to
                or treatment_date between :from and :to or ended_on between :from and :to
                or transferred_on between :from and :to) and %s
            """
                .formatted(filter.sql()))
        .params(params)
        .query(
            (RowCallbackHandler)
                rs -> {
                  for (var measure :
                      List.of("STARTED", "DECIDED", "TREATED", "CLOSED", "TRANSFERRED")) {
                    sums.events.merge(measure, rs.getLong(measure.toLowerCase()), Long::sum);
                  }
                });
    var codes = Filter.of(query, reader, "c");
    jdbc.sql(
            """
            select 'CODE' as measure, '' as indicator, '' as treatment, c.origin as status,
              false as delayed, 0 as days, count(*) as n
            from report_code c%s
            where c.state = 'REGISTERED' and c.code_date between :from and :to and %s
            group by c.origin
            """
                .formatted(codes.join("c"), codes.sql()))
        .params(params)
        .query((RowCallbackHandler) rs -> sums.add(row(rs), anchor));
    var intervals = Filter.of(query, reader, "i");
    var date = anchor.equals("START") ? "i.from_date" : "i.to_date";
    jdbc.sql(
            """
            select :anchor as measure, i.indicator, coalesce(i.treatment, '') as treatment,
              i.status, i.patient_delayed as delayed, coalesce(i.days, %s) as days,
              count(*) as n
            from report_interval i%s
            where i.to_date is not null and %s between :from and :to and %s
            group by 2, 3, 4, 5, 6
            """
                .formatted(MonthlyAggregates.NO_DAYS, intervals.join("i"), date, intervals.sql()))
        .params(params)
        .param("anchor", anchor)
        .query((RowCallbackHandler) rs -> sums.add(row(rs), anchor));
  }

  /** The days of the as-of day's month up to it, from {@code report_*}. */
  private void byAsOf(Filter filter, LocalDate from, LocalDate asOf, Sums sums) {
    var params = filter.with(from, asOf, asOf);
    jdbc.sql(
            """
            select count(*) filter (where start_date between :from and :to) as started,
              count(*) filter (where %1$s and %2$s between :from and :to) as left_work_up
            from report_pathway p
            where (start_date between :from and :to or (%1$s and %2$s between :from and :to))
              and %3$s
            """
                .formatted(LEFT_WORK_UP, LEFT_WORK_UP_DAY, filter.sql()))
        .params(params)
        .query(
            (RowCallbackHandler)
                rs -> {
                  sums.startedByAsOf += rs.getLong("started");
                  sums.leftWorkUpByAsOf += rs.getLong("left_work_up");
                });
    jdbc.sql(
            """
            select 'OVERDUE' as measure, i.indicator, coalesce(i.treatment, '') as treatment,
              '' as status, false as delayed, 0 as days, count(*) as n
            from report_interval i join report_pathway p on p.pathway_id = i.pathway_id
            where i.to_date is null and i.due_date is not null
              and greatest(i.due_date + 1, i.from_date) between :from and :to and p.open and %s
            group by 2, 3
            """
                .formatted(filter.sql()))
        .params(params)
        .query((RowCallbackHandler) rs -> sums.addByAsOf(row(rs)));
  }

  private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Row(
        rs.getString("measure"),
        rs.getString("indicator"),
        rs.getString("treatment"),
        rs.getString("status"),
        rs.getBoolean("delayed"),
        rs.getInt("days"),
        rs.getLong("n"));
  }
}

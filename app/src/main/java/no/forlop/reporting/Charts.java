package no.forlop.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import no.forlop.access.Actor;
import no.forlop.reporting.ReportingSettings.IntervalPeriod;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures behind the dashboard's charts (docs/indicators.md, "Charts"), by SQL over the same
 * read model and with the same filter as {@link Indicators}: the share within standard time per
 * month with the target line, the distribution of days, and breaches by pathway and by unit. Only
 * finished intervals count, placed in the period by the same date as the indicators. Aggregates;
 * nothing here is suppressed (the dashboard stays within the reader's units).
 */
@Service
public class Charts {

  /** Days per bar of the distribution; the last bar holds everything from {@link #LAST_BIN}. */
  public static final int BIN_DAYS = 7;

  public static final int LAST_BIN = 84;

  private final JdbcClient jdbc;
  private final ReportingSettings settings;
  private final Indicators indicators;

  Charts(JdbcClient jdbc, ReportingSettings settings, Indicators indicators) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.indicators = indicators;
  }

  /** One month: intervals within the norm of those judged against one. */
  public record Month(YearMonth month, long within, long withNorm, @Nullable Double sharePercent) {}

  /** The share per month of the period, every month listed, with the target if there is one. */
  public record ShareByMonth(
      String indicator, @Nullable Integer targetPercent, List<Month> months) {}

  /**
   * One bar of the distribution: intervals of {@code fromDays} to {@code toDays} days ({@code
   * toDays} {@code null} for the last, open bar), by verdict.
   */
  public record Bin(
      int fromDays, @Nullable Integer toDays, long within, long breached, long withoutNorm) {

    public long total() {
      return within + breached + withoutNorm;
    }
  }

  /** Breaches of a group (a pathway or a unit) of those judged against a norm. */
  public record Group(String id, long breached, long withNorm, @Nullable Double breachedPercent) {}

  /** Every chart of the dashboard for one indicator. */
  public record All(
      String indicator,
      ShareByMonth months,
      List<Bin> distribution,
      List<Group> byPathway,
      List<Group> byUnit) {}

  @Transactional(readOnly = true)
  public All all(IndicatorQuery query, Actor reader, String indicator) {
    return new All(
        indicator,
        shareByMonth(query, reader, indicator),
        distribution(query, reader, indicator),
        breachesByPathway(query, reader, indicator),
        breachesByUnit(query, reader, indicator));
  }

  @Transactional(readOnly = true)
  public ShareByMonth shareByMonth(IndicatorQuery query, Actor reader, String indicator) {
    var filter = Filter.of(query, reader);
    var params = params(filter, query, indicator);
    var counts = new HashMap<YearMonth, long[]>();
    jdbc.sql(
            """
            select cast(date_trunc('month', %1$s) as date) as month,
              count(*) filter (where i.status = 'MET') as within,
              count(*) filter (where i.status in ('MET', 'BREACHED')) as with_norm
            from report_interval i join report_pathway p on p.pathway_id = i.pathway_id
            where i.to_date is not null and i.indicator = :indicator
              and %1$s between :from and :to and %2$s
            group by 1
            """
                .formatted(anchor(), filter.sql()))
        .params(params)
        .query(
            rs -> {
              counts.put(
                  YearMonth.from(rs.getObject("month", LocalDate.class)),
                  new long[] {rs.getLong("within"), rs.getLong("with_norm")});
            });
    var months = new ArrayList<Month>();
    for (var month = YearMonth.from(query.from());
        !month.isAfter(YearMonth.from(query.to()));
        month = month.plusMonths(1)) {
      var n = counts.getOrDefault(month, new long[2]);
      months.add(new Month(month, n[0], n[1], n[1] == 0 ? null : Indicators.percent(n[0], n[1])));
    }
    var target =
        settings.targets().stream()
            .filter(t -> t.indicator().equals(indicator))
            .map(ReportingSettings.Target::percent)
            .findFirst()
            .orElse(null);
    return new ShareByMonth(indicator, target, months);
  }

  /** Bars of {@link #BIN_DAYS} days from 0 up to {@link #LAST_BIN}, then one open bar. */
  @Transactional(readOnly = true)
  public List<Bin> distribution(IndicatorQuery query, Actor reader, String indicator) {
    var filter = Filter.of(query, reader);
    var params = params(filter, query, indicator);
    params.put("width", BIN_DAYS);
    params.put("last", LAST_BIN / BIN_DAYS);
    var counts = new HashMap<Integer, long[]>();
    jdbc.sql(
            """
            select least(i.days / :width, :last) as bin,
              count(*) filter (where i.status = 'MET') as within,
              count(*) filter (where i.status = 'BREACHED') as breached,
              count(*) filter (where i.status = 'UNKNOWN_NORM') as without_norm
            from report_interval i join report_pathway p on p.pathway_id = i.pathway_id
            where i.to_date is not null and i.days is not null and i.indicator = :indicator
              and %s between :from and :to and %s
            group by 1
            """
                .formatted(anchor(), filter.sql()))
        .params(params)
        .query(
            rs -> {
              counts.put(
                  rs.getInt("bin"),
                  new long[] {
                    rs.getLong("within"), rs.getLong("breached"), rs.getLong("without_norm")
                  });
            });
    var bins = new ArrayList<Bin>();
    for (int bin = 0; bin <= LAST_BIN / BIN_DAYS; bin++) {
      var n = counts.getOrDefault(bin, new long[3]);
      int from = bin * BIN_DAYS;
      bins.add(new Bin(from, from >= LAST_BIN ? null : from + BIN_DAYS - 1, n[0], n[1], n[2]));
    }
    return bins;
  }

  /** Breaches per catalogue pathway, most breaches first. */
  @Transactional(readOnly = true)
  public List<Group> breachesByPathway(IndicatorQuery query, Actor reader, String indicator) {
    return breaches(query, reader, indicator, "p.pathway");
  }

  /** Breaches per unit (organisation), most breaches first. */
  @Transactional(readOnly = true)
  public List<Group> breachesByUnit(IndicatorQuery query, Actor reader, String indicator) {
    return breaches(query, reader, indicator, "p.organisation");
  }

  private List<Group> breaches(
      IndicatorQuery query, Actor reader, String indicator, String groupColumn) {
    var filter = Filter.of(query, reader);
    return jdbc.sql(
            """
            select %1$s as id,
              count(*) filter (where i.status = 'BREACHED') as breached,
              count(*) filter (where i.status in ('MET', 'BREACHED')) as with_norm
            from report_interval i join report_pathway p on p.pathway_id = i.pathway_id
            where i.to_date is not null and i.indicator = :indicator
              and %2$s between :from and :to and %3$s
            group by 1
            having count(*) filter (where i.status in ('MET', 'BREACHED')) > 0
            order by 2 desc, 3 desc, 1
            """
                .formatted(groupColumn, anchor(), filter.sql()))
        .params(params(filter, query, indicator))
        .query(
            (rs, n) -> {
              long breached = rs.getLong("breached");
              long withNorm = rs.getLong("with_norm");
              return new Group(
                  rs.getString("id"), breached, withNorm, Indicators.percent(breached, withNorm));
            })
        .list();
  }

  private HashMap<String, Object> params(Filter filter, IndicatorQuery query, String indicator) {
    var params = new HashMap<>(filter.with(query.from(), query.to(), indicators.asOf(query)));
    params.put("indicator", indicator);
    return params;
  }

  private String anchor() {
    return settings.intervalPeriod() == IntervalPeriod.START ? "i.from_date" : "i.to_date";
  }
}

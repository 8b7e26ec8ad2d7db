package no.forlop.reporting;

import java.time.LocalDate;
import java.util.List;
import no.forlop.access.Actor;
import no.forlop.reporting.IndicatorReport.Count;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registration burden per unit and month (docs/indicators.md): of the registered codes dated in
 * each month, how many were derived and registered automatically, proposed and confirmed, or typed
 * by hand — so that "no coding by hand" is visible in numbers, e.g. for the mental-health pathways.
 */
@Service
public class Burdens {

  /** Which family of pathways. */
  public enum Group {
    ALL,
    CANCER,
    MENTAL_HEALTH;

    String kinds() {
      return switch (this) {
        case ALL -> null;
        case CANCER -> "'CANCER', 'METASTASES', 'DIAGNOSTIC'";
        case MENTAL_HEALTH -> "'MENTAL_HEALTH', 'SUBSTANCE_USE'";
      };
    }
  }

  /**
   * One unit's month.
   *
   * @param automaticPercent automatic / total × 100, or {@code null} when nothing or suppressed
   */
  public record Row(
      String organisation,
      LocalDate month,
      Count automatic,
      Count confirmed,
      Count manual,
      Count total,
      @Nullable Double automaticPercent) {}

  private final JdbcClient jdbc;
  private final Indicators indicators;

  Burdens(JdbcClient jdbc, Indicators indicators) {
    this.jdbc = jdbc;
    this.indicators = indicators;
  }

  /**
   * The burden per unit and month for the query's period and filters, limited to the reader's
   * units.
   *
   * @param leavesUnit small numbers are suppressed (exports, API, CLI)
   */
  @Transactional(readOnly = true)
  public List<Row> byUnitAndMonth(
      IndicatorQuery query, Group group, Actor reader, boolean leavesUnit) {
    var filter = Filter.of(query, reader, "c");
    var params = filter.with(query.from(), query.to(), query.to());
    int suppress = leavesUnit ? indicators.suppressBelow() : 0;
    var kinds = group.kinds();
    var join =
        kinds != null || filter.needsPathway()
            ? " join report_pathway p on p.pathway_id = c.pathway_id"
            : "";
    var kindFilter = kinds == null ? "" : " and p.kind in (" + kinds + ")";
    return jdbc.sql(
            """
            select c.organisation, date_trunc('month', c.code_date)::date as month,
              count(*) filter (where c.origin = 'AUTOMATIC') as automatic,
              count(*) filter (where c.origin = 'CONFIRMED') as confirmed,
              count(*) filter (where c.origin = 'MANUAL') as manual,
              count(*) as total
            from report_code c%s
            where c.state = 'REGISTERED' and c.code_date between :from and :to%s and %s
            group by c.organisation, month
            order by c.organisation, month
            """
                .formatted(join, kindFilter, filter.sql()))
        .params(params)
        .query(
            (rs, n) -> {
              long total = rs.getLong("total");
              boolean small = suppress > 0 && total < suppress;
              return new Row(
                  rs.getString("organisation"),
                  rs.getObject("month", LocalDate.class),
                  Indicators.count(rs, "automatic", suppress),
                  Indicators.count(rs, "confirmed", suppress),
                  Indicators.count(rs, "manual", suppress),
                  Count.of(total, suppress),
                  small ? null : Indicators.percent(rs.getLong("automatic"), total));
            })
        .list();
  }
}

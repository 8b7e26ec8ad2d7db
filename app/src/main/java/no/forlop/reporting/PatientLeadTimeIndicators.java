package no.forlop.reporting;

import java.util.List;
import no.forlop.access.Actor;
import no.forlop.reporting.IndicatorReport.Count;
import no.forlop.reporting.ReportingSettings.IntervalPeriod;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient-level lead times (docs/indicators.md, ADR 0021): OF1–OF4 per treatment type measured
 * across the instances transfers between trusts link, as NPR measures one pathway across
 * institutions (the first trust's start to the treating trust's treatment start), by first trust
 * and treating trust. A patient's pathway counts once, not once per trust. A reader sees the chains
 * that touched one of the reader's units (first, treating or current trust); aggregates name no
 * patient, so reading them is not audited. Small counts are suppressed like the other indicators.
 */
@Service
public class PatientLeadTimeIndicators {

  private final JdbcClient jdbc;
  private final ReportingSettings settings;

  PatientLeadTimeIndicators(JdbcClient jdbc, ReportingSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /**
   * One indicator (per treatment type; {@code treatment} {@code null} for all types together) for
   * one pair of first trust and treating trust, over the intervals finished in the period.
   *
   * @param treatingOrganisation the trust where treatment started; {@code null} for the chains
   *     without a treatment start (yet): their OF1 and OF2
   * @param linked how many of the intervals crossed trusts (a chain of more than one instance)
   * @param sharePercent the share within the norm of those judged against a verified norm
   */
  public record Row(
      String firstOrganisation,
      @Nullable String treatingOrganisation,
      String indicator,
      @Nullable String treatment,
      Count measured,
      Count linked,
      Count withNorm,
      Count within,
      @Nullable Double sharePercent,
      @Nullable Double median) {}

  /**
   * The patient-level indicators by first and treating trust for the query's period and pathway.
   *
   * @param leavesUnit the numbers are exported or sent: counts under the limit are suppressed
   */
  @Transactional(readOnly = true)
  public List<Row> byTrusts(IndicatorQuery query, Actor reader, boolean leavesUnit) {
    int suppress = leavesUnit ? settings.suppressBelow() : 0;
    var anchor = settings.intervalPeriod() == IntervalPeriod.START ? "from_date" : "to_date";
    var where = new StringBuilder("to_date is not null and " + anchor + " between :from and :to");
    var params = new java.util.HashMap<String, Object>();
    params.put("from", query.from());
    params.put("to", query.to());
    var units = units(query, reader);
    if (units != null) {
      where.append(
          " and (first_organisation = any(:units) or treating_organisation = any(:units)"
              + " or last_organisation = any(:units))");
      params.put("units", units.toArray(String[]::new));
    }
    if (query.pathway() != null) {
      where.append(" and pathway = :pathway");
      params.put("pathway", query.pathway());
    }
    var rows =
        jdbc.sql(
                """
            select first_organisation, treating_organisation, indicator, treatment,
              grouping(treatment) = 1 as all_types,
              count(*) as measured,
              count(*) filter (where instances > 1) as linked,
              count(*) filter (where status in ('MET', 'BREACHED')) as with_norm,
              count(*) filter (where status = 'MET') as within,
              percentile_cont(0.5) within group (order by days) as median
            from report_patient_interval
            where %s
            group by grouping sets (
              (first_organisation, treating_organisation, indicator, treatment),
              (first_organisation, treating_organisation, indicator))
            order by first_organisation, treating_organisation nulls last, indicator,
              all_types desc, treatment
            """
                    .formatted(where))
            .params(params)
            .query(
                (rs, n) -> {
                  if (!rs.getBoolean("all_types") && rs.getString("treatment") == null) {
                    return null; // an indicator not measured per treatment: its all-types row says
                    // it
                  }
                  long measured = rs.getLong("measured");
                  long withNorm = rs.getLong("with_norm");
                  long within = rs.getLong("within");
                  boolean small = suppress > 0 && measured < suppress;
                  boolean smallNorm = suppress > 0 && withNorm < suppress;
                  double median = rs.getDouble("median");
                  boolean noMedian = rs.wasNull();
                  return new Row(
                      rs.getString("first_organisation"),
                      rs.getString("treating_organisation"),
                      rs.getString("indicator"),
                      rs.getBoolean("all_types") ? null : rs.getString("treatment"),
                      Count.of(measured, suppress),
                      Count.of(rs.getLong("linked"), suppress),
                      Count.of(withNorm, suppress),
                      Count.of(within, suppress),
                      withNorm == 0 || smallNorm ? null : Indicators.percent(within, withNorm),
                      small || noMedian ? null : Math.round(median * 10.0) / 10.0);
                })
            .list();
    return rows.stream().filter(java.util.Objects::nonNull).toList();
  }

  /** The units whose chains the reader may count, or {@code null} for every one. */
  private static java.util.@Nullable Set<String> units(IndicatorQuery query, Actor reader) {
    if (reader.units() == null) {
      return query.organisations().isEmpty() ? null : query.organisations();
    }
    var allowed = new java.util.TreeSet<>(reader.units());
    if (!query.organisations().isEmpty()) {
      allowed.retainAll(query.organisations());
    }
    return allowed;
  }
}

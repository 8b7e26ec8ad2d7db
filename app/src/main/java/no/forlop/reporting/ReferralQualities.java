package no.forlop.reporting;

import java.util.List;
import no.forlop.access.Actor;
import no.forlop.reporting.IndicatorReport.Count;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referral quality (issue 17 item 4, ADR 0044, docs/indicators.md): per pathway and referring
 * practice, the pathways a referral from the practice started in the period, how many of those
 * referrals had their required content complete of those whose completeness is known, how many are
 * unknown (no answers came with the referral, e.g. from an EHR), and the days from the day the GP
 * wrote the referral to the day the hospital received it (median, 90th percentile). The table is
 * about practices outside the unit, so its counts from 1 to 2 (below {@code
 * forlop.reporting.suppress-below}) are suppressed wherever it is shown, and every share or median
 * derived from a suppressed count with them.
 */
@Component
public class ReferralQualities {

  private final JdbcClient jdbc;
  private final ReportingSettings settings;

  ReferralQualities(JdbcClient jdbc, ReportingSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /**
   * One pathway and referring practice.
   *
   * @param referrals the pathways the practice's referrals started in the period
   * @param complete of those with known completeness, how many were complete
   * @param known how many came with the GP's answers on the required content
   * @param unknown how many came without (not counted as incomplete)
   * @param sharePercent complete of known, in whole per cent; {@code null} when suppressed or none
   * @param received how many have a known receipt (the days are measured over these)
   * @param medianDays the median days from written to received; {@code null} when suppressed
   * @param p90Days the 90th percentile of the days; {@code null} when suppressed
   */
  public record Row(
      String pathway,
      String requester,
      @Nullable String requesterName,
      Count referrals,
      Count complete,
      Count known,
      Count unknown,
      @Nullable Long sharePercent,
      Count received,
      @Nullable Double medianDays,
      @Nullable Double p90Days) {}

  /** Counts below this number (from 1) are suppressed in the table. */
  public int suppressBelow() {
    return settings.suppressBelow();
  }

  /** The table for the query's period (pathways started in it), units and pathway. */
  @Transactional(readOnly = true)
  public List<Row> rows(IndicatorQuery query, Actor reader) {
    var filter = Filter.of(query, reader);
    var params = filter.with(query.from(), query.to(), query.to());
    int suppress = settings.suppressBelow();
    return jdbc.sql(
            """
            select p.pathway, p.referral_requester as requester,
              max(p.referral_requester_name) as requester_name,
              count(*) as referrals,
              count(*) filter (where p.referral_content = 'COMPLETE') as complete,
              count(*) filter (where p.referral_content is not null) as known,
              count(*) filter (where p.referral_received_on is not null) as received,
              percentile_cont(0.5) within group (order by
                  p.referral_received_on - p.referral_written_on) as median,
              percentile_cont(0.9) within group (order by
                  p.referral_received_on - p.referral_written_on) as p90
            from report_pathway p
            where p.referral_requester is not null
              and p.start_date between :from and :to and %s
            group by p.pathway, p.referral_requester
            order by p.pathway, p.referral_requester
            """
                .formatted(filter.sql()))
        .params(params)
        .query(
            (rs, n) ->
                row(
                    rs.getString("pathway"),
                    rs.getString("requester"),
                    rs.getString("requester_name"),
                    rs.getLong("referrals"),
                    rs.getLong("complete"),
                    rs.getLong("known"),
                    rs.getLong("received"),
                    (Double) rs.getObject("median"),
                    (Double) rs.getObject("p90"),
                    suppress))
        .list();
  }

  /**
   * A row with small numbers suppressed: each count from 1 to {@code suppress - 1}, the share when
   * the complete, the incomplete or the known count is suppressed (the share would give it away),
   * the days when fewer than {@code suppress} referrals have a known receipt.
   */
  static Row row(
      String pathway,
      String requester,
      @Nullable String name,
      long referrals,
      long complete,
      long known,
      long received,
      @Nullable Double median,
      @Nullable Double p90,
      int suppress) {
    boolean small = suppress > 0 && (isSmall(complete, suppress) || isSmall(known, suppress));
    boolean smallIncomplete = isSmall(known - complete, suppress);
    boolean fewDays = received == 0 || isSmall(received, suppress);
    return new Row(
        pathway,
        requester,
        name,
        Count.of(referrals, suppress),
        Count.of(complete, suppress),
        Count.of(known, suppress),
        Count.of(referrals - known, suppress),
        known == 0 || small || smallIncomplete ? null : Math.round(100.0 * complete / known),
        Count.of(received, suppress),
        fewDays ? null : median,
        fewDays ? null : p90);
  }

  private static boolean isSmall(long value, int suppress) {
    return value > 0 && value < suppress;
  }
}

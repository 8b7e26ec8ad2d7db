package no.forlop.reporting;

import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics' monthly pre-aggregates ({@code report_month}, V44, ADR 0031), kept in step with
 * {@code report_*} by {@link ReportingProjection#write}: before the pathways' rows are replaced,
 * their events are counted negatively into a temporary table of the transaction; after, the net
 * difference (new minus old, zero sums left out) is inserted as delta rows. Nothing is updated in
 * place, so two writers never wait for each other on a shared row. {@link #compact()} folds the
 * deltas into one row per key, one compaction at a time; readers sum folded rows and deltas alike.
 */
@Component
public class MonthlyAggregates {

  /** Stands for "no number of days" in {@code report_month.days}. */
  static final int NO_DAYS = Integer.MIN_VALUE;

  private static final Logger log = LoggerFactory.getLogger(MonthlyAggregates.class);

  /** The advisory lock (two-key form, class 44) held by whoever folds or fills. */
  private static final String LOCK = "pg_advisory_xact_lock(44, 1)";

  private static final String TRY_LOCK = "select pg_try_advisory_xact_lock(44, 1)";

  private static final String KEY =
      "grain, month, organisation, pathway, sex, age_band, measure, indicator, treatment, status,"
          + " delayed, days";

  /**
   * Every event the indicators count, of the pathways the predicate {@code %1$s} (on a column
   * {@code pathway_id}) selects: one row each, with its day and the dimensions the filters test
   * (the unit and pathway of the row the direct query filters on, sex and age band of the pathway).
   */
  private static final String EVENTS =
      """
      select p.organisation, p.pathway, e.measure, '' as indicator,
        '' as treatment, '' as status, false as delayed, 0 as days, e.day
      from report_pathway p cross join lateral (values
        ('STARTED', p.start_date), ('DECIDED', p.decision_date), ('TREATED', p.treatment_date),
        ('CLOSED', p.ended_on), ('TRANSFERRED', p.transferred_on),
        ('LEFT_WORK_UP', case when p.start_date is not null
            and least(p.decision_date, p.treatment_date, p.ended_on, p.transferred_on) is not null
          then greatest(p.start_date,
            least(p.decision_date, p.treatment_date, p.ended_on, p.transferred_on)) end)
      ) e(measure, day)
      where p.pathway_id %1$s and e.day is not null
      union all
      select c.organisation, c.pathway, 'CODE', '', '', c.origin, false, 0, c.code_date
      from report_code c
      where c.pathway_id %1$s and c.state = 'REGISTERED'
      union all
      select i.organisation, i.pathway, '%3$s', i.indicator, coalesce(i.treatment, ''),
        i.status, i.patient_delayed, coalesce(i.days, %2$d), i.%4$s
      from report_interval i
      where i.pathway_id %1$s and i.to_date is not null
      union all
      select p.organisation, p.pathway, 'OVERDUE', i.indicator,
        coalesce(i.treatment, ''), '', false, 0, greatest(i.due_date + 1, i.from_date)
      from report_interval i join report_pathway p on p.pathway_id = i.pathway_id
      where i.pathway_id %1$s and i.to_date is null and i.due_date is not null and p.open
      """;

  /**
   * The events summed per key at every grain ({@code %3$s}: the sign, 1 or -1), from {@link
   * #EVENTS}.
   */
  private static final String GROUPED =
      """
      select case grouping(organisation, pathway) when 3 then 0 when 1 then 1 else 2 end as grain,
        date_trunc('month', day)::date as month, coalesce(organisation, '') as organisation,
        coalesce(pathway, '') as pathway, '' as sex, '' as age_band, measure, indicator,
        treatment, status, delayed, days, %3$s * count(*) as n
      from (%4$s) ev
      group by grouping sets (
        (month, measure, indicator, treatment, status, delayed, days),
        (month, measure, indicator, treatment, status, delayed, days, organisation),
        (month, measure, indicator, treatment, status, delayed, days, organisation, pathway))
      """;

  private final JdbcTemplate jdbc;
  private final String anchor;

  MonthlyAggregates(JdbcTemplate jdbc, ReportingSettings settings) {
    this.jdbc = jdbc;
    this.anchor =
        settings.intervalPeriod() == ReportingSettings.IntervalPeriod.START ? "START" : "END";
  }

  private String grouped(String predicate, int sign) {
    var events =
        EVENTS.formatted(
            predicate, NO_DAYS, anchor, anchor.equals("START") ? "from_date" : "to_date");
    return GROUPED.formatted(predicate, NO_DAYS, sign, events);
  }

  /** The measure of finished intervals: END or START, as the setting places them in a period. */
  String anchor() {
    return anchor;
  }

  /**
   * Replaces the rows of these pathways ({@code rewrite} replaces {@code report_*}) and inserts the
   * difference it makes to the sums. The pathways are locked for the transaction first (in their
   * sorted order, so two writers of overlapping pathways cannot deadlock), so that the rows counted
   * out are the ones replaced.
   */
  @Transactional
  void replace(UUID[] ids, Runnable rewrite) {
    jdbc.query(
        "select pg_advisory_xact_lock(440, hashtext(id::text)) from unnest(?::uuid[]) id"
            + " order by hashtext(id::text)",
        rs -> {},
        (Object) ids);
    jdbc.execute(
        "create temporary table if not exists report_month_old (grain smallint, month date,"
            + " organisation text, pathway text, sex text, age_band text, measure text,"
            + " indicator text, treatment text, status text, delayed boolean, days int,"
            + " n bigint) on commit delete rows");
    jdbc.update("delete from report_month_old");
    jdbc.update(
        "insert into report_month_old (%s, n) %s".formatted(KEY, grouped("= any(?)", -1)),
        ids,
        ids,
        ids,
        ids);
    rewrite.run();
    jdbc.update(
        """
        insert into report_month (%1$s, n, folded)
        select %1$s, sum(n), false from (
          select %1$s, n from report_month_old
          union all
          %2$s
        ) d
        group by %1$s
        having sum(n) <> 0
        """
            .formatted(KEY, grouped("= any(?)", 1)),
        ids,
        ids,
        ids,
        ids); // the events' four parts each select the pathways
    jdbc.update("delete from report_month_old");
  }

  /**
   * Folds the deltas into one row per key, unless another node or thread is folding (then it folds
   * next time). Returns the number of deltas folded.
   */
  @Scheduled(
      fixedDelayString = "${forlop.reporting.compact-every:PT10S}",
      initialDelayString = "${forlop.reporting.compact-every:PT10S}")
  @Transactional
  public int compact() {
    if (!Boolean.TRUE.equals(jdbc.queryForObject(TRY_LOCK, Boolean.class))) {
      return 0;
    }
    var folded =
        jdbc.queryForObject(
            """
            with d as (delete from report_month where not folded returning %1$s, n),
            s as (select %1$s, sum(n) as n from d group by %1$s),
            f as (delete from report_month t using s
                where t.folded and t.grain = s.grain and t.month = s.month
                  and t.organisation = s.organisation and t.pathway = s.pathway
                  and t.sex = s.sex and t.age_band = s.age_band and t.measure = s.measure
                  and t.indicator = s.indicator and t.treatment = s.treatment
                  and t.status = s.status and t.delayed = s.delayed and t.days = s.days
                returning t.grain, t.month, t.organisation, t.pathway, t.sex, t.age_band,
                  t.measure, t.indicator, t.treatment, t.status, t.delayed, t.days, t.n),
            i as (insert into report_month (%1$s, n, folded)
                select %1$s, sum(n), true
                from (select %1$s, n from s union all select %1$s, n from f) x
                group by %1$s
                having sum(n) <> 0)
            select count(*) from d
            """
                .formatted(KEY),
            Long.class);
    return folded == null ? 0 : folded.intValue();
  }

  /** Fills the sums from {@code report_*} at start-up when they are not filled (V44, upgrade). */
  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void fillIfNeeded() {
    jdbc.execute("select " + LOCK);
    var filled =
        jdbc.queryForObject(
            "select filled and anchor = ? from report_month_state where id = 1",
            Boolean.class,
            anchor);
    if (!Boolean.TRUE.equals(filled)) {
      long started = System.nanoTime();
      refill();
      log.info(
          "Filled the statistics' monthly sums in {} ms", (System.nanoTime() - started) / 1000000);
    }
  }

  /**
   * Computes every sum again from {@code report_*}, set-based, folded (rebuild, upgrade). The table
   * is locked against writers (readers go on) so that no delta is committed between emptying it and
   * counting {@code report_*} again: it would be counted twice.
   */
  @Transactional
  public void refill() {
    jdbc.execute("select " + LOCK);
    jdbc.execute("lock table report_month in exclusive mode");
    jdbc.update("delete from report_month");
    jdbc.update(
        "insert into report_month (%s, n, folded) select *, true from (%s) g"
            .formatted(KEY, grouped("is not null", 1)));
    jdbc.update("update report_month_state set filled = true, anchor = ? where id = 1", anchor);
  }
}

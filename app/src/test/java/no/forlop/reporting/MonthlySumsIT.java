package no.forlop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.catalog.CatalogueService;
import no.forlop.patient.PatientIdentifier.Sex;
import no.forlop.reporting.ReportingSettings.IntervalPeriod;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestUnits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The indicators from the monthly sums equal the indicators counted row by row ({@link
 * DirectIndicators}) on generated read-model rows (seeded random: units, pathways, treatment types,
 * ages, sexes, statuses, dates across month and year ends, running and overdue intervals, ties and
 * even counts for the percentiles, dates out of order) over many questions: whole months, arbitrary
 * periods, single days, a patient group, one unit, a reader of some units, both interval periods;
 * after the rows are written, after they are changed, after the deltas are folded and after a
 * refill. Today is 2024-12-31.
 */
class MonthlySumsIT extends ApplicationTest {

  private static final LocalDate BASE = LocalDate.parse("2023-09-01");
  private static final String[] PATHWAYS = {"colorectal", "breast", "mh-adults", "diagnostic"};
  private static final String[] INDICATORS = {"OF1", "OF2", "OF3", "OF4", "MH_FIRST_ATTENDANCE"};
  private static final String[] TREATMENTS = {"SURGICAL", "DRUG", "RADIOTHERAPY"};
  private static final String[] STATUSES = {"MET", "BREACHED", "UNKNOWN_NORM"};
  private static final String[] ORIGINS = {"AUTOMATIC", "CONFIRMED", "MANUAL"};

  @Autowired Indicators indicators;
  @Autowired DirectIndicators direct;
  @Autowired MonthlyAggregates aggregates;
  @Autowired MonthlySums monthly;
  @Autowired JdbcTemplate jdbc;
  @Autowired JdbcClient client;
  @Autowired CatalogueService catalogues;
  @Autowired ReportingSettings settings;
  @Autowired Clock clock;
  @Autowired PlatformTransactionManager transactions;

  private final List<String> units = new ArrayList<>();
  private String version;

  @BeforeEach
  void ownUnits() {
    units.clear();
    for (int i = 0; i < 3; i++) {
      units.add(TestUnits.next());
    }
    version =
        jdbc.queryForObject(
            "select version from catalogue_version order by activation_seq desc limit 1",
            String.class);
  }

  @Test
  void the_sums_give_the_direct_numbers_for_every_question() {
    var random = new Random(15);
    var ids = generate(random, 600);
    assertEveryQuestionEqual();

    // change a third of them (dates, statuses, treatment types, units): the deltas move the counts
    var changed = ids.subList(0, 200).toArray(UUID[]::new);
    aggregates.replace(changed, () -> rewrite(random, changed));
    assertEveryQuestionEqual();

    aggregates.compact();
    assertThat(deltas()).as("every delta folded").isZero();
    assertEveryQuestionEqual();

    aggregates.refill();
    assertEveryQuestionEqual();
  }

  @Test
  void a_second_seed_with_the_interval_period_start() {
    generate(new Random(4401), 400);
    var start =
        new ReportingSettings(settings.suppressBelow(), IntervalPeriod.START, settings.targets());
    var directByStart = new DirectIndicators(client, catalogues, start, clock);
    var byStart = new Indicators(client, catalogues, start, clock, monthly, directByStart);
    try {
      new TransactionTemplate(transactions)
          .executeWithoutResult(t -> new MonthlyAggregates(jdbc, start).refill());
      for (var query : questions()) {
        for (var reader : readers()) {
          assertThat(byStart.compute(query, reader, true))
              .as("%s for %s", query, reader)
              .isEqualTo(directByStart.compute(query, reader, true));
        }
      }
    } finally {
      aggregates.refill();
    }
  }

  @Test
  void concurrent_writers_of_different_pathways_keep_the_sums_right() throws Exception {
    var random = new Random(7);
    var ids = generate(random, 200);
    var threads = new ArrayList<Thread>();
    var failures = new java.util.concurrent.ConcurrentLinkedQueue<Throwable>();
    for (int t = 0; t < 4; t++) {
      var mine = ids.subList(t * 50, t * 50 + 50).toArray(UUID[]::new);
      var own = new Random(t);
      // overlapping pathways between neighbours: the second half of each is the next's first
      var overlap = t < 3 ? ids.subList(t * 50 + 25, t * 50 + 75).toArray(UUID[]::new) : mine;
      threads.add(
          new Thread(
              () -> {
                try {
                  for (int round = 0; round < 5; round++) {
                    var which = round % 2 == 0 ? mine : overlap;
                    aggregates.replace(which, () -> rewrite(own, which));
                    aggregates.compact();
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              }));
    }
    threads.forEach(Thread::start);
    for (var thread : threads) {
      thread.join();
    }
    assertThat(failures).isEmpty();
    assertEveryQuestionEqual();
  }

  private void assertEveryQuestionEqual() {
    for (var query : questions()) {
      for (var reader : readers()) {
        for (boolean leaves : new boolean[] {false, true}) {
          assertThat(indicators.compute(query, reader, leaves))
              .as("%s for %s", query, reader)
              .isEqualTo(direct.compute(query, reader, leaves));
        }
      }
    }
  }

  private long deltas() {
    return jdbc.queryForObject("select count(*) from report_month where not folded", Long.class);
  }

  private List<IndicatorQuery> questions() {
    var periods =
        List.of(
            IndicatorQuery.period(date("2024-01-01"), date("2024-12-31")), // a year
            IndicatorQuery.period(date("2024-03-01"), date("2024-03-31")), // a month
            IndicatorQuery.period(date("2023-11-01"), date("2025-02-28")), // past today
            IndicatorQuery.period(date("2020-01-01"), date("2026-12-31")), // all of it
            IndicatorQuery.period(date("2024-02-10"), date("2024-11-20")), // arbitrary
            IndicatorQuery.period(date("2023-12-31"), date("2024-01-01")), // a year's end
            IndicatorQuery.period(date("2024-05-15"), date("2024-06-14")), // two part months
            IndicatorQuery.period(date("2024-05-15"), date("2024-05-20")), // in one month
            IndicatorQuery.period(date("2024-02-29"), date("2024-02-29")), // one day
            IndicatorQuery.period(date("2024-06-01"), date("2024-06-01")),
            IndicatorQuery.period(date("2024-12-01"), date("2024-12-31")), // today's month
            IndicatorQuery.period(date("2024-04-01"), date("2024-06-15"))); // mid-month as-of
    var all = new ArrayList<IndicatorQuery>();
    for (var period : periods) {
      var mine = period.withOrganisations(Set.copyOf(units));
      all.add(mine);
      all.add(period.withOrganisations(Set.of(units.get(0))));
      all.add(mine.withPathway("colorectal"));
      all.add(mine.withSex(Sex.FEMALE));
      all.add(mine.withAgeBand(AgeBand.AGE_60_69).withSex(Sex.MALE));
      all.add(mine.withAgeBand(AgeBand.AGE_0_17));
      all.add(mine.withAgeBand(AgeBand.AGE_80_PLUS).withPathway("breast"));
    }
    // every unit of the database (the other tests' pathways, written by the projection)
    all.add(IndicatorQuery.period(date("2024-01-01"), date("2024-12-31")));
    all.add(IndicatorQuery.period(date("2024-01-10"), date("2024-12-20")));
    return all;
  }

  private List<Actor> readers() {
    return List.of(
        new Actor("statistician", "STATISTICS"), // every unit: the query's choice
        new Actor("lise", "STATISTICS", Set.of(units.get(1), units.get(2))));
  }

  private static LocalDate date(String text) {
    return LocalDate.parse(text);
  }

  /** Pathways with random rows, written as the projection writes them (with their deltas). */
  private List<UUID> generate(Random random, int count) {
    var ids = new ArrayList<UUID>();
    for (int i = 0; i < count; i++) {
      var id = UUID.randomUUID();
      ids.add(id);
      jdbc.update(
          "insert into pathway (id, patient, definition, organisation, setting, created_at,"
              + " created_by, catalogue_version) values (?, ?, ?, ?, null, now(), 'test', ?)",
          id,
          "test-" + i,
          PATHWAYS[random.nextInt(PATHWAYS.length)],
          units.get(0),
          version);
    }
    var array = ids.toArray(UUID[]::new);
    aggregates.replace(array, () -> rewrite(random, array));
    return ids;
  }

  /** Replaces the pathways' rows in report_* with new random ones. */
  private void rewrite(Random random, UUID[] ids) {
    jdbc.update("delete from report_interval where pathway_id = any(?)", (Object) ids);
    jdbc.update("delete from report_code where pathway_id = any(?)", (Object) ids);
    jdbc.update("delete from report_pathway where pathway_id = any(?)", (Object) ids);
    for (var id : ids) {
      var unit = units.get(random.nextInt(units.size()));
      var pathway = PATHWAYS[random.nextInt(PATHWAYS.length)];
      var start = maybe(random, 0.95, day(random, 0));
      var birth =
          random.nextDouble() < 0.05
              ? null
              : (start == null ? BASE : start)
                  .minusYears(random.nextInt(95) - 2)
                  .minusDays(random.nextInt(3) - 1);
      var sex = random.nextDouble() < 0.05 ? null : random.nextBoolean() ? "FEMALE" : "MALE";
      var firstAttendance = maybe(random, 0.8, after(random, start, 20));
      var decision = maybe(random, 0.6, after(random, firstAttendance, 30));
      var treatment = maybe(random, 0.5, after(random, decision, 30));
      var transferred = maybe(random, 0.05, after(random, start, 40));
      var ended = maybe(random, 0.3, after(random, decision, 60));
      boolean open = ended == null && transferred == null;
      jdbc.update(
          "insert into report_pathway (pathway_id, patient, organisation, pathway, code_prefix,"
              + " kind, birth_date, sex, state, open, start_date, first_attendance, decision_date,"
              + " decision_code, treatment_date, treatment_code, transferred_on, ended_on,"
              + " problem, proposals, disagreement, updated_at) values (?, 'p', ?, ?, null,"
              + " 'CANCER', ?, ?, 'X', ?, ?, ?, ?, null, ?, null, ?, ?, ?, ?, ?, now())",
          id,
          unit,
          pathway,
          birth,
          sex,
          open,
          start,
          firstAttendance,
          decision,
          treatment,
          transferred,
          ended,
          random.nextDouble() < 0.05 ? "BEFORE_START" : null,
          random.nextDouble() < 0.1 ? 1 + random.nextInt(3) : 0,
          random.nextDouble() < 0.05);
      int codes = random.nextInt(6);
      for (int c = 0; c < codes; c++) {
        jdbc.update(
            "insert into report_code (registration_id, pathway_id, organisation, pathway, code,"
                + " code_key, milestone, code_date, state, origin, rule_id, ruleset_version)"
                + " values (?, ?, ?, ?, null, 'A', 'PATHWAY_START', ?, ?, ?, null, null)",
            UUID.randomUUID(),
            id,
            unit,
            pathway,
            day(random, 0),
            random.nextDouble() < 0.85 ? "REGISTERED" : "PROPOSED",
            ORIGINS[random.nextInt(ORIGINS.length)]);
      }
      int intervals = random.nextInt(5);
      for (int k = 0; k < intervals; k++) {
        var indicator = INDICATORS[random.nextInt(INDICATORS.length)];
        var type =
            indicator.equals("OF3") || indicator.equals("OF4")
                ? maybe(random, 0.8, TREATMENTS[random.nextInt(TREATMENTS.length)])
                : null;
        var from = day(random, 0);
        var to = maybe(random, 0.75, from.plusDays(random.nextInt(12) - 1));
        Integer days =
            to == null || random.nextDouble() < 0.03
                ? null
                : (int) (to.toEpochDay() - from.toEpochDay());
        jdbc.update(
            "insert into report_interval (pathway_id, organisation, pathway, indicator, treatment,"
                + " from_date, to_date, days, standard_days, day_type, due_date, status,"
                + " unverified_standard_days, patient_delayed, catalogue_version)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, 9, 'CALENDAR', ?, ?, null, ?, ?)",
            id,
            unit,
            pathway,
            indicator,
            type,
            from,
            to,
            days,
            maybe(random, 0.9, from.plusDays(random.nextInt(40))),
            to == null ? "RUNNING" : STATUSES[random.nextInt(STATUSES.length)],
            random.nextDouble() < 0.3,
            version);
      }
    }
  }

  /** A day from 2023-09 to 2025-02 (month and year ends, a leap day, past today). */
  private static LocalDate day(Random random, int offset) {
    return BASE.plusDays(offset + random.nextInt(540));
  }

  private static @Nullable LocalDate after(
      Random random, @Nullable LocalDate from, int withinDays) {
    return from == null ? day(random, 0) : from.plusDays(random.nextInt(withinDays) - 2);
  }

  private static <T> @Nullable T maybe(Random random, double chance, @Nullable T value) {
    return random.nextDouble() < chance ? value : null;
  }
}

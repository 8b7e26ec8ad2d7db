package no.forlop.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import no.forlop.ForlopApplication;
import no.forlop.access.Actor;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.patient.PatientIdentifier.Sex;
import no.forlop.reporting.AgeBand;
import no.forlop.reporting.DirectIndicators;
import no.forlop.reporting.IndicatorQuery;
import no.forlop.reporting.IndicatorReport;
import no.forlop.reporting.Indicators;
import no.forlop.reporting.MonthlyAggregates;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statistics over a whole region's ten years (issue #5): generates {@code pathways} pathway
 * instances (default one million) started 2016–2025 across ten units and measures {@link
 * Indicators#compute} for the usual questions (ten years, a year, a pathway, a unit, a month, a
 * patient group, a reader of one unit) and the REST GET of one year. Prints the median and 95th
 * percentile of each, the row counts and the table sizes. Usage: {@code IndicatorLoadRun [pathways]
 * [hold-seconds]}; with hold-seconds the run prints the database's JDBC URL and waits that long
 * before measuring, so that {@code psql} can look at the plans.
 *
 * <p>The data is generated directly in PostgreSQL by set-based SQL ({@code insert … select … from
 * generate_series}) into {@code pathway}, {@code report_pathway}, {@code report_code} and {@code
 * report_interval}, bypassing the intake on purpose: the intake's own speed is measured by {@link
 * BulkIntakeLoadRun} (about 5,000 resources/s, so a million pathways through it would take some 25
 * minutes before the first number). The rows have the shape {@code ReportingProjection} writes: the
 * same columns, states, code keys (suffix, or the milestone where the catalogue has no suffix),
 * official codes (prefix + suffix where both are known), origins (AUTOMATIC / CONFIRMED / MANUAL),
 * interval statuses (MET / BREACHED / UNKNOWN_NORM, RUNNING with a due date while open) and the
 * catalogue version in force. The pathways are the real catalogue's (checked at start); the norms
 * are simplified (colorectal's for every cancer pathway whose norms are verified, see {@link
 * #NORMS}), which changes the shares, not the work the queries do.
 */
public final class IndicatorLoadRun {

  private static final LocalDate TODAY = LocalDate.of(2025, 12, 31);
  private static final LocalDate YEAR_FROM = LocalDate.of(2025, 1, 1);
  private static final String[] UNITS = {
    "910000012", "910000020", "910000039", "910000047", "910000055",
    "910000063", "910000071", "910000098", "910000101", "910000128"
  };

  /**
   * The pathway mix: slots lo–hi of 100, the scheme (C cancer with OF1–OF4, D diagnostic with
   * OF1–OF2, M mental health and substance use), whether the norms count as verified (otherwise
   * UNKNOWN_NORM), a fixed sex for sex-specific cancers, and the age range at start.
   */
  private static final String MIX =
      """
      create unlogged table bench_mix (lo int, hi int, pathway text, kind text, prefix text,
          scheme text, verified boolean, sex_only text, age_lo int, age_hi int);
      insert into bench_mix values
        ( 0,  9, 'colorectal',         'CANCER',        'A12', 'C', true,  null,     35, 90),
        (10, 21, 'breast',             'CANCER',        null,  'C', true,  'FEMALE', 30, 90),
        (22, 29, 'lung',               'CANCER',        null,  'C', false, null,     40, 90),
        (30, 39, 'prostate',           'CANCER',        'A16', 'C', true,  'MALE',   45, 90),
        (40, 42, 'ovarian',            'CANCER',        'A21', 'C', true,  'FEMALE', 30, 90),
        (43, 44, 'cervical',           'CANCER',        'A22', 'C', true,  'FEMALE', 25, 80),
        (45, 47, 'oesophagus-stomach', 'CANCER',        'A32', 'C', true,  null,     40, 90),
        (48, 49, 'sarcoma',            'CANCER',        'A36', 'C', true,  null,     10, 85),
        (50, 51, 'thyroid',            'CANCER',        'A37', 'C', true,  null,     20, 85),
        (52, 55, 'head-neck',          'CANCER',        null,  'C', false, null,     35, 90),
        (56, 59, 'lymphoma',           'CANCER',        null,  'C', false, null,     18, 90),
        (60, 62, 'bladder',            'CANCER',        null,  'C', false, null,     45, 95),
        (63, 65, 'kidney',             'CANCER',        null,  'C', false, null,     40, 90),
        (66, 67, 'metastases',         'METASTASES',    'B01', 'C', true,  null,     40, 95),
        (68, 72, 'diagnostic',         'DIAGNOSTIC',    'C01', 'D', true,  null,     30, 95),
        (73, 82, 'mh-adults',          'MENTAL_HEALTH', 'D11', 'M', false, null,     18, 80),
        (83, 90, 'mh-children-young',  'MENTAL_HEALTH', 'D12', 'M', false, null,      5, 17),
        (91, 96, 'substance-use',      'SUBSTANCE_USE', 'D01', 'M', true,  null,     16, 75),
        (97, 99, 'psychosis',          'MENTAL_HEALTH', null,  'M', true,  null,     15, 60);
      """;

  /**
   * Norms in days (calendar), by indicator and treatment type ('' for the indicator's shortest,
   * used while the treatment type is not known). Palliative, surveillance and no treatment have
   * none: UNKNOWN_NORM.
   */
  private static final String NORMS =
      """
      create unlogged table bench_norm (indicator text, treatment text, days int);
      insert into bench_norm values
        ('OF1', '', 9), ('OF2', '', 12),
        ('OF3', '', 14), ('OF3', 'SURGICAL', 14), ('OF3', 'DRUG', 14), ('OF3', 'RADIOTHERAPY', 18),
        ('OF4', '', 35), ('OF4', 'SURGICAL', 35), ('OF4', 'DRUG', 35), ('OF4', 'RADIOTHERAPY', 39),
        ('MH_FIRST_ATTENDANCE', '', 7), ('MH_ASSESSMENT', '', 21),
        ('MH_FIRST_EVALUATION', '', 42), ('MH_EVALUATION_INTERVAL', '', 56);
      """;

  /** A deterministic number in [0, 1) for pathway n and draw k (same data on every run). */
  private static final String RANDOM =
      """
      create function bench_r(n bigint, k int) returns float8 language sql immutable parallel safe
      as $$ select (hashint8extended(n, k) & 4503599627370495)::float8 / 4503599627370496.0 $$
      """;

  /**
   * One row per pathway with its timeline: start (2016–2025; mental health from 2019-03, when its
   * pathways were in use), first attendance, decision, treatment, evaluations, transfer and end as
   * planned, then cut at today (what lies after today is still to come: those pathways are
   * running). 3 % are transferred after the first attendance, 1.5 % stall in work-up (open and
   * overdue), cancer pathways without a treatment decision and diagnostic ones end (X), treated
   * cancer pathways stay in treatment, 70 % of mental-health pathways close after their
   * evaluations.
   */
  private static final String TIMELINE =
      """
      create unlogged table bench_pathway as
      with planned as (
        select b.n, b.id, b.organisation, x.pathway, x.kind, x.prefix, x.scheme, x.verified,
          x.sex_only, x.age_lo, x.age_hi, s.s, f.fa, f.fate, d.dec, d.dkey, tt.tr, tt.ttype,
          tt.tr + 7 + floor(power(bench_r(b.n, 10), 1.5) * 60)::int as ev1,
          1 + floor(bench_r(b.n, 13) * 3)::int as evaluations,
          f.fa + floor(bench_r(b.n, 14) * 10)::int as tf
        from (select n, md5('forlop-bench-' || n)::uuid as id,
                (cast(:units as text[]))[1 + least(9, floor(10 * power(bench_r(n, 1), 1.4))::int)]
                    as organisation,
                floor(bench_r(n, 2) * 100)::int as slot
              from generate_series(1, :count) n) b
        join bench_mix x on b.slot between x.lo and x.hi
        cross join lateral (select case when x.scheme = 'M'
            then date '2019-03-01' + floor(bench_r(b.n, 3) * 2497)::int
            else date '2016-01-01' + floor(bench_r(b.n, 3) * 3653)::int end as s) s
        cross join lateral (select s.s + floor(power(bench_r(b.n, 4), 2) * 25)::int as fa,
            bench_r(b.n, 6) as rd, bench_r(b.n, 7) as rt, bench_r(b.n, 9) as fate) f
        cross join lateral (select f.fa + 1 + floor(power(bench_r(b.n, 5), 1.5) * 35)::int as dec,
            case x.scheme
              when 'M' then case when f.rd < 0.65
                  then case when x.kind = 'SUBSTANCE_USE' then 'CT' else 'CP' end
                  when f.rd < 0.8 then 'CK' when f.rd < 0.92 then 'CI' else 'CS' end
              when 'D' then case when f.rd < 0.3 then 'CK' when f.rd < 0.6 then 'CA'
                  when f.rd < 0.9 then 'CI' else 'CU' end
              else case when f.rd < 0.72 then 'CK' when f.rd < 0.84 then 'CI'
                  when f.rd < 0.93 then 'CA' else 'CM' end
            end as dkey) d
        cross join lateral (select
            case when x.scheme = 'C' and d.dkey = 'CK'
                then d.dec + floor(power(bench_r(b.n, 8), 1.5) * 35)::int
              when x.scheme = 'M' and d.dkey in ('CP', 'CT')
                then d.dec + floor(bench_r(b.n, 8) * 10)::int end as tr,
            case when x.scheme = 'C' and d.dkey = 'CK' then case
                when f.rt < 0.45 then 'SURGICAL' when f.rt < 0.75 then 'DRUG'
                when f.rt < 0.90 then 'RADIOTHERAPY' when f.rt < 0.95 then 'PALLIATIVE'
                when f.rt < 0.98 then 'SURVEILLANCE' else 'NO_TREATMENT' end
              when x.scheme = 'M' and d.dkey in ('CP', 'CT') then 'MH_TREATMENT' end as ttype) tt
      ), evaluated as (
        select p.*,
          case when p.evaluations >= 2 then p.ev1 + 40 + floor(bench_r(p.n, 11) * 40)::int end
              as ev2_planned,
          case when p.evaluations >= 3 then p.ev1 + 80 + floor(bench_r(p.n, 12) * 80)::int end
              as ev3_planned
        from planned p
      ), ending as (
        select e.*,
          case
            when e.fate < 0.045 then null  -- transferred or stalled: no end
            when e.scheme = 'C' and e.dkey <> 'CK' then e.dec + floor(bench_r(e.n, 15) * 5)::int
            when e.scheme = 'D' then e.dec + floor(bench_r(e.n, 15) * 5)::int
            when e.scheme = 'M' and e.tr is null then e.dec + floor(bench_r(e.n, 15) * 5)::int
            when e.scheme = 'M' and bench_r(e.n, 16) < 0.7
              then coalesce(e.ev3_planned, e.ev2_planned, e.ev1) + 20
                  + floor(bench_r(e.n, 15) * 30)::int
          end as x
        from evaluated e
      ), cut as (
        select e.*,
          case when e.fa <= :today then e.fa end as first_attendance,
          case when e.fate >= 0.045 and e.dec <= :today then e.dec end as decision_date,
          case when e.fate >= 0.045 and e.tr <= :today then e.tr end as treatment_date,
          case when e.fate >= 0.045 and e.ev1 <= :today then e.ev1 end as ev1_date,
          case when e.fate >= 0.045 and e.ev2_planned <= :today then e.ev2_planned end as ev2_date,
          case when e.fate >= 0.045 and e.ev3_planned <= :today then e.ev3_planned end as ev3_date,
          case when e.fate < 0.03 and e.tf <= :today then e.tf end as transferred_on,
          case when e.x <= :today then e.x end as ended_on,
          case when bench_r(e.n, 17) < 0.01 then null
            else e.s - (e.age_lo * 365.25 + bench_r(e.n, 18) * (e.age_hi - e.age_lo + 1) * 365.25)::int
          end as birth_date
        from ending e
      )
      select c.n, c.id, c.organisation, c.pathway, c.kind, c.prefix, c.scheme, c.verified,
        c.birth_date,
        coalesce(c.sex_only, case when bench_r(c.n, 19) < 0.5 then 'FEMALE' else 'MALE' end) as sex,
        c.s as start_date, c.first_attendance, c.decision_date,
        case when c.decision_date is not null then c.dkey end as decision_key,
        c.treatment_date,
        case when c.treatment_date is not null then c.ttype end as treatment_type,
        case when c.treatment_date is null then null when c.scheme = 'M' then 'TREATMENT_START'
          else case c.ttype when 'SURGICAL' then 'FK' when 'DRUG' then 'FM'
            when 'RADIOTHERAPY' then 'FS' when 'PALLIATIVE' then 'FL'
            when 'SURVEILLANCE' then 'FO' else 'FI' end
        end as treatment_key,
        c.ev1_date as ev1, c.ev2_date as ev2, c.ev3_date as ev3,
        c.transferred_on, c.ended_on,
        case when c.ended_on is not null then 'CLOSED'
          when c.transferred_on is not null then 'TRANSFERRED'
          when c.treatment_date is not null then 'IN_TREATMENT'
          when c.decision_date is not null then 'DECIDED'
          when c.first_attendance is not null then 'IN_WORKUP'
          else 'AWAITING_FIRST_ATTENDANCE' end as state,
        c.ended_on is null and c.transferred_on is null as open
      from cut c
      """;

  private static final String PATHWAYS =
      """
      insert into pathway (id, patient, definition, organisation, setting, created_at, created_by,
          catalogue_version)
      select id, bench_patient(n, birth_date), pathway, organisation, null,
        start_date::timestamp at time zone 'Europe/Oslo', 'bench', :version
      from bench_pathway
      """;

  /** Proposals wait on 8 % of the open pathways; a third of those disagree with a typed code. */
  private static final String REPORT_PATHWAYS =
      """
      insert into report_pathway (pathway_id, patient, organisation, pathway, code_prefix, kind,
          birth_date, sex, state, open, start_date, first_attendance, decision_date,
          decision_code, treatment_date, treatment_code, transferred_on, ended_on, problem,
          proposals, disagreement, updated_at)
      select id, bench_patient(n, birth_date), organisation, pathway, prefix, kind, birth_date, sex, state,
        open, start_date, first_attendance, decision_date,
        coalesce(prefix || decision_key, decision_key), treatment_date,
        case when scheme = 'M' then treatment_key
          else coalesce(prefix || treatment_key, treatment_key) end,
        transferred_on, ended_on,
        case when bench_r(n, 30) < 0.003 then 'BEFORE_START' end,
        case when open and bench_r(n, 31) < 0.08 then 1 else 0 end,
        open and bench_r(n, 31) < 0.027,
        now()
      from bench_pathway
      """;

  /**
   * Every registered code (start, first attendance, decision, treatment, evaluations, transfer,
   * end) and the waiting proposals. A code with a rule is AUTOMATIC (60 %), CONFIRMED (25 %) or
   * MANUAL (15 %); evaluations and ends have no rule here and are typed.
   */
  private static final String CODES =
      """
      insert into report_code (registration_id, pathway_id, organisation, pathway, code, code_key,
          milestone, code_date, state, origin, rule_id, ruleset_version)
      select md5('forlop-bench-code-' || p.n || '-' || c.k)::uuid, p.id, p.organisation, p.pathway,
        case when p.prefix is not null and c.suffix is not null then p.prefix || c.suffix end,
        coalesce(c.suffix, c.milestone), c.milestone, c.code_date, c.state, o.origin,
        case when o.origin <> 'MANUAL' then c.rule end,
        case when o.origin <> 'MANUAL' then :ruleset end
      from bench_pathway p
      cross join lateral (values
        (1, case when p.scheme <> 'M' then 'A' end, 'PATHWAY_START', p.start_date,
            case when p.scheme = 'M' then 'MH-START-ASSESSED' else 'START-REFERRAL-RECEIVED' end,
            'REGISTERED'),
        (2, case when p.scheme <> 'M' then 'S' end, 'FIRST_ATTENDANCE', p.first_attendance,
            'FIRST-ATTENDANCE-ENCOUNTER', 'REGISTERED'),
        (3, p.decision_key, 'CLINICAL_DECISION', p.decision_date,
            case when p.scheme = 'M' then 'MH-DECISION-OUTCOME' else 'DECISION-FROM-DIAGNOSIS' end,
            'REGISTERED'),
        (4, case when p.scheme <> 'M' then p.treatment_key end, 'TREATMENT_START', p.treatment_date,
            case p.treatment_type when 'SURGICAL' then 'TREATMENT-SURGERY'
              when 'DRUG' then 'TREATMENT-DRUG' when 'RADIOTHERAPY' then 'TREATMENT-RADIOTHERAPY'
            end, 'REGISTERED'),
        (5, null, 'EVALUATION', p.ev1, null, 'REGISTERED'),
        (6, null, 'EVALUATION', p.ev2, null, 'REGISTERED'),
        (7, null, 'EVALUATION', p.ev3, null, 'REGISTERED'),
        (8, case when p.scheme <> 'M' then 'O' end, 'TRANSFERRED', p.transferred_on,
            'TRANSFER-SENT', 'REGISTERED'),
        (9, case when p.scheme <> 'M' then 'X' end, 'PATHWAY_END', p.ended_on, null, 'REGISTERED'),
        (10, case when p.scheme <> 'M' then 'S' end, 'FIRST_ATTENDANCE',
            case when p.open and bench_r(p.n, 31) < 0.08
              then coalesce(p.first_attendance, p.start_date + 1) end,
            'FIRST-ATTENDANCE-IMAGING', 'PROPOSED')
      ) c(k, suffix, milestone, code_date, rule, state)
      cross join lateral (select case
          when c.state = 'PROPOSED' then 'AUTOMATIC'
          when c.rule is null then 'MANUAL'
          when bench_r(p.n, 20 + c.k) < 0.60 then 'AUTOMATIC'
          when bench_r(p.n, 20 + c.k) < 0.85 then 'CONFIRMED'
          else 'MANUAL' end as origin) o
      where c.code_date is not null
      """;

  /**
   * The intervals the lead-time engine measures: OF1–OF2 (or the mental-health ones), OF3–OF4 per
   * treatment type for cancer, the evaluations for mental health; finished ones with days and a
   * verdict, running ones (open pathways) with the due date. 5 % of breaches are patient-delayed.
   */
  private static final String INTERVALS =
      """
      insert into report_interval (pathway_id, organisation, pathway, indicator, treatment,
          from_date, to_date, days, standard_days, day_type, due_date, status,
          unverified_standard_days, patient_delayed, catalogue_version)
      select p.id, p.organisation, p.pathway, i.indicator, i.treatment, i.from_date, i.to_date,
        i.to_date - i.from_date,
        case when p.verified then nm.days end,
        'CALENDAR',
        case when p.verified and nm.days is not null then i.from_date + nm.days end,
        case when i.to_date is null then 'RUNNING'
          when not p.verified or nm.days is null then 'UNKNOWN_NORM'
          when i.to_date - i.from_date <= nm.days then 'MET' else 'BREACHED' end,
        case when not p.verified then nm.days end,
        coalesce(i.to_date is not null and p.verified and i.to_date - i.from_date > nm.days
          and bench_r(p.n, 40 + i.k) < 0.05, false),
        :version
      from bench_pathway p
      cross join lateral (values
        (1, case when p.scheme = 'M' then 'MH_FIRST_ATTENDANCE' else 'OF1' end, null::text,
            p.start_date, p.first_attendance, p.first_attendance is not null or p.open),
        (2, case when p.scheme = 'M' then 'MH_ASSESSMENT' else 'OF2' end, null,
            p.first_attendance, p.decision_date,
            p.first_attendance is not null and (p.decision_date is not null or p.open)),
        (3, 'OF3', p.treatment_type, p.decision_date, p.treatment_date,
            p.scheme = 'C' and p.decision_key = 'CK' and (p.treatment_date is not null or p.open)),
        (4, 'OF4', p.treatment_type, p.start_date, p.treatment_date,
            p.scheme = 'C' and (p.treatment_date is not null
              or (p.open and coalesce(p.decision_key, 'CK') = 'CK'))),
        (5, 'MH_FIRST_EVALUATION', null, p.decision_date, p.ev1,
            p.scheme = 'M' and p.treatment_date is not null and (p.ev1 is not null or p.open)),
        (6, 'MH_EVALUATION_INTERVAL', null, p.ev1, p.ev2,
            p.ev1 is not null and (p.ev2 is not null or p.open)),
        (7, 'MH_EVALUATION_INTERVAL', null, p.ev2, p.ev3,
            p.ev2 is not null and (p.ev3 is not null or p.open))
      ) i(k, indicator, treatment, from_date, to_date, included)
      left join bench_norm nm
        on nm.indicator = i.indicator and nm.treatment = coalesce(i.treatment, '')
      where i.included
      """;

  /** Not a valid fødselsnummer (the statistics read birth date and sex from their columns). */
  private static final String PATIENT =
      """
      create function bench_patient(n bigint, birth date) returns text language sql immutable
      as $$ select coalesce(to_char(birth, 'DDMMYY'), '999999') || lpad((n % 100000)::text, 5, '0')
      $$
      """;

  private static final String[] TABLES = {
    "pathway", "report_pathway", "report_code", "report_interval"
  };

  private record Question(IndicatorQuery query, Actor reader) {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int hold = args.length > 1 ? Integer.parseInt(args[1]) : 0;
    try (var context =
        new SpringApplicationBuilder(ForlopApplication.class)
            .run(
                "--spring.main.banner-mode=off",
                "--server.port=0",
                "--forlop.database.embedded.temporary=true",
                "--forlop.demo.enabled=false",
                "--forlop.clock.fixed=" + TODAY + "T12:00:00Z",
                "--logging.level.root=WARN")) {
      var jdbc = context.getBean(JdbcClient.class);
      var indicators = context.getBean(Indicators.class);
      var port = ((WebServerApplicationContext) context).getWebServer().getPort();
      checkMix(jdbc, context.getBean(CatalogueService.class));

      long started = System.nanoTime();
      generate(jdbc, count);
      System.out.printf("Generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
      long vacuumed = System.nanoTime();
      for (var table : TABLES) {
        jdbc.sql("vacuum analyze " + table).update();
      }
      System.out.printf("vacuum analyze in %.1f s%n", (System.nanoTime() - vacuumed) / 1e9);
      long filled = System.nanoTime();
      context.getBean(MonthlyAggregates.class).refill();
      jdbc.sql("vacuum analyze report_month").update();
      System.out.printf(
          "Monthly sums filled (set-based, as after an upgrade) in %.1f s%n",
          (System.nanoTime() - filled) / 1e9);
      describe(jdbc);

      if (hold > 0) {
        var url = ((HikariDataSource) context.getBean(DataSource.class)).getJdbcUrl();
        System.out.printf("Holding %d s before measuring: %s%n", hold, url);
        Thread.sleep(hold * 1000L);
      }

      var region = new Actor("bench", "STATISTICS"); // every unit (as the CLI runs)
      var direct = context.getBean(DirectIndicators.class);
      var tenYears = IndicatorQuery.period(LocalDate.of(2016, 1, 1), TODAY);
      var year = IndicatorQuery.period(YEAR_FROM, TODAY);
      var reader = new Actor("nina", "STATISTICS", Set.of(UNITS[1]));
      var questions = new java.util.LinkedHashMap<String, Question>();
      questions.put("ten years, all units", new Question(tenYears, region));
      questions.put("one year, all units", new Question(year, region));
      questions.put(
          "a quarter (2025 Q3), all units",
          new Question(
              IndicatorQuery.period(LocalDate.of(2025, 7, 1), LocalDate.of(2025, 9, 30)), region));
      questions.put(
          "one month (November), all units",
          new Question(
              IndicatorQuery.period(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30)),
              region));
      questions.put(
          "one year, one pathway (colorectal)",
          new Question(year.withPathway("colorectal"), region));
      questions.put(
          "one year, one unit (the largest)",
          new Question(year.withOrganisations(Set.of(UNITS[0])), region));
      questions.put(
          "one year, age 60–69 + female",
          new Question(year.withAgeBand(AgeBand.AGE_60_69).withSex(Sex.FEMALE), region));
      questions.put("one year, a reader of one unit", new Question(year, reader));
      questions.put("ten years, a reader of one unit", new Question(tenYears, reader));
      questions.put(
          "arbitrary: 2016-02-10 to 2025-11-20, all units",
          new Question(
              IndicatorQuery.period(LocalDate.of(2016, 2, 10), LocalDate.of(2025, 11, 20)),
              region));
      questions.put(
          "arbitrary: 2025-02-10 to 2025-11-20, all units",
          new Question(
              IndicatorQuery.period(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 11, 20)),
              region));
      questions.put(
          "arbitrary: 2025-06-15 to 2025-07-14, one unit",
          new Question(
              IndicatorQuery.period(LocalDate.of(2025, 6, 15), LocalDate.of(2025, 7, 14))
                  .withOrganisations(Set.of(UNITS[0])),
              region));
      questions.put(
          "one day (2025-11-03), all units",
          new Question(
              IndicatorQuery.period(LocalDate.of(2025, 11, 3), LocalDate.of(2025, 11, 3)), region));
      System.out.println("| what | path | first | median | p95 | rounds | result |");
      System.out.println("|---|---|---|---|---|---|---|");
      for (var entry : questions.entrySet()) {
        var q = entry.getValue();
        var sums = indicators.compute(q.query(), q.reader(), false);
        var counted = direct.compute(q.query(), q.reader(), false);
        if (!sums.equals(counted)) {
          System.out.printf(
              "DIFFERENT: %s%n  sums:   %s%n  direct: %s%n", entry.getKey(), sums, counted);
        }
        measure(
            entry.getKey(), "sums", () -> indicators.compute(q.query(), q.reader(), false), false);
        measure(entry.getKey(), "direct", () -> direct.compute(q.query(), q.reader(), false), true);
      }
      var http = HttpClient.newHttpClient();
      measure(
          "GET /api/v1/indicators, one year (lise: 2 units)",
          "sums",
          () -> get(http, port, "/api/v1/indicators?from=" + YEAR_FROM + "&to=" + TODAY),
          false);
    }
  }

  /** The mix names the real catalogue's pathways, with their kinds. */
  private static void checkMix(JdbcClient jdbc, CatalogueService catalogues) {
    script(jdbc, MIX);
    var rows = jdbc.sql("select pathway, kind from bench_mix").query().listOfRows();
    for (var row : rows) {
      var id = (String) row.get("pathway");
      var kind =
          catalogues.current().pathway(id).map(PathwayDefinition::kind).map(Enum::name).orElse("?");
      if (!kind.equals(row.get("kind"))) {
        throw new IllegalStateException(id + " is " + kind + " in the catalogue");
      }
    }
  }

  private static void generate(JdbcClient jdbc, int count) {
    var version =
        jdbc.sql("select version from catalogue_version order by activation_seq desc limit 1")
            .query(String.class)
            .single();
    script(jdbc, NORMS);
    jdbc.sql(RANDOM).update();
    jdbc.sql(PATIENT).update();
    step(
        "timeline",
        () ->
            jdbc.sql(TIMELINE)
                .param("units", UNITS)
                .param("count", count)
                .param("today", TODAY)
                .update());
    step("pathway", () -> jdbc.sql(PATHWAYS).param("version", version).update());
    step("report_pathway", () -> jdbc.sql(REPORT_PATHWAYS).update());
    step("report_code", () -> jdbc.sql(CODES).param("ruleset", "2026.11.1").update());
    step("report_interval", () -> jdbc.sql(INTERVALS).param("version", version).update());
    script(
        jdbc,
        "drop table bench_pathway, bench_mix, bench_norm; drop function bench_r(bigint, int);"
            + " drop function bench_patient(bigint, date)");
  }

  /** Statements separated by semicolons (none inside them), one at a time. */
  private static void script(JdbcClient jdbc, String statements) {
    for (var statement : statements.split(";")) {
      if (!statement.isBlank()) {
        jdbc.sql(statement).update();
      }
    }
  }

  private static void step(String what, Supplier<Integer> action) {
    long t0 = System.nanoTime();
    int rows = action.get();
    System.out.printf(
        "  %-16s %,11d rows in %6.1f s%n", what, rows, (System.nanoTime() - t0) / 1e9);
  }

  private static void describe(JdbcClient jdbc) {
    System.out.println();
    System.out.println("| table | rows | total size (with indexes) |");
    System.out.println("|---|---|---|");
    for (var table :
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(TABLES), java.util.stream.Stream.of("report_month"))
            .toList()) {
      var row =
          jdbc.sql(
                  "select count(*) as n, pg_size_pretty(pg_total_relation_size('%s')) as size from %s"
                      .formatted(table, table))
              .query()
              .singleRow();
      System.out.printf("| `%s` | %,d | %s |%n", table, row.get("n"), row.get("size"));
    }
    System.out.println();
    print(
        jdbc,
        "pathways by scheme",
        "select kind, count(*) as n from report_pathway group by kind order by n desc");
    print(
        jdbc,
        "pathways by state",
        "select state, count(*) as n from report_pathway group by state order by n desc");
    print(
        jdbc,
        "pathways by unit",
        "select organisation, count(*) as n from report_pathway group by 1 order by n desc");
    print(
        jdbc,
        "codes by origin",
        "select state || ' ' || origin, count(*) as n from report_code group by 1 order by n desc");
    print(
        jdbc,
        "intervals by status",
        "select status, count(*) as n from report_interval group by status order by n desc");
    print(
        jdbc,
        "in 2025",
        "select 'started', count(*) from report_pathway where start_date >= '2025-01-01'");
    System.out.println();
  }

  private static void print(JdbcClient jdbc, String what, String sql) {
    var parts = new StringBuilder();
    jdbc.sql(sql)
        .query(
            rs -> {
              parts.append(parts.isEmpty() ? "" : ", ");
              parts.append("%s %,d".formatted(rs.getString(1), rs.getLong(2)));
            });
    System.out.printf("%s: %s%n", what, parts);
  }

  /**
   * The first call, then the median and 95th percentile of 20 rounds after 3 warm-ups (10 after one
   * when the first took over 2 s; 3 after none for the direct path's slow questions, which are
   * there for comparison).
   */
  private static void measure(String what, String path, Supplier<Object> action, boolean few) {
    long t0 = System.nanoTime();
    action.get();
    double first = (System.nanoTime() - t0) / 1e6;
    boolean slow = first > 2_000;
    int warmUp = slow ? (few ? 0 : 1) : 3;
    int rounds = slow ? (few ? 3 : 10) : (few ? 10 : 20);
    for (int i = 0; i < warmUp; i++) {
      action.get();
    }
    var millis = new double[rounds];
    Object result = null;
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      result = action.get();
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(millis);
    System.out.printf(
        "| %s | %s | %.0f ms | %.0f ms | %.0f ms | %d | %s |%n",
        what,
        path,
        first,
        millis[rounds / 2],
        millis[(int) Math.ceil(rounds * 0.95) - 1],
        rounds,
        summary(result));
  }

  private static String summary(Object result) {
    if (result instanceof IndicatorReport report) {
      var of4 =
          report.intervals().stream()
              .filter(i -> i.indicator().equals("OF4") && i.treatment() == null)
              .findFirst();
      return "started %s, OF4 measured %s (%s %% within)"
          .formatted(
              report.activity().started().display(3),
              of4.map(i -> i.measured().display(3)).orElse("–"),
              of4.map(IndicatorReport.Interval::sharePercent).orElse(null));
    }
    return String.valueOf(result);
  }

  private static Object get(HttpClient http, int port, String path) {
    try {
      var basic = Base64.getEncoder().encodeToString("lise:demo".getBytes(StandardCharsets.UTF_8));
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Authorization", "Basic " + basic)
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
      return "%,d bytes of JSON".formatted(response.body().length);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private IndicatorLoadRun() {}
}

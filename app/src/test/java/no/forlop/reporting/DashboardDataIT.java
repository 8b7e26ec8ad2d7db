package no.forlop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.audit.AuditLog;
import no.forlop.catalog.CatalogueService;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.RegisterCode;
import no.forlop.reporting.Drilldown.Figure;
import no.forlop.reporting.Drilldown.Outcome;
import no.forlop.reporting.Drilldown.Request;
import no.forlop.reporting.IndicatorReport.Interval;
import no.forlop.reporting.export.CsvTables;
import no.forlop.reporting.export.IndicatorTables;
import no.forlop.reporting.export.Labels;
import no.forlop.reporting.export.XlsxTables;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * The dashboard's charts, the lists behind its numbers and its tables, on small hand-computed data
 * sets, each test in an organisation of its own. Today is 2024-12-31. Colorectal (A12) norms,
 * calendar days: OF1 9, OF4 35 surgical and drug.
 */
class DashboardDataIT extends ApplicationTest {

  private static final LocalDate FROM = LocalDate.parse("2024-01-01");
  private static final LocalDate TO = LocalDate.parse("2024-12-31");

  @Autowired PathwayService pathways;
  @Autowired Indicators indicators;
  @Autowired Charts charts;
  @Autowired Drilldowns drilldowns;
  @Autowired AuditLog audit;
  @Autowired CatalogueService catalogues;
  @Autowired MessageSource messages;

  private String unit;
  private Actor reader;
  private final Actor stranger = new Actor("nina", "STATISTICS", Set.of("910000020"));

  @BeforeEach
  void ownUnit() {
    unit = no.forlop.testing.TestUnits.next();
    reader = new Actor("lise", "STATISTICS", Set.of(unit));
  }

  private PathwayId pathway(String patient, String pathway, String organisation, String... codes) {
    return pathway(reader, patient, pathway, organisation, codes);
  }

  private PathwayId pathway(
      Actor creator, String patient, String pathway, String organisation, String... codes) {
    var id = pathways.create(CreatePathway.of(patient, pathway, organisation, null), creator).id();
    for (var entry : codes) {
      var parts = entry.split(" ");
      var result =
          pathways.register(id, RegisterCode.manual(parts[0], LocalDate.parse(parts[1])), creator);
      assertThat(result).as(entry).isInstanceOf(ChangeResult.Changed.class);
    }
    return id;
  }

  private PathwayId colorectal(String... codes) {
    return pathway(TestPatients.next(), "colorectal", unit, codes);
  }

  private IndicatorQuery year() {
    return IndicatorQuery.period(FROM, TO).withOrganisations(Set.of(unit));
  }

  /**
   * OF4 in April: 35 days surgical (within), 36 surgical (breached), 35 drug (within); in May: 19
   * days surgical (within).
   */
  private PathwayId[] fourTreated() {
    return new PathwayId[] {
      colorectal("A12A 2024-03-01", "A12S 2024-03-05", "A12CK 2024-03-15", "A12FK 2024-04-05"),
      colorectal("A12A 2024-03-01", "A12S 2024-03-05", "A12CK 2024-03-15", "A12FK 2024-04-06"),
      colorectal("A12A 2024-03-01", "A12S 2024-03-05", "A12CK 2024-03-15", "A12FM 2024-04-05"),
      colorectal("A12A 2024-05-01", "A12S 2024-05-02", "A12CK 2024-05-10", "A12FK 2024-05-20")
    };
  }

  // ------------------------------------------------------------------------------- charts

  @Test
  void the_share_per_month_lists_every_month_with_the_target_line() {
    fourTreated();
    var share = charts.shareByMonth(year(), reader, "OF4");
    assertThat(share.targetPercent()).isEqualTo(70);
    assertThat(share.months()).hasSize(12);
    var april = share.months().get(3);
    assertThat(april.month()).isEqualTo(YearMonth.of(2024, 4));
    assertThat(april.within()).isEqualTo(2);
    assertThat(april.withNorm()).isEqualTo(3);
    assertThat(april.sharePercent()).isEqualTo(66.7);
    assertThat(share.months().get(4).sharePercent()).isEqualTo(100.0);
    // nothing judged in January: no share, not 0 %
    assertThat(share.months().get(0).withNorm()).isZero();
    assertThat(share.months().get(0).sharePercent()).isNull();
    // the months agree with the indicator over the whole period: 3 of 4
    var of4 = interval(indicators.compute(year(), reader, false), "OF4");
    assertThat(share.months().stream().mapToLong(Charts.Month::within).sum())
        .isEqualTo(of4.within().value());
    // an indicator without a target has no line
    assertThat(charts.shareByMonth(year(), reader, "OF1").targetPercent()).isNull();
  }

  @Test
  void a_period_inside_a_month_has_just_that_month() {
    fourTreated();
    var share =
        charts.shareByMonth(
            new IndicatorQuery(
                LocalDate.parse("2024-04-06"),
                LocalDate.parse("2024-04-30"),
                null,
                Set.of(unit),
                null,
                null),
            reader,
            "OF4");
    assertThat(share.months())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.within()).isZero();
              assertThat(m.withNorm()).isEqualTo(1);
              assertThat(m.sharePercent()).isEqualTo(0.0);
            });
  }

  @Test
  void the_distribution_puts_days_in_weeks_and_everything_from_84_days_in_the_last_bar() {
    fourTreated();
    var of4 = charts.distribution(year(), reader, "OF4");
    assertThat(of4).hasSize(13);
    // 35, 35 (within) and 36 (breached) days: the bar 35–41
    assertThat(of4.get(5).fromDays()).isEqualTo(35);
    assertThat(of4.get(5).toDays()).isEqualTo(41);
    assertThat(of4.get(5).within()).isEqualTo(2);
    assertThat(of4.get(5).breached()).isEqualTo(1);
    // 19 days: 14–20
    assertThat(of4.get(2).within()).isEqualTo(1);
    assertThat(of4.stream().mapToLong(Charts.Bin::total).sum()).isEqualTo(4);

    // OF1 (norm 9): 6 days in the first bar, 7 in the second, 91 in the last (open) one
    colorectal("A12A 2024-06-01", "A12S 2024-06-07");
    colorectal("A12A 2024-06-01", "A12S 2024-06-08");
    colorectal("A12A 2024-01-01", "A12S 2024-04-01");
    var of1 = charts.distribution(year(), reader, "OF1");
    // 6 days, and the four above (4, 4, 4 and 1 day)
    assertThat(of1.get(0).within()).isEqualTo(5);
    assertThat(of1.get(1).within()).isEqualTo(1);
    assertThat(of1.get(12).fromDays()).isEqualTo(84);
    assertThat(of1.get(12).toDays()).isNull();
    assertThat(of1.get(12).breached()).isEqualTo(1);
    assertThat(IndicatorTables.binLabel(of1.get(12))).isEqualTo("84+");
    assertThat(IndicatorTables.binLabel(of1.get(0))).isEqualTo("0–6");
  }

  @Test
  void breaches_by_pathway_and_unit_count_breached_of_those_with_a_norm() {
    fourTreated();
    var second = no.forlop.testing.TestUnits.next();
    var both = new Actor("lise", "STATISTICS", Set.of(unit, second));
    // the second unit: two breaches of two (OF4 40 and 50 days)
    for (var treated : List.of("2024-04-10", "2024-04-20")) {
      pathway(
          both,
          TestPatients.next(),
          "colorectal",
          second,
          "A12A 2024-03-01",
          "A12S 2024-03-05",
          "A12CK 2024-03-15",
          "A12FK " + treated);
    }
    // prostate has no verified norm: measured, never judged, so not in the chart
    pathway(
        TestPatients.next(),
        "prostate",
        unit,
        "A16A 2024-03-01",
        "A16S 2024-03-05",
        "A16CK 2024-03-15",
        "A16FK 2024-04-01");
    var query = IndicatorQuery.period(FROM, TO).withOrganisations(Set.of(unit, second));

    var byUnit = charts.breachesByUnit(query, both, "OF4");
    assertThat(byUnit).extracting(Charts.Group::id).containsExactly(second, unit);
    assertThat(byUnit.get(0).breached()).isEqualTo(2);
    assertThat(byUnit.get(0).breachedPercent()).isEqualTo(100.0);
    assertThat(byUnit.get(1).breached()).isEqualTo(1);
    assertThat(byUnit.get(1).withNorm()).isEqualTo(4);
    assertThat(byUnit.get(1).breachedPercent()).isEqualTo(25.0);

    var byPathway = charts.breachesByPathway(query, both, "OF4");
    assertThat(byPathway)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.id()).isEqualTo("colorectal");
              assertThat(g.breached()).isEqualTo(3);
              assertThat(g.withNorm()).isEqualTo(6);
            });
    // the unit filter narrows to one unit
    assertThat(charts.breachesByUnit(query.withOrganisations(Set.of(unit)), both, "OF4"))
        .extracting(Charts.Group::id)
        .containsExactly(unit);
  }

  @Test
  void a_reader_of_another_unit_sees_nothing_in_the_charts() {
    fourTreated();
    var all = charts.all(year(), stranger, "OF4");
    assertThat(all.months().months()).allMatch(m -> m.withNorm() == 0);
    assertThat(all.distribution()).allMatch(b -> b.total() == 0);
    assertThat(all.byPathway()).isEmpty();
    assertThat(all.byUnit()).isEmpty();
  }

  // ------------------------------------------------------------------------------- drill-down

  @Test
  void the_list_behind_a_breach_is_the_breached_pathway() {
    var ids = fourTreated();
    var breached = drilldowns.list(year(), Request.interval("OF4", null, Outcome.BREACHED), reader);
    assertThat(breached.total()).isEqualTo(1);
    assertThat(breached.truncated()).isFalse();
    var row = breached.rows().get(0);
    assertThat(row.pathwayId()).isEqualTo(ids[1].value());
    assertThat(row.days()).isEqualTo(36);
    assertThat(row.standardDays()).isEqualTo(35);
    assertThat(row.status()).isEqualTo("BREACHED");
    assertThat(row.date()).isEqualTo(LocalDate.parse("2024-04-06"));
    assertThat(row.treatment()).isEqualTo("SURGICAL");
    // the patient masked, never the whole number
    assertThat(row.patientMasked()).endsWith("*****").hasSize(11);

    var drug = drilldowns.list(year(), Request.interval("OF4", "DRUG", Outcome.MEASURED), reader);
    assertThat(drug.rows()).extracting(r -> new PathwayId(r.pathwayId())).containsExactly(ids[2]);
    var within = drilldowns.list(year(), Request.interval("OF4", null, Outcome.WITHIN), reader);
    assertThat(within.rows())
        .extracting(r -> new PathwayId(r.pathwayId()))
        .containsExactlyInAnyOrder(ids[0], ids[2], ids[3]);
  }

  @Test
  void every_list_has_as_many_rows_as_its_number_counts() {
    fourTreated();
    colorectal("A12A 2024-12-01", "A12S 2024-12-05"); // in work-up
    colorectal("A12A 2024-06-01", "A12O 2024-06-10"); // transferred
    colorectal("A12A 2024-02-01", "A12S 2024-02-02", "A12X 2024-02-20"); // closed
    colorectal("A12A 2024-12-20"); // OF1 overdue on 2024-12-31
    var report = indicators.compute(year(), reader, false);
    var activity = report.activity();
    var expected =
        Map.of(
            Figure.STARTED, activity.started().value(),
            Figure.IN_WORK_UP, activity.inWorkUp().value(),
            Figure.DECIDED, activity.decided().value(),
            Figure.TREATED, activity.treated().value(),
            Figure.CLOSED, activity.closed().value(),
            Figure.TRANSFERRED, activity.transferred().value());
    assertThat(activity.started().value()).isEqualTo(8);
    expected.forEach(
        (figure, count) ->
            assertThat(drilldowns.list(year(), Request.of(figure), reader).total())
                .as(figure.name())
                .isEqualTo(count));
    for (var i : report.intervals()) {
      assertThat(total(i, Outcome.MEASURED)).isEqualTo(i.measured().value());
      assertThat(total(i, Outcome.WITH_NORM)).isEqualTo(i.withNorm().value());
      assertThat(total(i, Outcome.WITHIN)).isEqualTo(i.within().value());
      assertThat(total(i, Outcome.BREACHED)).isEqualTo(i.breached().value());
      assertThat(total(i, Outcome.WITHOUT_NORM)).isEqualTo(i.withoutNorm().value());
      assertThat(total(i, Outcome.OVERDUE_NOW)).isEqualTo(i.overdueNow().value());
    }
  }

  private long total(Interval i, Outcome outcome) {
    return drilldowns
        .list(year(), Request.interval(i.indicator(), i.treatment(), outcome), reader)
        .total();
  }

  @Test
  void an_interval_past_its_due_date_is_listed_with_the_due_date() {
    var late = colorectal("A12A 2024-12-21"); // OF1 due 2024-12-30
    colorectal("A12A 2024-12-22"); // due 2024-12-31: not overdue yet
    var overdue =
        drilldowns.list(year(), Request.interval("OF1", null, Outcome.OVERDUE_NOW), reader);
    assertThat(overdue.rows())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.pathwayId()).isEqualTo(late.value());
              assertThat(r.status()).isEqualTo("OVERDUE");
              assertThat(r.date()).isEqualTo(LocalDate.parse("2024-12-30"));
            });
  }

  @Test
  void the_started_list_keeps_to_the_period_on_both_sides() {
    var first = colorectal("A12A 2024-02-01");
    var last = colorectal("A12A 2024-02-29");
    colorectal("A12A 2024-01-31");
    colorectal("A12A 2024-03-01");
    var february =
        IndicatorQuery.period(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-02-29"))
            .withOrganisations(Set.of(unit));
    var list = drilldowns.list(february, Request.of(Figure.STARTED), reader);
    assertThat(list.rows())
        .extracting(r -> new PathwayId(r.pathwayId()))
        .containsExactly(last, first);
  }

  @Test
  void a_reader_of_another_unit_gets_an_empty_list() {
    fourTreated();
    var list = drilldowns.list(year(), Request.interval("OF4", null, Outcome.MEASURED), stranger);
    assertThat(list.rows()).isEmpty();
    assertThat(list.total()).isZero();
    assertThat(drilldowns.list(year(), Request.of(Figure.STARTED), stranger).total()).isZero();
  }

  @Test
  void a_long_list_is_cut_and_says_how_many_there_were() {
    fourTreated();
    var list = drilldowns.list(year(), Request.of(Figure.STARTED), reader, 3);
    assertThat(list.rows()).hasSize(3);
    assertThat(list.total()).isEqualTo(4);
    assertThat(list.truncated()).isTrue();
    assertThat(drilldowns.list(year(), Request.of(Figure.STARTED), reader, 4).truncated())
        .isFalse();
  }

  @Test
  void reading_a_list_is_written_to_the_audit_log() {
    var patient = TestPatients.next();
    pathway(patient, "colorectal", unit, "A12A 2024-03-01");
    drilldowns.list(year(), Request.of(Figure.STARTED), reader);
    assertThat(audit.forPatient(patient))
        .anyMatch(e -> e.actor().equals("lise") && e.resource().equals("statistics drill-down"));
  }

  // ------------------------------------------------------------------------------- exports

  private Labels norwegian() {
    return new Labels(
        Locale.forLanguageTag("nb"), messages, catalogues.current(), Map.of(unit, "Testenheten"));
  }

  @Test
  void the_csv_export_is_suppressed_and_says_what_it_shows() {
    colorectal("A12A 2024-03-01", "A12S 2024-03-05");
    colorectal("A12A 2024-03-01", "A12S 2024-03-06");
    var report = indicators.compute(year(), reader, true);
    var tables = IndicatorTables.of(report, charts.all(year(), reader, "OF1"), norwegian());
    var bytes = CsvTables.write(tables);
    assertThat(bytes[0]).isEqualTo((byte) 0xEF);
    assertThat(bytes[1]).isEqualTo((byte) 0xBB);
    assertThat(bytes[2]).isEqualTo((byte) 0xBF);
    var text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    assertThat(text).contains("\r\n").doesNotContain("\n\n");
    var lines = List.of(text.split("\r\n"));
    assertThat(lines).contains("Periode;2024-01-01 – 2024-12-31", "Enhet;Testenheten");
    // two started: a small number outside the unit; zero is shown
    assertThat(lines).contains("Startet;<3", "Behandling startet;0");
    // the chart tables too: the distribution's 4 and 5 days, each a single interval
    assertThat(lines).contains("0–6;<3;0;0;<3");
    assertThat(text).doesNotContain(";2;");
  }

  @Test
  void the_excel_export_has_a_sheet_per_table_with_numbers_as_numbers() throws Exception {
    fourTreated();
    var report = indicators.compute(year(), reader, true);
    var tables = IndicatorTables.of(report, charts.all(year(), reader, "OF4"), norwegian());
    var bytes = XlsxTables.write(tables);
    try (var book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      assertThat(book.getNumberOfSheets()).isEqualTo(9);
      var activity = book.getSheet("Aktivitet");
      assertThat(activity.getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("Statistikk for standardiserte pasientforløp");
      assertThat(activity.getRow(2).getCell(1).getStringCellValue())
          .isEqualTo("2024-01-01 – 2024-12-31");
      var header = findRow(activity, "Tall");
      var started = activity.getRow(header + 1);
      assertThat(started.getCell(0).getStringCellValue()).isEqualTo("Startet");
      assertThat(started.getCell(1).getNumericCellValue()).isEqualTo(4.0);
      var intervals = book.getSheet("Forløpstider");
      var of4 = findRow(intervals, "OF4:");
      // OF4 all types: 75 % within, as a number with a decimal comma in the text table
      var shareColumn = 9;
      assertThat(intervals.getRow(of4).getCell(shareColumn).getNumericCellValue()).isEqualTo(75.0);
    }
    assertThat(tables.only(IndicatorTables.ACTIVITY).tables()).hasSize(1);
  }

  private static int findRow(org.apache.poi.ss.usermodel.Sheet sheet, String prefix) {
    for (var row : sheet) {
      var cell = row.getCell(0);
      if (cell != null
          && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
          && cell.getStringCellValue().startsWith(prefix)) {
        return row.getRowNum();
      }
    }
    throw new AssertionError("no row " + prefix);
  }

  private static Interval interval(IndicatorReport report, String indicator) {
    return report.intervals().stream()
        .filter(i -> i.indicator().equals(indicator) && i.treatment() == null)
        .findFirst()
        .orElseThrow();
  }
}

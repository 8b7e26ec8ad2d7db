package no.forlop.reporting.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.forlop.access.Actor;
import no.forlop.access.Unit;
import no.forlop.access.Users;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.IndicatorDefinition;
import no.forlop.patient.PatientIdentifier.Sex;
import no.forlop.reporting.AgeBand;
import no.forlop.reporting.Burdens;
import no.forlop.reporting.Charts;
import no.forlop.reporting.Drilldown;
import no.forlop.reporting.Drilldown.Figure;
import no.forlop.reporting.Drilldown.Outcome;
import no.forlop.reporting.Drilldowns;
import no.forlop.reporting.IndicatorReport;
import no.forlop.reporting.IndicatorReport.Count;
import no.forlop.reporting.Indicators;
import no.forlop.reporting.ReferralQualities;
import no.forlop.reporting.export.IndicatorTables;
import no.forlop.reporting.export.Labels;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statistics dashboard for leaders and analysts (docs/indicators.md): filters in the URL, the
 * indicator table with every count opening the list behind it, the charts, and the exports. The
 * page stays within the reader's units, so its numbers are not suppressed; the exports leave the
 * unit and are.
 */
@Controller
class DashboardController {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Indicators indicators;
  private final Charts charts;
  private final Drilldowns drilldowns;
  private final CatalogueService catalogues;
  private final Users users;
  private final MessageSource messages;
  private final Clock clock;
  private final Burdens burdens;
  private final TableFiles files;
  private final ReferralQualities referralQualities;

  DashboardController(
      Indicators indicators,
      Charts charts,
      Drilldowns drilldowns,
      CatalogueService catalogues,
      Users users,
      MessageSource messages,
      Clock clock,
      Burdens burdens,
      TableFiles files,
      ReferralQualities referralQualities) {
    this.referralQualities = referralQualities;
    this.burdens = burdens;
    this.files = files;
    this.indicators = indicators;
    this.charts = charts;
    this.drilldowns = drilldowns;
    this.catalogues = catalogues;
    this.users = users;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/dashboard")
  String dashboard(
      @ModelAttribute("query") DashboardFilters.Params params, Actor actor, Model model) {
    var filters = filters(params);
    var report = indicators.compute(filters.query(), actor, false);
    var chartData = charts.all(filters.query(), actor, filters.indicator());
    var labels = labels();
    var links = new DashboardLinks(filters);
    common(model, filters, actor, labels);
    model.addAttribute("report", report);
    model.addAttribute(
        "mentalHealthBurden",
        burdens.byUnitAndMonth(filters.query(), Burdens.Group.MENTAL_HEALTH, actor, false));
    model.addAttribute("charts", chartData);
    model.addAttribute("links", links);
    model.addAttribute("chartTables", IndicatorTables.charts(chartData, 0, labels));
    model.addAttribute("chartJson", chartJson(chartData, filters, links, labels));
    model.addAttribute("suppressBelow", indicators.suppressBelow());
    model.addAttribute("outcomes", Outcome.values());
    model.addAttribute("outcomeCounts", outcomeCounts(report));
    model.addAttribute("activityRows", activityRows(report));
    model.addAttribute("qualityRows", qualityRows(report));
    // about practices outside the unit: suppressed on the page too (ADR 0044)
    model.addAttribute("referralQuality", referralQualities.rows(filters.query(), actor));
    model.addAttribute("referralQualitySuppressBelow", referralQualities.suppressBelow());
    return "reporting/dashboard";
  }

  @GetMapping("/dashboard/pathways")
  String pathways(
      @ModelAttribute("query") DashboardFilters.Params params,
      @RequestParam(required = false) @Nullable String figure,
      @RequestParam(required = false) @Nullable String interval,
      @RequestParam(required = false) @Nullable String treatment,
      @RequestParam(required = false) @Nullable String outcome,
      Actor actor,
      Model model) {
    var filters = filters(params);
    var labels = labels();
    common(model, filters, actor, labels);
    var wanted = Figure.parse(figure);
    var indicatorIds = indicatorIds();
    if (wanted == null
        || (wanted == Figure.INTERVAL && (interval == null || !indicatorIds.contains(interval)))) {
      model.addAttribute("unknown", true);
      return "reporting/drilldown";
    }
    var request =
        wanted == Figure.INTERVAL
            ? Drilldown.Request.interval(
                interval,
                treatment == null || treatment.isBlank() ? null : treatment,
                Outcome.parse(outcome))
            : Drilldown.Request.of(wanted);
    model.addAttribute("unknown", false);
    model.addAttribute("figureKey", figureKey(wanted));
    model.addAttribute("request", request);
    model.addAttribute("list", drilldowns.list(filters.query(), request, actor));
    model.addAttribute("back", filters.link("/dashboard", Map.of()));
    return "reporting/drilldown";
  }

  @GetMapping("/dashboard/export.{format}")
  ResponseEntity<byte[]> export(
      @PathVariable String format,
      @ModelAttribute("query") DashboardFilters.Params params,
      @RequestParam(required = false) @Nullable String table,
      Actor actor) {
    var kind = TableFiles.Format.of(format);
    if (kind.isEmpty()) {
      return ResponseEntity.notFound().build();
    }
    var tables = tables(filters(params), table, actor);
    return TableFiles.file(tables, kind.get(), fileName(table));
  }

  /** The message naming a figure: its row in the activity or the data-quality table. */
  private static String figureKey(Figure figure) {
    return switch (figure) {
      case STARTED, IN_WORK_UP, DECIDED, TREATED, CLOSED, TRANSFERRED ->
          "reporting.activity." + figure;
      case INTERVAL -> "reporting.intervals";
      case OUT_OF_ORDER, MISSING_START, MISSING_FIRST_ATTENDANCE, WITH_PROPOSALS, DISAGREEMENTS ->
          "reporting.quality." + figure;
    };
  }

  private static Map<IndicatorReport.Interval, Map<Outcome, Count>> outcomeCounts(
      IndicatorReport report) {
    var counts = new LinkedHashMap<IndicatorReport.Interval, Map<Outcome, Count>>();
    for (var i : report.intervals()) {
      var row = new java.util.EnumMap<Outcome, Count>(Outcome.class);
      row.put(Outcome.MEASURED, i.measured());
      row.put(Outcome.WITH_NORM, i.withNorm());
      row.put(Outcome.WITHIN, i.within());
      row.put(Outcome.BREACHED, i.breached());
      row.put(Outcome.WITHOUT_NORM, i.withoutNorm());
      row.put(Outcome.BREACHED_PATIENT_DELAYED, i.breachedPatientDelayed());
      row.put(Outcome.OVERDUE_NOW, i.overdueNow());
      counts.put(i, row);
    }
    return counts;
  }

  private static Map<String, Count> activityRows(IndicatorReport report) {
    var a = report.activity();
    var rows = new LinkedHashMap<String, Count>();
    rows.put(Figure.STARTED.name(), a.started());
    rows.put(Figure.IN_WORK_UP.name(), a.inWorkUp());
    rows.put(Figure.DECIDED.name(), a.decided());
    rows.put(Figure.TREATED.name(), a.treated());
    rows.put(Figure.CLOSED.name(), a.closed());
    rows.put(Figure.TRANSFERRED.name(), a.transferred());
    return rows;
  }

  private static Map<String, Count> qualityRows(IndicatorReport report) {
    var q = report.quality();
    var rows = new LinkedHashMap<String, Count>();
    rows.put(Figure.OUT_OF_ORDER.name(), q.outOfOrder());
    rows.put(Figure.MISSING_START.name(), q.missingStart());
    rows.put(Figure.MISSING_FIRST_ATTENDANCE.name(), q.missingFirstAttendance());
    rows.put(Figure.WITH_PROPOSALS.name(), q.withProposals());
    rows.put("PROPOSALS", q.proposals());
    rows.put(Figure.DISAGREEMENTS.name(), q.disagreements());
    return rows;
  }

  /** The tables as they leave the unit: small numbers suppressed. */
  private no.forlop.reporting.export.Tables tables(
      DashboardFilters filters, @Nullable String table, Actor actor) {
    var report = indicators.compute(filters.query(), actor, true);
    var chartData = charts.all(filters.query(), actor, filters.indicator());
    var labels = labels();
    var indicatorTables = IndicatorTables.of(report, chartData, labels);
    var withReferrals = new java.util.ArrayList<>(indicatorTables.tables());
    withReferrals.add(
        IndicatorTables.referralQuality(
            referralQualities.rows(filters.query(), actor),
            referralQualities.suppressBelow(),
            labels));
    var all =
        new no.forlop.reporting.export.Tables(
            indicatorTables.title(), indicatorTables.filters(), withReferrals);
    if (table == null || table.isBlank()) {
      return all;
    }
    var id = table.strip().toLowerCase(java.util.Locale.ROOT);
    if (all.tables().stream().noneMatch(t -> t.id().equals(id))) {
      // an unknown table is a bad link, not a file with every table (issue 16)
      throw new org.springframework.web.server.ResponseStatusException(
          org.springframework.http.HttpStatus.BAD_REQUEST, "unknown table");
    }
    return all.only(id);
  }

  private static String fileName(@Nullable String table) {
    var safe =
        table == null || table.isBlank()
            ? ""
            : "-" + table.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z-]", "");
    return "forlop-statistikk" + safe;
  }

  private DashboardFilters filters(DashboardFilters.Params params) {
    return DashboardFilters.parse(OsloTime.today(clock), params, indicatorIds());
  }

  private java.util.Set<String> indicatorIds() {
    return catalogues.current().document().indicators().stream()
        .map(IndicatorDefinition::id)
        .collect(Collectors.toSet());
  }

  private void common(Model model, DashboardFilters filters, Actor actor, Labels labels) {
    var catalogue = catalogues.current();
    model.addAttribute("filters", filters);
    model.addAttribute("labels", labels);
    model.addAttribute(
        "pathways",
        catalogue.pathways().stream()
            .filter(p -> p.validTo().value() == null)
            .sorted(Comparator.comparing(p -> labels.pathway(p.id())))
            .toList());
    model.addAttribute("indicators", catalogue.document().indicators());
    model.addAttribute("units", myUnits(actor));
    model.addAttribute("ageBands", AgeBand.values());
    model.addAttribute("sexes", Sex.values());
  }

  private List<Unit> myUnits(Actor actor) {
    return users.units().stream().filter(u -> actor.mayAccess(u.id())).toList();
  }

  private Labels labels() {
    return files.labels();
  }

  /** The charts' data and words for the page's script, safe to put inside a script element. */
  private static String chartJson(
      Charts.All data, DashboardFilters filters, DashboardLinks links, Labels labels) {
    var json = new LinkedHashMap<String, Object>();
    var indicator = labels.indicator(data.indicator());
    var words = new HashMap<String, String>();
    for (var key :
        List.of(
            "share",
            "target",
            "within",
            "breached",
            "withoutNorm",
            "withNorm",
            "days",
            "intervals",
            "savePng",
            "saveSvg",
            "empty")) {
      words.put(key, labels.text("reporting.chart.word." + key));
    }
    json.put("words", words);

    var months = new LinkedHashMap<String, Object>();
    var monthRows = data.months().months();
    months.put("title", labels.text("reporting.chart.months", indicator));
    months.put("categories", monthRows.stream().map(m -> m.month().toString()).toList());
    months.put("share", monthRows.stream().map(Charts.Month::sharePercent).toList());
    months.put("within", monthRows.stream().map(Charts.Month::within).toList());
    months.put("withNorm", monthRows.stream().map(Charts.Month::withNorm).toList());
    months.put("target", data.months().targetPercent());
    months.put("links", monthRows.stream().map(m -> links.month(m.month())).toList());
    json.put("months", months);

    var bins = new LinkedHashMap<String, Object>();
    bins.put("title", labels.text("reporting.chart.distribution", indicator));
    bins.put("categories", data.distribution().stream().map(IndicatorTables::binLabel).toList());
    bins.put("within", data.distribution().stream().map(Charts.Bin::within).toList());
    bins.put("breached", data.distribution().stream().map(Charts.Bin::breached).toList());
    bins.put("withoutNorm", data.distribution().stream().map(Charts.Bin::withoutNorm).toList());
    json.put("distribution", bins);

    json.put(
        "byPathway",
        groups(
            labels.text("reporting.chart.byPathway", indicator),
            data.byPathway(),
            labels::pathway,
            id -> links.breachedIn("pathway", id)));
    json.put(
        "byUnit",
        groups(
            labels.text("reporting.chart.byUnit", indicator),
            data.byUnit(),
            labels::unit,
            id -> links.breachedIn("unit", id)));
    var text = JSON.writeValueAsString(json);
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
  }

  private static Map<String, Object> groups(
      String title,
      List<Charts.Group> groups,
      java.util.function.Function<String, String> name,
      java.util.function.Function<String, String> link) {
    var chart = new LinkedHashMap<String, Object>();
    chart.put("title", title);
    chart.put("categories", groups.stream().map(g -> name.apply(g.id())).toList());
    chart.put("breached", groups.stream().map(Charts.Group::breached).toList());
    chart.put("within", groups.stream().map(g -> g.withNorm() - g.breached()).toList());
    chart.put("links", groups.stream().map(g -> link.apply(g.id())).toList());
    return chart;
  }

  /** The links of the page: the list behind a number, an export. */
  static final class DashboardLinks {

    private final DashboardFilters filters;

    DashboardLinks(DashboardFilters filters) {
      this.filters = filters;
    }

    public String figure(String figure) {
      return filters.link("/dashboard/pathways", Map.of("figure", figure));
    }

    public String interval(String indicator, @Nullable String treatment, String outcome) {
      var extra = new LinkedHashMap<String, @Nullable String>();
      extra.put("figure", Figure.INTERVAL.name());
      extra.put("interval", indicator);
      extra.put("treatment", treatment);
      extra.put("outcome", outcome);
      return filters.link("/dashboard/pathways", extra);
    }

    /** The intervals judged in one month of the period (the month's days within the period). */
    public String month(YearMonth month) {
      var from = month.atDay(1).isBefore(filters.from()) ? filters.from() : month.atDay(1);
      var to = month.atEndOfMonth().isAfter(filters.to()) ? filters.to() : month.atEndOfMonth();
      var extra = new LinkedHashMap<String, @Nullable String>();
      extra.put("from", from.toString());
      extra.put("to", to.toString());
      extra.put("figure", Figure.INTERVAL.name());
      extra.put("interval", filters.indicator());
      extra.put("outcome", Outcome.WITH_NORM.name());
      return filters.link("/dashboard/pathways", extra);
    }

    /** The breaches of the charts' indicator in one pathway or unit. */
    public String breachedIn(String parameter, String id) {
      var extra = new LinkedHashMap<String, @Nullable String>();
      extra.put(parameter, id);
      extra.put("figure", Figure.INTERVAL.name());
      extra.put("interval", filters.indicator());
      extra.put("outcome", Outcome.BREACHED.name());
      return filters.link("/dashboard/pathways", extra);
    }

    public String export(String format, @Nullable String table) {
      var extra = new LinkedHashMap<String, @Nullable String>();
      extra.put("table", table);
      return filters.link("/dashboard/export." + format, extra);
    }

    /** The same view in the other chart indicator. */
    public String dashboard() {
      return filters.link("/dashboard", Map.of());
    }
  }
}

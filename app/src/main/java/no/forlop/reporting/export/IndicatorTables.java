package no.forlop.reporting.export;

import java.util.ArrayList;
import java.util.List;
import no.forlop.reporting.Charts;
import no.forlop.reporting.IndicatorReport;
import no.forlop.reporting.IndicatorReport.Count;
import org.jspecify.annotations.Nullable;

/**
 * The indicators (and the charts' figures) as tables in the reader's language: the same tables the
 * dashboard shows, for the exports and the command line. Counts are shown as the report has them (a
 * report computed to leave the unit has them suppressed); the chart figures are suppressed here
 * with the report's limit.
 */
public final class IndicatorTables {

  public static final String ACTIVITY = "activity";
  public static final String INTERVALS = "intervals";
  public static final String TARGETS = "targets";
  public static final String BURDEN = "burden";
  public static final String QUALITY = "quality";
  public static final String MONTHS = "months";
  public static final String DISTRIBUTION = "distribution";
  public static final String BY_PATHWAY = "by-pathway";
  public static final String BY_UNIT = "by-unit";

  private IndicatorTables() {}

  /** Every table: the indicators' and, if given, the charts'. */
  public static Tables of(IndicatorReport report, Charts.@Nullable All charts, Labels labels) {
    var tables = new ArrayList<Table>();
    tables.add(activity(report, labels));
    tables.add(intervals(report, labels));
    tables.add(targets(report, labels));
    tables.add(burden(report, labels));
    tables.add(quality(report, labels));
    if (charts != null) {
      tables.addAll(charts(charts, report.suppressBelow(), labels));
    }
    return new Tables(labels.text("reporting.title"), filters(report, charts, labels), tables);
  }

  /** The filters as label–value lines, then the as-of day and how small numbers are shown. */
  public static List<List<String>> filters(
      IndicatorReport report, Charts.@Nullable All charts, Labels labels) {
    var q = report.query();
    var all = labels.text("reporting.filter.all");
    var lines = new ArrayList<List<String>>();
    lines.add(List.of(labels.text("reporting.filter.period"), q.from() + " – " + q.to()));
    lines.add(
        List.of(
            labels.text("reporting.filter.pathway"),
            q.pathway() == null ? all : labels.pathway(q.pathway())));
    lines.add(
        List.of(
            labels.text("reporting.filter.unit"),
            q.organisations().isEmpty()
                ? labels.text("reporting.filter.allMine")
                : String.join(
                    ", ", q.organisations().stream().sorted().map(labels::unit).toList())));
    lines.add(
        List.of(
            labels.text("reporting.filter.ageBand"),
            q.ageBand() == null ? all : labels.text("reporting.ageBand." + q.ageBand())));
    lines.add(
        List.of(
            labels.text("reporting.filter.sex"),
            q.sex() == null ? all : labels.text("reporting.sex." + q.sex())));
    if (charts != null) {
      lines.add(
          List.of(labels.text("reporting.filter.indicator"), labels.indicator(charts.indicator())));
    }
    lines.add(List.of(labels.text("reporting.asOf"), report.asOf().toString()));
    lines.add(
        List.of(
            labels.text("reporting.suppression"),
            report.suppressBelow() > 0
                ? labels.text("reporting.suppression.on", report.suppressBelow())
                : labels.text("reporting.suppression.off")));
    return lines;
  }

  static Table activity(IndicatorReport report, Labels labels) {
    var a = report.activity();
    int s = report.suppressBelow();
    var rows =
        List.of(
            List.of(labels.text("reporting.activity.STARTED"), a.started().display(s)),
            List.of(labels.text("reporting.activity.IN_WORK_UP"), a.inWorkUp().display(s)),
            List.of(labels.text("reporting.activity.DECIDED"), a.decided().display(s)),
            List.of(labels.text("reporting.activity.TREATED"), a.treated().display(s)),
            List.of(labels.text("reporting.activity.CLOSED"), a.closed().display(s)),
            List.of(labels.text("reporting.activity.TRANSFERRED"), a.transferred().display(s)));
    return new Table(
        ACTIVITY,
        labels.text("reporting.activity"),
        List.of(labels.text("reporting.column.figure"), labels.text("reporting.column.pathways")),
        rows);
  }

  static Table intervals(IndicatorReport report, Labels labels) {
    int s = report.suppressBelow();
    var rows = new ArrayList<List<String>>();
    for (var i : report.intervals()) {
      rows.add(
          List.of(
              labels.indicator(i.indicator()),
              labels.treatment(i.treatment()),
              i.measured().display(s),
              i.withNorm().display(s),
              i.within().display(s),
              i.breached().display(s),
              i.withoutNorm().display(s),
              i.breachedPatientDelayed().display(s),
              i.overdueNow().display(s),
              labels.number(i.sharePercent()),
              labels.number(i.medianDays()),
              labels.number(i.p25Days()),
              labels.number(i.p75Days())));
    }
    return new Table(
        INTERVALS,
        labels.text("reporting.intervals"),
        List.of(
            labels.text("reporting.column.indicator"),
            labels.text("reporting.column.treatment"),
            labels.text("reporting.outcome.MEASURED"),
            labels.text("reporting.outcome.WITH_NORM"),
            labels.text("reporting.outcome.WITHIN"),
            labels.text("reporting.outcome.BREACHED"),
            labels.text("reporting.outcome.WITHOUT_NORM"),
            labels.text("reporting.outcome.BREACHED_PATIENT_DELAYED"),
            labels.text("reporting.outcome.OVERDUE_NOW"),
            labels.text("reporting.column.share"),
            labels.text("reporting.column.median"),
            labels.text("reporting.column.p25"),
            labels.text("reporting.column.p75")),
        rows);
  }

  static Table targets(IndicatorReport report, Labels labels) {
    var rows = new ArrayList<List<String>>();
    for (var t : report.targets()) {
      rows.add(
          List.of(
              labels.indicator(t.indicator()),
              Integer.toString(t.percent()),
              labels.number(t.actualPercent()),
              labels.yesNo(t.met()),
              t.source(),
              labels.yesNo(t.verified()),
              t.note() == null ? "" : t.note()));
    }
    return new Table(
        TARGETS,
        labels.text("reporting.targets"),
        List.of(
            labels.text("reporting.column.indicator"),
            labels.text("reporting.column.target"),
            labels.text("reporting.column.actual"),
            labels.text("reporting.column.met"),
            labels.text("reporting.column.source"),
            labels.text("reporting.column.verified"),
            labels.text("reporting.column.note")),
        rows);
  }

  static Table burden(IndicatorReport report, Labels labels) {
    var b = report.burden();
    int s = report.suppressBelow();
    var rows =
        List.of(
            List.of(
                labels.text("reporting.burden.AUTOMATIC"),
                b.automatic().display(s),
                labels.number(b.automaticPercent())),
            List.of(
                labels.text("reporting.burden.CONFIRMED"),
                b.confirmed().display(s),
                labels.number(b.confirmedPercent())),
            List.of(
                labels.text("reporting.burden.MANUAL"),
                b.manual().display(s),
                labels.number(b.manualPercent())),
            List.of(labels.text("reporting.burden.TOTAL"), b.total().display(s), ""));
    return new Table(
        BURDEN,
        labels.text("reporting.burden"),
        List.of(
            labels.text("reporting.column.origin"),
            labels.text("reporting.column.codes"),
            labels.text("reporting.column.percent")),
        rows);
  }

  static Table quality(IndicatorReport report, Labels labels) {
    var q = report.quality();
    int s = report.suppressBelow();
    var rows =
        List.of(
            List.of(labels.text("reporting.quality.OUT_OF_ORDER"), q.outOfOrder().display(s)),
            List.of(labels.text("reporting.quality.MISSING_START"), q.missingStart().display(s)),
            List.of(
                labels.text("reporting.quality.MISSING_FIRST_ATTENDANCE"),
                q.missingFirstAttendance().display(s)),
            List.of(labels.text("reporting.quality.WITH_PROPOSALS"), q.withProposals().display(s)),
            List.of(labels.text("reporting.quality.PROPOSALS"), q.proposals().display(s)),
            List.of(labels.text("reporting.quality.DISAGREEMENTS"), q.disagreements().display(s)));
    return new Table(
        QUALITY,
        labels.text("reporting.quality"),
        List.of(labels.text("reporting.column.figure"), labels.text("reporting.column.count")),
        rows);
  }

  /** The id of the referral-quality table (ADR 0044). */
  public static final String REFERRAL_QUALITY = "referral-quality";

  /**
   * Referral quality per pathway and referring organisation (ADR 0044), its small numbers
   * suppressed as {@link no.forlop.reporting.ReferralQualities} did.
   */
  public static Table referralQuality(
      List<no.forlop.reporting.ReferralQualities.Row> rows, int suppress, Labels labels) {
    var lines = new ArrayList<List<String>>();
    for (var r : rows) {
      lines.add(
          List.of(
              labels.pathway(r.pathway()),
              r.requester(),
              r.requesterName() == null ? "" : r.requesterName(),
              r.referrals().display(suppress),
              r.complete().display(suppress),
              r.known().display(suppress),
              r.sharePercent() == null ? "" : String.valueOf(r.sharePercent()),
              r.unknown().display(suppress),
              labels.number(r.medianDays()),
              labels.number(r.p90Days())));
    }
    return new Table(
        REFERRAL_QUALITY,
        labels.text("reporting.referralQuality"),
        List.of(
            labels.text("reporting.column.pathway"),
            labels.text("reporting.referralQuality.requester"),
            labels.text("reporting.referralQuality.requesterName"),
            labels.text("reporting.referralQuality.referrals"),
            labels.text("reporting.referralQuality.completeCount"),
            labels.text("reporting.referralQuality.known"),
            labels.text("reporting.referralQuality.sharePercent"),
            labels.text("reporting.referralQuality.unknown"),
            labels.text("reporting.referralQuality.medianDays"),
            labels.text("reporting.referralQuality.p90Days")),
        lines);
  }

  /** The charts' figures, suppressed with the limit given ({@code 0}: not suppressed). */
  public static List<Table> charts(Charts.All charts, int suppress, Labels labels) {
    var months = new ArrayList<List<String>>();
    for (var m : charts.months().months()) {
      boolean small = suppress > 0 && m.withNorm() > 0 && m.withNorm() < suppress;
      months.add(
          List.of(
              m.month().toString(),
              show(m.within(), suppress),
              show(m.withNorm(), suppress),
              small ? "" : labels.number(m.sharePercent()),
              charts.months().targetPercent() == null
                  ? ""
                  : Integer.toString(charts.months().targetPercent())));
    }
    var bins = new ArrayList<List<String>>();
    for (var b : charts.distribution()) {
      bins.add(
          List.of(
              binLabel(b),
              show(b.within(), suppress),
              show(b.breached(), suppress),
              show(b.withoutNorm(), suppress),
              show(b.total(), suppress)));
    }
    var indicator = labels.indicator(charts.indicator());
    return List.of(
        new Table(
            MONTHS,
            labels.text("reporting.chart.months", indicator),
            List.of(
                labels.text("reporting.column.month"),
                labels.text("reporting.outcome.WITHIN"),
                labels.text("reporting.outcome.WITH_NORM"),
                labels.text("reporting.column.share"),
                labels.text("reporting.column.target")),
            months),
        new Table(
            DISTRIBUTION,
            labels.text("reporting.chart.distribution", indicator),
            List.of(
                labels.text("reporting.column.days"),
                labels.text("reporting.outcome.WITHIN"),
                labels.text("reporting.outcome.BREACHED"),
                labels.text("reporting.outcome.WITHOUT_NORM"),
                labels.text("reporting.column.total")),
            bins),
        groups(
            BY_PATHWAY,
            labels.text("reporting.chart.byPathway", indicator),
            labels.text("reporting.column.pathway"),
            charts.byPathway(),
            suppress,
            labels,
            true),
        groups(
            BY_UNIT,
            labels.text("reporting.chart.byUnit", indicator),
            labels.text("reporting.column.unit"),
            charts.byUnit(),
            suppress,
            labels,
            false));
  }

  /** "0–6", "7–13", … "84+". */
  public static String binLabel(Charts.Bin bin) {
    return bin.toDays() == null ? bin.fromDays() + "+" : bin.fromDays() + "–" + bin.toDays();
  }

  private static Table groups(
      String id,
      String title,
      String column,
      List<Charts.Group> groups,
      int suppress,
      Labels labels,
      boolean pathways) {
    var rows = new ArrayList<List<String>>();
    for (var g : groups) {
      boolean small = suppress > 0 && g.withNorm() < suppress;
      rows.add(
          List.of(
              pathways ? labels.pathway(g.id()) : labels.unit(g.id()),
              show(g.breached(), suppress),
              show(g.withNorm(), suppress),
              small ? "" : labels.number(g.breachedPercent())));
    }
    return new Table(
        id,
        title,
        List.of(
            column,
            labels.text("reporting.outcome.BREACHED"),
            labels.text("reporting.outcome.WITH_NORM"),
            labels.text("reporting.column.breachedShare")),
        rows);
  }

  private static String show(long value, int suppress) {
    return Count.of(value, suppress).display(suppress);
  }
}

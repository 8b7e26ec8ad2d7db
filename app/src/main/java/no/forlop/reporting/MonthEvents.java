package no.forlop.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The events the monthly sums count ({@link MonthlyAggregates.Event}) of the rows {@link
 * ReportingProjection} is about to write into {@code report_pathway}, {@code report_code} and
 * {@code report_interval}: the same events {@code MonthlyAggregates.EVENTS} selects from those
 * tables, counted in memory so that a change does not read its own rows back (ADR 0049). The
 * positions are the projection's column order; {@code MonthEventsIT} holds the two ways equal.
 */
final class MonthEvents {

  // report_pathway's row (ReportingProjection.pathwayRow)
  private static final int P_ID = 0;
  private static final int P_ORGANISATION = 2;
  private static final int P_PATHWAY = 3;
  private static final int P_OPEN = 9;
  private static final int P_START = 10;
  private static final int P_DECISION = 12;
  private static final int P_TREATMENT = 14;
  private static final int P_TRANSFERRED = 16;
  private static final int P_ENDED = 17;

  // report_code's row (ReportingProjection.codeRows)
  private static final int C_ORGANISATION = 2;
  private static final int C_PATHWAY = 3;
  private static final int C_DATE = 7;
  private static final int C_STATE = 8;
  private static final int C_ORIGIN = 9;

  // report_interval's row (ReportingProjection.intervalRows)
  private static final int I_PATHWAY_ID = 0;
  private static final int I_ORGANISATION = 1;
  private static final int I_PATHWAY = 2;
  private static final int I_INDICATOR = 3;
  private static final int I_TREATMENT = 4;
  private static final int I_FROM = 5;
  private static final int I_TO = 6;
  private static final int I_DAYS = 7;
  private static final int I_DUE = 10;
  private static final int I_STATUS = 11;
  private static final int I_DELAYED = 13;

  private MonthEvents() {}

  /**
   * @param anchor {@code END} or {@code START}: the day a finished interval counts in ({@link
   *     MonthlyAggregates#anchor()})
   */
  static List<MonthlyAggregates.Event> of(
      List<Object[]> pathways, List<Object[]> codes, List<Object[]> intervals, String anchor) {
    var events = new ArrayList<MonthlyAggregates.Event>();
    var byId = new HashMap<Object, Object[]>();
    for (var p : pathways) {
      byId.put(p[P_ID], p);
      var start = date(p[P_START]);
      var decision = date(p[P_DECISION]);
      var treatment = date(p[P_TREATMENT]);
      var ended = date(p[P_ENDED]);
      var transferred = date(p[P_TRANSFERRED]);
      var left = least(decision, treatment, ended, transferred);
      pathwayEvent(events, p, "STARTED", start);
      pathwayEvent(events, p, "DECIDED", decision);
      pathwayEvent(events, p, "TREATED", treatment);
      pathwayEvent(events, p, "CLOSED", ended);
      pathwayEvent(events, p, "TRANSFERRED", transferred);
      pathwayEvent(
          events,
          p,
          "LEFT_WORK_UP",
          start != null && left != null ? (left.isAfter(start) ? left : start) : null);
    }
    for (var c : codes) {
      if ("REGISTERED".equals(c[C_STATE])) {
        events.add(
            new MonthlyAggregates.Event(
                text(c[C_ORGANISATION]),
                text(c[C_PATHWAY]),
                "CODE",
                "",
                "",
                text(c[C_ORIGIN]),
                false,
                0,
                Objects.requireNonNull(date(c[C_DATE]), "a registered code has a date")));
      }
    }
    for (var i : intervals) {
      var from = date(i[I_FROM]);
      var to = date(i[I_TO]);
      var due = date(i[I_DUE]);
      var treatment = i[I_TREATMENT] == null ? "" : text(i[I_TREATMENT]);
      if (to != null) {
        var days = (Integer) i[I_DAYS];
        events.add(
            new MonthlyAggregates.Event(
                text(i[I_ORGANISATION]),
                text(i[I_PATHWAY]),
                anchor,
                text(i[I_INDICATOR]),
                treatment,
                text(i[I_STATUS]),
                (Boolean) i[I_DELAYED],
                days == null ? MonthlyAggregates.NO_DAYS : days,
                anchor.equals("START") ? Objects.requireNonNull(from, "an interval's start") : to));
      } else if (due != null) {
        var p = byId.get(i[I_PATHWAY_ID]);
        if (p != null && Boolean.TRUE.equals(p[P_OPEN])) {
          var overdue = due.plusDays(1);
          events.add(
              new MonthlyAggregates.Event(
                  text(p[P_ORGANISATION]),
                  text(p[P_PATHWAY]),
                  "OVERDUE",
                  text(i[I_INDICATOR]),
                  treatment,
                  "",
                  false,
                  0,
                  from != null && from.isAfter(overdue) ? from : overdue));
        }
      }
    }
    return events;
  }

  private static void pathwayEvent(
      List<MonthlyAggregates.Event> events, Object[] p, String measure, @Nullable LocalDate day) {
    if (day != null) {
      events.add(
          new MonthlyAggregates.Event(
              text(p[P_ORGANISATION]), text(p[P_PATHWAY]), measure, "", "", "", false, 0, day));
    }
  }

  /** PostgreSQL's {@code least}: the earliest of the dates given, nulls left out. */
  private static @Nullable LocalDate least(@Nullable LocalDate... dates) {
    return Stream.of(dates).filter(Objects::nonNull).min(LocalDate::compareTo).orElse(null);
  }

  private static @Nullable LocalDate date(@Nullable Object value) {
    return (LocalDate) value;
  }

  private static String text(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }
}

package no.forlop.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.audit.AuditLog;
import no.forlop.patient.PatientDirectory;
import no.forlop.patient.PatientIdentifier;
import no.forlop.reporting.Drilldown.Figure;
import no.forlop.reporting.Drilldown.Outcome;
import no.forlop.reporting.Drilldown.Row;
import no.forlop.reporting.ReportingSettings.IntervalPeriod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The list of pathways behind a number of {@link Indicators}: the same filter and the same
 * predicates, so the list has as many rows as the number counts (one per interval for an
 * indicator). Only the reader's units; at most {@link #LIMIT} rows. The list names patients, so
 * reading it is written to the audit log.
 */
@Service
public class Drilldowns {

  public static final int LIMIT = 1000;

  private final JdbcClient jdbc;
  private final ReportingSettings settings;
  private final Indicators indicators;
  private final PatientDirectory directory;
  private final AuditLog audit;

  Drilldowns(
      JdbcClient jdbc,
      ReportingSettings settings,
      Indicators indicators,
      PatientDirectory directory,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.indicators = indicators;
    this.directory = directory;
    this.audit = audit;
  }

  private record Found(String patient, Row row) {}

  /** The pathways behind the number, in the reader's units, at most {@link #LIMIT}. */
  @Transactional
  public Drilldown list(IndicatorQuery query, Drilldown.Request request, Actor reader) {
    return list(query, request, reader, LIMIT);
  }

  @Transactional
  Drilldown list(IndicatorQuery query, Drilldown.Request request, Actor reader, int limit) {
    var filter = Filter.of(query, reader);
    var params =
        new java.util.HashMap<>(filter.with(query.from(), query.to(), indicators.asOf(query)));
    params.put("limit", limit);
    String sql;
    if (request.figure() == Figure.INTERVAL) {
      if (request.indicator() == null) {
        throw new InvalidIndicatorQueryException(
            InvalidIndicatorQueryException.Problem.INDICATOR_REQUIRED);
      }
      params.put("indicator", request.indicator());
      var treatment = "";
      if (request.treatment() != null) {
        treatment = " and i.treatment = :treatment";
        params.put("treatment", request.treatment());
      }
      sql =
          """
          select p.*, coalesce(i.to_date, i.due_date) as figure_date, i.treatment as i_treatment,
            i.days, i.standard_days,
            case when i.to_date is null then 'OVERDUE' else i.status end as status,
            count(*) over () as total
          from report_interval i join report_pathway p on p.pathway_id = i.pathway_id
          where i.indicator = :indicator %s and %s and %s
          order by figure_date desc nulls last, p.pathway_id, i.from_date
          limit :limit
          """
              .formatted(treatment, intervals(request.outcome()), filter.sql());
    } else {
      var figure = activity(request.figure());
      sql =
          """
          select p.*, %s as figure_date, null as i_treatment, null::int as days,
            null::int as standard_days, null as status, count(*) over () as total
          from report_pathway p
          where %s and %s
          order by figure_date desc nulls last, p.pathway_id
          limit :limit
          """
              .formatted(figure[0], figure[1], filter.sql());
    }
    long[] total = {0};
    var found =
        jdbc.sql(sql)
            .params(params)
            .query(
                (rs, n) -> {
                  total[0] = rs.getLong("total");
                  var patient = rs.getString("patient");
                  return new Found(
                      patient,
                      new Row(
                          rs.getObject("pathway_id", UUID.class),
                          "",
                          PatientIdentifier.isValid(patient)
                              ? PatientIdentifier.parse(patient).masked()
                              : "***********",
                          rs.getString("pathway"),
                          rs.getString("organisation"),
                          rs.getString("state"),
                          rs.getObject("start_date", LocalDate.class),
                          rs.getObject("figure_date", LocalDate.class),
                          rs.getString("i_treatment"),
                          (Integer) rs.getObject("days"),
                          (Integer) rs.getObject("standard_days"),
                          rs.getString("status")));
                })
            .list();
    var names = directory.namesOf(found.stream().map(Found::patient).distinct().toList());
    var rows = new ArrayList<Row>();
    for (var f : found) {
      var name = names.get(f.patient());
      var r = f.row();
      rows.add(
          new Row(
              r.pathwayId(),
              name == null ? "–" : PatientDirectory.initials(name),
              r.patientMasked(),
              r.pathway(),
              r.organisation(),
              r.state(),
              r.startDate(),
              r.date(),
              r.treatment(),
              r.days(),
              r.standardDays(),
              r.status()));
    }
    audit.recordReads(
        reader, found.stream().map(Found::patient).distinct().toList(), "statistics drill-down");
    return new Drilldown(request.figure(), List.copyOf(rows), total[0], limit);
  }

  /** The date column and the predicate of an activity or data-quality figure. */
  private static String[] activity(Figure figure) {
    var alive =
        "(start_date is null or start_date <= :to) and (ended_on is null or ended_on >= :from)";
    return switch (figure) {
      case STARTED -> new String[] {"p.start_date", "p.start_date between :from and :to"};
      case IN_WORK_UP ->
          new String[] {
            "p.start_date",
            """
            p.start_date <= :asOf
              and (p.decision_date is null or p.decision_date > :asOf)
              and (p.treatment_date is null or p.treatment_date > :asOf)
              and (p.ended_on is null or p.ended_on > :asOf)
              and (p.transferred_on is null or p.transferred_on > :asOf)"""
          };
      case DECIDED -> new String[] {"p.decision_date", "p.decision_date between :from and :to"};
      case TREATED -> new String[] {"p.treatment_date", "p.treatment_date between :from and :to"};
      case CLOSED -> new String[] {"p.ended_on", "p.ended_on between :from and :to"};
      case TRANSFERRED ->
          new String[] {"p.transferred_on", "p.transferred_on between :from and :to"};
      case OUT_OF_ORDER -> new String[] {"p.start_date", alive + " and p.problem is not null"};
      case MISSING_START ->
          new String[] {
            "p.start_date",
            alive
                + """
                 and p.start_date is null and (p.first_attendance is not null
                  or p.decision_date is not null or p.treatment_date is not null
                  or p.ended_on is not null)"""
          };
      case MISSING_FIRST_ATTENDANCE ->
          new String[] {
            "p.decision_date",
            alive + " and p.first_attendance is null and p.decision_date is not null"
          };
      case WITH_PROPOSALS -> new String[] {"p.start_date", alive + " and p.proposals > 0"};
      case DISAGREEMENTS -> new String[] {"p.start_date", alive + " and p.disagreement"};
      case INTERVAL -> throw new IllegalArgumentException("an interval is not an activity");
    };
  }

  /** The predicate on {@code report_interval i} of an indicator table's column. */
  private String intervals(Outcome outcome) {
    var anchor = settings.intervalPeriod() == IntervalPeriod.START ? "i.from_date" : "i.to_date";
    var finished = "i.to_date is not null and " + anchor + " between :from and :to";
    return switch (outcome) {
      case MEASURED -> finished;
      case WITH_NORM -> finished + " and i.status in ('MET', 'BREACHED')";
      case WITHIN -> finished + " and i.status = 'MET'";
      case BREACHED -> finished + " and i.status = 'BREACHED'";
      case WITHOUT_NORM -> finished + " and i.status = 'UNKNOWN_NORM'";
      case BREACHED_PATIENT_DELAYED ->
          finished + " and i.status = 'BREACHED' and i.patient_delayed";
      case OVERDUE_NOW ->
          "i.to_date is null and i.due_date < :asOf and i.from_date <= :asOf and p.open";
    };
  }
}

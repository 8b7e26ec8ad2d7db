package no.forlop.coordinator.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.forlop.access.Actor;
import no.forlop.access.Users;
import no.forlop.audit.AuditLog;
import no.forlop.calendar.OsloTime;
import no.forlop.patient.PatientDirectory;
import no.forlop.patient.PatientIdentifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Understands the coordinator's worklist: the open pathways of the user's units with their next
 * deadline, red/amber/green status and flags, filtered, sorted, counted and paged in PostgreSQL.
 * Every patient shown is recorded in the audit log.
 */
@Service
public class Worklist {

  private final JdbcClient jdbc;
  private final Users users;
  private final AuditLog audit;
  private final Clock clock;

  Worklist(JdbcClient jdbc, Users users, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  public WorklistPage read(WorklistQuery query, Actor actor) {
    var today = OsloTime.today(clock);
    var units = visibleUnits(actor, query);
    if (units.isEmpty()) {
      return new WorklistPage(query, List.of(), 0, emptyCounts());
    }
    var counts = emptyCounts();
    var params = new HashMap<String, Object>();
    var sql = entries(units, query, today, params, query.sort() == WorklistQuery.Sort.PATIENT);
    jdbc.sql(sql + " select status, count(*) as n from entries group by status")
        .params(params)
        .query((rs, n) -> counts.put(Status.valueOf(rs.getString("status")), rs.getLong("n")))
        .list();
    var total =
        query.status() == null
            ? counts.values().stream().mapToLong(Long::longValue).sum()
            : counts.get(query.status());
    var rows = rows(query, units, today, (long) query.page() * query.size(), query.size());
    audit.recordReads(actor, rows.stream().map(Found::patient).toList(), "worklist");
    return new WorklistPage(query, rows.stream().map(Found::row).toList(), total, counts);
  }

  /** Every matching pathway, unpaged (for an export), in one query. */
  @Transactional
  public List<WorklistRow> export(WorklistQuery query, Actor actor) {
    var today = OsloTime.today(clock);
    var units = visibleUnits(actor, query);
    if (units.isEmpty()) {
      return List.of();
    }
    var rows = rows(query, units, today, 0, null);
    audit.recordReads(actor, rows.stream().map(Found::patient).toList(), "worklist export");
    return rows.stream().map(Found::row).toList();
  }

  private record Found(String patient, WorklistRow row) {}

  /**
   * The rows of one page: the page is chosen first (filter, status, sort, offset, limit) and only
   * its rows are joined with the patients' names and checked for transfers.
   */
  private List<Found> rows(
      WorklistQuery query, List<String> units, LocalDate today, long offset, Integer limit) {
    var params = new HashMap<String, Object>();
    var sql = entries(units, query, today, params, query.sort() == WorklistQuery.Sort.PATIENT);
    var statusFilter =
        query.status() == null ? "" : " where status = :status and " + dueDates(query.status());
    if (query.status() != null) {
      params.put("status", query.status().name());
    }
    params.put("offset", offset);
    var limitClause = limit == null ? "" : " limit :limit";
    if (limit != null) {
      params.put("limit", limit);
    }
    var order = order(query.sort());
    return jdbc.sql(
            sql
                + """
                , page as (
                  select * from entries %s order by %s %s offset :offset
                )
                select page.*, coalesce(page.patient_name, n.name) as name,
                  exists (select 1 from worklist_entry o
                          where o.patient = page.patient and o.pathway = page.pathway
                            and o.organisation <> page.organisation
                            and o.transferred_out_on is not null
                            and o.transferred_out_on <= coalesce(page.start_date,
                                                                 o.transferred_out_on))
                    as transferred_in,
                  (select pe.planned_on from planned_evaluation pe
                   where pe.pathway_id = page.pathway_id and page.next_milestone = 'EVALUATION'
                   order by pe.seq desc limit 1) as planned_evaluation
                from page left join patient_name n on n.identifier = page.patient
                order by %s
                """
                    .formatted(statusFilter, order, limitClause, order))
        .params(params)
        .query(
            (rs, n) -> {
              var patient = rs.getString("patient");
              var name = rs.getString("name");
              var due = rs.getObject("due_date", LocalDate.class);
              return new Found(
                  patient,
                  new WorklistRow(
                      rs.getObject("pathway_id", java.util.UUID.class),
                      name == null ? "–" : PatientDirectory.initials(name),
                      PatientIdentifier.isValid(patient)
                          ? PatientIdentifier.parse(patient).masked()
                          : "***********",
                      rs.getString("pathway"),
                      rs.getString("code_prefix"),
                      rs.getString("organisation"),
                      rs.getString("state"),
                      rs.getObject("start_date", LocalDate.class),
                      rs.getString("next_indicator"),
                      rs.getString("next_milestone"),
                      due,
                      due == null ? null : java.time.temporal.ChronoUnit.DAYS.between(today, due),
                      Status.valueOf(rs.getString("status")),
                      rs.getInt("proposals"),
                      rs.getBoolean("disagreement"),
                      rs.getString("problem"),
                      rs.getBoolean("inactive"),
                      rs.getBoolean("transferred_in"),
                      rs.getObject("transferred_out_on", LocalDate.class),
                      rs.getString("coordinator"),
                      rs.getObject("planned_evaluation", LocalDate.class)));
            })
        .list();
  }

  private List<String> visibleUnits(Actor actor, WorklistQuery query) {
    var units = users.units().stream().map(u -> u.id()).filter(actor::mayAccess).toList();
    if (query.unit() != null) {
      return units.contains(query.unit()) ? List.of(query.unit()) : List.of();
    }
    return units;
  }

  /**
   * The matching rows with their status, as a common table expression {@code entries}. The
   * patients' names are joined only when they are searched or sorted by ({@code patient_name} is
   * null otherwise).
   */
  private String entries(
      List<String> units,
      WorklistQuery query,
      LocalDate today,
      Map<String, Object> params,
      boolean sortedByName) {
    var values = new StringBuilder();
    int i = 0;
    for (var unit : users.units()) {
      if (i > 0) {
        values.append(", ");
      }
      values.append("(:u").append(i).append(", :a").append(i).append(", :i").append(i).append(")");
      params.put("u" + i, unit.id());
      params.put("a" + i, unit.amberDays());
      params.put("i" + i, unit.inactiveDays());
      i++;
    }
    params.put("units", units);
    params.put("today", today);
    // a pathway transferred out stays listed (without a deadline) for the unit's inactivity limit
    var where =
        new StringBuilder(
            " where e.organisation in (:units) and (e.open or (e.transferred_out_on is not null"
                + " and e.transferred_out_on >= :today - coalesce(u.inactive, 14)))");
    if (query.pathway() != null) {
      where.append(" and e.pathway = :pathway");
      params.put("pathway", query.pathway());
    }
    if (query.coordinator() != null) {
      if (query.coordinator().equals("-")) {
        where.append(" and e.coordinator is null");
      } else {
        where.append(" and e.coordinator = :coordinator");
        params.put("coordinator", query.coordinator());
      }
    }
    var withNames = sortedByName;
    if (query.search() != null) {
      var digits = query.search().replace(" ", "");
      if (digits.matches("\\d{11}")) {
        where.append(" and e.patient = :patient");
        params.put("patient", digits);
      } else {
        withNames = true;
        where.append(" and n.name ilike :name");
        params.put("name", "%" + query.search().replace("%", "").replace("_", "") + "%");
      }
    }
    var unitValues = values.isEmpty() ? "select null::text, 3, 14 where false" : "values " + values;
    return """
        with unit_settings(id, amber, inactive) as (%s),
        entries as (
          select e.*, %s as patient_name,
            case when e.due_date is null or not e.open then 'NONE'
                 when e.due_date < :today then 'RED'
                 when e.due_date <= :today + coalesce(u.amber, 3) then 'AMBER'
                 else 'GREEN' end as status,
            e.open and (:today - coalesce(e.last_code_date, e.start_date, :today))
              > coalesce(u.inactive, 14) as inactive
          from worklist_entry e
          %s
          left join unit_settings u on u.id = e.organisation
          %s
        )
        """
        .formatted(
            unitValues,
            withNames ? "n.name" : "null::text",
            withNames ? "left join patient_name n on n.identifier = e.patient" : "",
            where);
  }

  /** What a status implies for the due date, so PostgreSQL can use the due-date index. */
  private static String dueDates(Status status) {
    return switch (status) {
      case RED -> "due_date < :today";
      case AMBER, GREEN -> "due_date >= :today";
      case NONE -> "(due_date is null or not open)";
    };
  }

  private static String order(WorklistQuery.Sort sort) {
    return switch (sort) {
      case DUE -> "due_date asc nulls last, start_date asc nulls last, pathway_id";
      case PATIENT -> "patient_name asc nulls last, pathway_id";
      case PATHWAY -> "pathway asc, due_date asc nulls last, pathway_id";
      case STATE -> "state asc, due_date asc nulls last, pathway_id";
      case START -> "start_date desc nulls last, pathway_id";
    };
  }

  private static Map<Status, Long> emptyCounts() {
    var counts = new EnumMap<Status, Long>(Status.class);
    for (var status : Status.values()) {
      counts.put(status, 0L);
    }
    return counts;
  }
}

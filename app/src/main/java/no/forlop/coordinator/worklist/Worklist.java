package no.forlop.coordinator.worklist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import no.forlop.access.Actor;
import no.forlop.access.Users;
import no.forlop.audit.AuditLog;
import no.forlop.calendar.OsloTime;
import no.forlop.patient.PatientDirectory;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Understands the coordinator's worklist: the open pathways of the user's units with their next
 * deadline, red/amber/green status, why each needs action (ADR 0035), filtered, sorted, counted and
 * paged in PostgreSQL. Every patient shown is recorded in the audit log.
 */
@Service
public class Worklist {

  private final JdbcClient jdbc;
  private final Users users;
  private final AuditLog audit;
  private final Clock clock;
  private final PatientDirectory directory;

  Worklist(JdbcClient jdbc, Users users, AuditLog audit, Clock clock, PatientDirectory directory) {
    this.jdbc = jdbc;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.directory = directory;
  }

  @Transactional
  public WorklistPage read(WorklistQuery query, Actor actor) {
    var today = OsloTime.today(clock);
    var units = visibleUnits(actor, query);
    if (units.isEmpty()) {
      return new WorklistPage(query.onPage(0), List.of(), 0, emptyCounts(), 0, 0);
    }
    var counts = emptyCounts();
    var params = new HashMap<String, Object>();
    var names = names(query, units);
    var sql = entries(units, query, today, params, names);
    var views = new long[2];
    var action = query.view() == WorklistQuery.View.ACTION;
    jdbc.sql(
            sql
                + " select status, needs_action, count(*) as n from entries"
                + " group by status, needs_action")
        .params(params)
        .query(
            (rs, n) -> {
              var count = rs.getLong("n");
              var needsAction = rs.getBoolean("needs_action");
              views[1] += count;
              if (needsAction) {
                views[0] += count;
              }
              if (needsAction || !action) {
                counts.merge(Status.valueOf(rs.getString("status")), count, Long::sum);
              }
              return count;
            })
        .list();
    var total =
        query.status() == null
            ? counts.values().stream().mapToLong(Long::longValue).sum()
            : counts.get(query.status());
    // a page past the last shows the last (an old link, a list that got shorter): never "6 of 5"
    var lastPage = (int) Math.max(0, (total - 1) / query.size());
    if (query.page() > lastPage) {
      query = query.onPage(lastPage);
    }
    var rows = rows(query, units, today, names, (long) query.page() * query.size(), query.size());
    audit.recordReads(actor, rows.stream().map(Found::patient).toList(), "worklist");
    return new WorklistPage(
        query, rows.stream().map(Found::row).toList(), total, counts, views[0], views[1]);
  }

  /**
   * What changed in the user's units since a moment (her last visit): proposals made since,
   * deadlines passed since (a deadline passes the day after its due date), patients transferred in
   * since.
   */
  @Transactional(readOnly = true)
  public Changes changesSince(Instant since, Actor actor) {
    var today = OsloTime.today(clock);
    var query = new WorklistQuery(null, null, null, null, null, WorklistQuery.Sort.DUE, 0, 50);
    var units = visibleUnits(actor, query);
    if (units.isEmpty()) {
      return new Changes(since, 0, 0, 0);
    }
    var sinceDate = OsloTime.dateOf(since);
    var params = new HashMap<String, Object>();
    var sql = entries(units, query, today, params, new Names(null, null, null));
    params.put("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
    params.put("sinceDate", sinceDate);
    return jdbc.sql(
            sql
                + """
                select
                  count(*) filter (where proposals > 0 and latest_proposal_at > :since)
                    as proposals,
                  count(*) filter (where status = 'RED' and due_date >= :sinceDate) as overdue,
                  count(*) filter (where transferred_in_on is not null
                                     and transferred_in_on >= :sinceDate) as transfers_in
                from entries
                """)
        .params(params)
        .query(
            (rs, n) ->
                new Changes(
                    since,
                    rs.getLong("proposals"),
                    rs.getLong("overdue"),
                    rs.getLong("transfers_in")))
        .single();
  }

  /**
   * What changed since the user's last visit.
   *
   * @param proposals pathways with a proposal made since
   * @param overdue pathways whose deadline passed since (overdue now, not then)
   * @param transfersIn patients transferred in since
   */
  public record Changes(Instant since, long proposals, long overdue, long transfersIn) {
    public boolean any() {
      return proposals + overdue + transfersIn > 0;
    }
  }

  /** Every matching pathway, unpaged (for an export), in one query. */
  @Transactional
  public List<WorklistRow> export(WorklistQuery query, Actor actor) {
    var today = OsloTime.today(clock);
    var units = visibleUnits(actor, query);
    if (units.isEmpty()) {
      return List.of();
    }
    var rows = rows(query, units, today, names(query, units), 0, null);
    audit.recordReads(actor, rows.stream().map(Found::patient).toList(), "worklist export");
    return rows.stream().map(Found::row).toList();
  }

  private record Found(String patient, WorklistRow row) {}

  /** A row read before the patients' names are looked up: its patient, and the row given a name. */
  private record Unnamed(String patient, Function<@Nullable String, Found> named) {}

  /**
   * The rows of one page: the page is chosen first (filter, status, sort, offset, limit), then only
   * its rows are checked for transfers, and their patients' names looked up in the patient
   * directory in one batch.
   */
  private List<Found> rows(
      WorklistQuery query,
      List<String> units,
      LocalDate today,
      Names names,
      long offset,
      Integer limit) {
    var params = new HashMap<String, Object>();
    var sql = entries(units, query, today, params, names);
    var filters = new ArrayList<String>();
    if (query.status() != null) {
      filters.add("status = :status and " + dueDates(query.status()));
      params.put("status", query.status().name());
    }
    if (query.view() == WorklistQuery.View.ACTION) {
      filters.add("needs_action");
    }
    var statusFilter = filters.isEmpty() ? "" : " where " + String.join(" and ", filters);
    params.put("offset", offset);
    var limitClause = limit == null ? "" : " limit :limit";
    if (limit != null) {
      params.put("limit", limit);
    }
    var order = order(query.sort());
    var unnamed =
        jdbc.sql(
                sql
                    + """
                    , page as (
                      select * from entries %s order by %s %s offset :offset
                    )
                    select page.*,
                      -- the unit's usual time for a step without a deadline: the median of its
                      -- finished intervals of the last year, when there are enough to compare with
                      case when page.due_date is null and page.next_indicator is not null then
                        (select percentile_disc(0.5) within group (order by ri.days)
                         from report_interval ri
                         where ri.organisation = page.organisation and ri.pathway = page.pathway
                           and ri.indicator = page.next_indicator and ri.to_date is not null
                           and ri.days is not null and ri.to_date > cast(:today as date) - 365
                         having count(*) >= %d)
                      end as usual_days
                    from page
                    order by %s
                    """
                        .formatted(statusFilter, order, limitClause, USUAL_MINIMUM, order))
            .params(params)
            .query((rs, n) -> unnamed(rs, today))
            .list();
    var pageNames = directory.namesOf(unnamed.stream().map(Unnamed::patient).toList());
    return unnamed.stream().map(u -> u.named().apply(pageNames.get(u.patient()))).toList();
  }

  private static Unnamed unnamed(ResultSet rs, LocalDate today) throws SQLException {
    var patient = rs.getString("patient");
    var id = rs.getObject("pathway_id", java.util.UUID.class);
    var masked =
        PatientIdentifier.isValid(patient)
            ? PatientIdentifier.parse(patient).masked()
            : "***********";
    var pathway = rs.getString("pathway");
    var codePrefix = rs.getString("code_prefix");
    var organisation = rs.getString("organisation");
    var state = rs.getString("state");
    var start = rs.getObject("start_date", LocalDate.class);
    var nextIndicator = rs.getString("next_indicator");
    var nextMilestone = rs.getString("next_milestone");
    var due = rs.getObject("due_date", LocalDate.class);
    var daysLeft = due == null ? null : java.time.temporal.ChronoUnit.DAYS.between(today, due);
    var status = Status.valueOf(rs.getString("status"));
    var proposals = rs.getInt("proposals");
    var disagreement = rs.getBoolean("disagreement");
    var problem = rs.getString("problem");
    var transferredInOn = rs.getObject("transferred_in_on", LocalDate.class);
    var transferredOut = rs.getObject("transferred_out_on", LocalDate.class);
    var coordinator = rs.getString("coordinator");
    var plannedEvaluation = rs.getObject("planned_evaluation", LocalDate.class);
    var expected = rs.getString("expected_milestone");
    var nextFrom = rs.getObject("next_from", LocalDate.class);
    var elapsed =
        due == null && nextFrom != null
            ? java.time.temporal.ChronoUnit.DAYS.between(nextFrom, today)
            : null;
    var usual = rs.getObject("usual_days", Integer.class);
    var facts =
        new NeedsAction.Facts(
            nextMilestone,
            expected,
            due,
            plannedEvaluation,
            proposals,
            disagreement,
            problem != null,
            transferredOut,
            transferredInOn,
            rs.getObject("last_code_date", LocalDate.class),
            start);
    var reasons =
        NeedsAction.reasons(
            facts,
            today,
            new NeedsAction.Thresholds(rs.getInt("amber_days"), rs.getInt("inactive_days")));
    var inactiveDays = NeedsAction.inactiveDays(facts, today);
    var inactive = reasons.contains(Reason.INACTIVE);
    var transferredIn = transferredInOn != null;
    return new Unnamed(
        patient,
        name ->
            new Found(
                patient,
                new WorklistRow(
                    id,
                    name == null ? "–" : PatientDirectory.initials(name),
                    masked,
                    pathway,
                    codePrefix,
                    organisation,
                    state,
                    start,
                    nextIndicator,
                    nextMilestone,
                    due,
                    daysLeft,
                    status,
                    proposals,
                    disagreement,
                    problem,
                    inactive,
                    transferredIn,
                    transferredOut,
                    coordinator,
                    plannedEvaluation,
                    expected,
                    elapsed,
                    usual,
                    inactiveDays,
                    reasons)));
  }

  private List<String> visibleUnits(Actor actor, WorklistQuery query) {
    var units = users.units().stream().map(u -> u.id()).filter(actor::mayAccess).toList();
    if (query.unit() != null) {
      return units.contains(query.unit()) ? List.of(query.unit()) : List.of();
    }
    return units;
  }

  /**
   * What a read needs of the patient directory, asked once per read (the counts and the page both
   * use it): the search as read ({@code null}: none), the patients it found by name, initials or
   * birth date ({@code null}: none of those asked for), and for a sort by patient the names of the
   * units' patients ({@code null}: not needed).
   */
  private record Names(
      @Nullable WorklistSearch search,
      @Nullable List<String> matched,
      @Nullable Map<String, String> forSort) {}

  private Names names(WorklistQuery query, List<String> units) {
    var search = query.search() == null ? null : WorklistSearch.of(query.search());
    List<String> patients = null;
    Map<String, String> unitNames = null;
    if (query.sort() == WorklistQuery.Sort.PATIENT || (search != null && search.needsPatients())) {
      patients =
          jdbc.sql("select distinct patient from worklist_entry where organisation in (:units)")
              .param("units", units)
              .query(String.class)
              .list();
      if (query.sort() == WorklistQuery.Sort.PATIENT
          || (search != null && search.initials() != null)) {
        unitNames = directory.namesOf(patients);
      }
    }
    List<String> matched = null;
    if (search != null && (search.name() != null || search.needsPatients())) {
      var found = new LinkedHashSet<String>();
      if (search.name() != null) {
        found.addAll(directory.named(search.name()));
      }
      if (patients != null) {
        var names = unitNames;
        patients.stream()
            .filter(p -> search.bornOn(p) || (names != null && search.hasInitials(names.get(p))))
            .forEach(found::add);
      }
      matched = List.copyOf(found);
    }
    return new Names(
        search, matched, query.sort() == WorklistQuery.Sort.PATIENT ? unitNames : null);
  }

  /**
   * The matching rows with their status, as a common table expression {@code entries}. The
   * patients' names (from the patient directory) are a column only when the rows are sorted by them
   * ({@code patient_name} is null otherwise).
   */
  private String entries(
      List<String> units,
      WorklistQuery query,
      LocalDate today,
      Map<String, Object> params,
      Names names) {
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
    var search = names.search();
    if (search != null) {
      // a pathway matches when its patient matches any reading of the search (WorklistSearch)
      var any = new ArrayList<String>();
      if (search.identityNumber() != null) {
        any.add("e.patient = :patient");
        params.put("patient", search.identityNumber());
      }
      if (search.digits() != null) {
        // digits only, so nothing in it is a LIKE wildcard
        any.add("strpos(e.patient, :digits) > 0");
        params.put("digits", search.digits());
      }
      if (names.matched() != null) {
        any.add("e.patient = any(:matched)");
        params.put("matched", names.matched().toArray(String[]::new));
      }
      where.append(" and (").append(any.isEmpty() ? "false" : String.join(" or ", any)).append(")");
    }
    var joinNames = "";
    var forSort = names.forSort();
    if (forSort != null) {
      // the names as a table, for the sort
      params.put("nameIds", forSort.keySet().toArray(String[]::new));
      params.put("nameValues", forSort.keySet().stream().map(forSort::get).toArray(String[]::new));
      joinNames =
          "left join unnest(cast(:nameIds as text[]), cast(:nameValues as text[]))"
              + " as n(identifier, name) on n.identifier = e.patient";
    }
    var unitValues = values.isEmpty() ? "select null::text, 3, 14 where false" : "values " + values;
    // needs_action is NeedsAction.reasons in SQL (ADR 0035): WorklistIT holds the two together
    return """
        with unit_settings(id, amber, inactive) as (%s),
        base as (
          select e.*, %s as patient_name,
            coalesce(u.amber, 3) as amber_days, coalesce(u.inactive, 14) as inactive_days,
            case when e.next_milestone = 'EVALUATION' then
              (select pe.planned_on from planned_evaluation pe where pe.pathway_id = e.pathway_id
               order by pe.seq desc limit 1) end as planned_evaluation,
            (select max(o.transferred_out_on) from worklist_entry o
             where o.patient = e.patient and o.pathway = e.pathway
               and o.organisation <> e.organisation and o.transferred_out_on is not null
               and o.transferred_out_on <= coalesce(e.start_date, o.transferred_out_on))
              as transferred_in_on
          from worklist_entry e
          %s
          left join unit_settings u on u.id = e.organisation
          %s
        ),
        flagged as (
          select b.*,
            case when b.due_date is null or not b.open then 'NONE'
                 when b.due_date < :today then 'RED'
                 when b.due_date <= :today + b.amber_days then 'AMBER'
                 else 'GREEN' end as status,
            b.expected_milestone is not null and b.due_date is null
              and b.expected_milestone <> 'EVALUATION'
              and (:today - coalesce(b.last_code_date, b.start_date, :today)) > b.inactive_days
              as inactive
          from base b
        ),
        entries as (
          select f.*,
            (f.due_date is not null and f.expected_milestone is not null
               and f.due_date <= :today + f.amber_days
               and not (f.next_milestone = 'EVALUATION' and f.planned_evaluation is not null
                        and f.planned_evaluation <= f.due_date
                        and f.planned_evaluation >= :today))
            or f.proposals > 0 or f.disagreement or f.problem is not null
            or coalesce(f.transferred_out_on >= :today - f.inactive_days, false)
            or coalesce(f.transferred_in_on >= :today - f.inactive_days, false)
            or f.inactive as needs_action
          from flagged f
        )
        """
        .formatted(unitValues, forSort != null ? "n.name" : "null::text", joinNames, where);
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

  /** How many finished intervals a unit needs before its usual time is shown. */
  static final int USUAL_MINIMUM = 5;

  private static Map<Status, Long> emptyCounts() {
    var counts = new EnumMap<Status, Long>(Status.class);
    for (var status : Status.values()) {
      counts.put(status, 0L);
    }
    return counts;
  }
}

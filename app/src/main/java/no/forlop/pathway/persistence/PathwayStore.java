package no.forlop.pathway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.CodeRef;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.Origin;
import no.forlop.pathway.TrackedMilestone;
import no.forlop.pathway.domain.PatientPathway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores pathway instances and their append-only history of facts in PostgreSQL. */
@Repository
public class PathwayStore {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  PathwayStore(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  public void insert(PatientPathway.Header header) {
    jdbc.sql(
            """
            insert into pathway (id, patient, definition, organisation, setting, created_at,
                                 created_by, catalogue_version)
            values (:id, :patient, :definition, :organisation, :setting, :createdAt, :createdBy,
                    :catalogueVersion)
            """)
        .param("id", header.id())
        .param("patient", header.patient())
        .param("definition", header.pathway())
        .param("organisation", header.organisation())
        .param("setting", header.variant())
        .param("createdAt", OffsetDateTime.ofInstant(header.createdAt(), ZoneOffset.UTC))
        .param("createdBy", header.createdBy())
        .param("catalogueVersion", header.catalogueVersion())
        .update();
  }

  /** Appends facts; a concurrent writer of the same position makes this fail (primary key). */
  public void append(UUID pathway, List<CodeFact> facts) {
    for (var fact : facts) {
      var code = fact.code();
      jdbc.sql(
              """
              insert into pathway_fact (pathway_id, seq, kind, registration_id, code_key, milestone,
                  code, code_date, state, origin, rule_id, ruleset_version, sources, inputs, start_basis,
                  reason, actor, recorded_at, catalogue_version)
              values (:pathway, :seq, :kind, :registration, :key, :milestone, :code, :date, :state,
                  :origin, :rule, :ruleset, :sources, :inputs, :basis, :reason, :actor, :at, :catalogue)
              """)
          .param("pathway", pathway)
          .param("seq", fact.seq())
          .param("kind", fact.kind().name())
          .param("registration", fact.registration())
          .param("key", code == null ? null : code.key())
          .param("milestone", code == null ? null : code.milestone().name())
          .param("code", code == null ? null : code.official())
          .param("date", fact.date())
          .param("state", fact.state() == null ? null : fact.state().name())
          .param("origin", fact.origin().kind().name())
          .param("rule", fact.origin().ruleId())
          .param("ruleset", fact.origin().rulesetVersion())
          .param("sources", String.join("\n", fact.origin().sources()))
          .param("inputs", Inputs.write(fact.origin().inputs()))
          .param("basis", fact.startBasis() == null ? null : fact.startBasis().name())
          .param("reason", fact.reason())
          .param("actor", fact.actor())
          .param("at", OffsetDateTime.ofInstant(fact.recordedAt(), ZoneOffset.UTC))
          .param("catalogue", fact.catalogueVersion())
          .update();
    }
  }

  /** Stores new pathway instances in one batch. */
  public void insertAll(List<PatientPathway.Header> headers) {
    if (headers.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        """
        insert into pathway (id, patient, definition, organisation, setting, created_at,
                             created_by, catalogue_version)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        headers.stream()
            .map(
                h ->
                    new Object[] {
                      h.id(),
                      h.patient(),
                      h.pathway(),
                      h.organisation(),
                      h.variant(),
                      OffsetDateTime.ofInstant(h.createdAt(), ZoneOffset.UTC),
                      h.createdBy(),
                      h.catalogueVersion()
                    })
            .toList());
  }

  /** Appends the facts of many pathways in one batch. */
  public void appendAll(Map<UUID, List<CodeFact>> facts) {
    var rows = new ArrayList<Object[]>();
    facts.forEach(
        (pathway, list) -> {
          for (var fact : list) {
            var code = fact.code();
            rows.add(
                new Object[] {
                  pathway,
                  fact.seq(),
                  fact.kind().name(),
                  fact.registration(),
                  code == null ? null : code.key(),
                  code == null ? null : code.milestone().name(),
                  code == null ? null : code.official(),
                  fact.date(),
                  fact.state() == null ? null : fact.state().name(),
                  fact.origin().kind().name(),
                  fact.origin().ruleId(),
                  fact.origin().rulesetVersion(),
                  String.join("\n", fact.origin().sources()),
                  Inputs.write(fact.origin().inputs()),
                  fact.startBasis() == null ? null : fact.startBasis().name(),
                  fact.reason(),
                  fact.actor(),
                  OffsetDateTime.ofInstant(fact.recordedAt(), ZoneOffset.UTC),
                  fact.catalogueVersion()
                });
          }
        });
    if (rows.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        """
        insert into pathway_fact (pathway_id, seq, kind, registration_id, code_key, milestone,
            code, code_date, state, origin, rule_id, ruleset_version, sources, inputs, start_basis,
            reason, actor, recorded_at, catalogue_version)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        rows);
  }

  /** The pathways of these patients, locked until the transaction ends. */
  public List<PatientPathway> findByPatientsForUpdate(java.util.Collection<String> patients) {
    if (patients.isEmpty()) {
      return List.of();
    }
    var headers =
        jdbc.sql(SELECT_HEADER + " where patient in (:patients) order by created_at, id for update")
            .param("patients", patients)
            .query(PathwayStore::header)
            .list();
    return withFacts(headers);
  }

  private List<PatientPathway> withFacts(List<PatientPathway.Header> headers) {
    if (headers.isEmpty()) {
      return List.of();
    }
    var facts = new java.util.HashMap<UUID, List<CodeFact>>();
    var ids = headers.stream().map(PatientPathway.Header::id).toList();
    for (int from = 0; from < ids.size(); from += 1000) {
      jdbc.sql(SELECT_FACTS + " where pathway_id in (:ids) order by pathway_id, seq")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
          .query(
              (rs, n) -> {
                facts
                    .computeIfAbsent(rs.getObject("pathway_id", UUID.class), k -> new ArrayList<>())
                    .add(fact(rs, n));
                return null;
              })
          .list();
    }
    var changes = typeChanges(ids);
    var milestones = milestones(ids);
    return headers.stream()
        .map(
            h ->
                new PatientPathway(
                    linked(h, changes),
                    facts.getOrDefault(h.id(), List.of()),
                    milestones.getOrDefault(h.id(), List.of())))
        .toList();
  }

  /**
   * Replaces the milestones tracked on these pathways (e.g. BIOPSY), in batches; a pathway mapped
   * to no milestones loses those it had.
   */
  public void replaceMilestones(
      Map<UUID, List<TrackedMilestone>> milestones, java.time.Instant derivedAt) {
    if (milestones.isEmpty()) {
      return;
    }
    var ids = List.copyOf(milestones.keySet());
    for (int from = 0; from < ids.size(); from += 1000) {
      jdbc.sql("delete from tracked_milestone where pathway_id in (:p)")
          .param("p", ids.subList(from, Math.min(ids.size(), from + 1000)))
          .update();
    }
    var at = OffsetDateTime.ofInstant(derivedAt, ZoneOffset.UTC);
    var rows = new ArrayList<Object[]>();
    milestones.forEach(
        (pathway, list) ->
            list.forEach(
                m ->
                    rows.add(
                        new Object[] {
                          pathway, m.type(), m.date(), m.rule(), String.join("\n", m.sources()), at
                        })));
    if (rows.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        """
        insert into tracked_milestone (pathway_id, type, date, rule_id, sources, derived_at)
        values (?, ?, ?, ?, ?, ?)
        """,
        rows);
  }

  /** The milestones tracked on these pathways, each pathway's by date. */
  private Map<UUID, List<TrackedMilestone>> milestones(List<UUID> ids) {
    var milestones = new java.util.HashMap<UUID, List<TrackedMilestone>>();
    for (int from = 0; from < ids.size(); from += 1000) {
      jdbc.sql(
              "select pathway_id, type, date, rule_id, sources from tracked_milestone"
                  + " where pathway_id in (:ids) order by pathway_id, date, type")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
          .query(
              (rs, n) ->
                  milestones
                      .computeIfAbsent(
                          rs.getObject("pathway_id", UUID.class), k -> new ArrayList<>())
                      .add(
                          new TrackedMilestone(
                              rs.getString("type"),
                              rs.getObject("date", java.time.LocalDate.class),
                              rs.getString("rule_id"),
                              List.of(rs.getString("sources").split("\n")))))
          .list();
    }
    return milestones;
  }

  /** Records changes of pathway type (after both instances are stored). */
  public void insertTypeChanges(List<PatientPathway.TypeChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        """
        insert into pathway_type_change (from_pathway, to_pathway, changed_on, from_started_on,
            first_started_on, note, changed_at, changed_by)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        changes.stream()
            .map(
                c ->
                    new Object[] {
                      c.from(),
                      c.to(),
                      c.changedOn(),
                      c.fromStartedOn(),
                      c.firstStartedOn(),
                      c.note(),
                      OffsetDateTime.ofInstant(c.changedAt(), ZoneOffset.UTC),
                      c.changedBy()
                    })
            .toList());
  }

  /** The changes of pathway type that opened or closed any of these instances. */
  private List<PatientPathway.TypeChange> typeChanges(List<UUID> ids) {
    var changes = new ArrayList<PatientPathway.TypeChange>();
    for (int from = 0; from < ids.size(); from += 1000) {
      changes.addAll(
          jdbc.sql(
                  """
                  select c.from_pathway, f.definition as from_definition, c.to_pathway,
                         t.definition as to_definition, c.changed_on, c.from_started_on,
                         c.first_started_on, c.note, c.changed_at, c.changed_by
                  from pathway_type_change c
                  join pathway f on f.id = c.from_pathway
                  join pathway t on t.id = c.to_pathway
                  where c.from_pathway in (:ids) or c.to_pathway in (:ids)
                  """)
              .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
              .query(
                  (rs, n) ->
                      new PatientPathway.TypeChange(
                          rs.getObject("from_pathway", UUID.class),
                          rs.getString("from_definition"),
                          rs.getObject("to_pathway", UUID.class),
                          rs.getString("to_definition"),
                          rs.getObject("changed_on", java.time.LocalDate.class),
                          rs.getObject("from_started_on", java.time.LocalDate.class),
                          rs.getObject("first_started_on", java.time.LocalDate.class),
                          rs.getString("note"),
                          rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                          rs.getString("changed_by")))
              .list());
    }
    return changes;
  }

  private static PatientPathway.Header linked(
      PatientPathway.Header header, List<PatientPathway.TypeChange> changes) {
    var from = changes.stream().filter(c -> c.to().equals(header.id())).findFirst().orElse(null);
    var to = changes.stream().filter(c -> c.from().equals(header.id())).findFirst().orElse(null);
    return from == null && to == null ? header : header.linked(from, to);
  }

  /** Records who is now the responsible coordinator ({@code null}: nobody). */
  public void assign(
      UUID pathway,
      @org.jspecify.annotations.Nullable String coordinator,
      String by,
      java.time.Instant at) {
    jdbc.sql(
            """
            insert into pathway_coordinator (pathway_id, coordinator, assigned_at, assigned_by)
            values (:p, :c, :at, :by)
            """)
        .param("p", pathway)
        .param("c", coordinator)
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
        .param("by", by)
        .update();
  }

  /** A note on a pathway, as written. */
  public record Note(UUID id, String text, java.time.Instant writtenAt, String writtenBy) {}

  public void addNote(UUID pathway, Note note) {
    jdbc.sql(
            """
            insert into pathway_note (id, pathway_id, text, written_at, written_by)
            values (:id, :p, :text, :at, :by)
            """)
        .param("id", note.id())
        .param("p", pathway)
        .param("text", note.text())
        .param("at", OffsetDateTime.ofInstant(note.writtenAt(), ZoneOffset.UTC))
        .param("by", note.writtenBy())
        .update();
  }

  public List<Note> notes(UUID pathway) {
    return jdbc.sql(
            "select id, text, written_at, written_by from pathway_note where pathway_id = :p"
                + " order by written_at, id")
        .param("p", pathway)
        .query(
            (rs, n) ->
                new Note(
                    rs.getObject("id", UUID.class),
                    rs.getString("text"),
                    rs.getObject("written_at", OffsetDateTime.class).toInstant(),
                    rs.getString("written_by")))
        .list();
  }

  /** Loads a pathway for a change, holding a row lock until the transaction ends. */
  public Optional<PatientPathway> findForUpdate(UUID id) {
    var locked =
        jdbc.sql("select id from pathway where id = :id for update")
            .param("id", id)
            .query(UUID.class)
            .optional();
    return locked.flatMap(this::find);
  }

  public Optional<PatientPathway> find(UUID id) {
    return header(id)
        .map(
            h ->
                new PatientPathway(
                    linked(h, typeChanges(List.of(id))),
                    facts(id),
                    milestones(List.of(id)).getOrDefault(id, List.of())));
  }

  public List<PatientPathway> findByPatient(String patient) {
    return withFacts(headers("where patient = :v", patient));
  }

  /** Whether the store holds no pathway at all. */
  public boolean isEmpty() {
    return !jdbc.sql("select exists (select 1 from pathway)").query(Boolean.class).single();
  }

  public List<PatientPathway> findAll() {
    return withFacts(
        jdbc.sql(SELECT_HEADER + " order by created_at, id").query(PathwayStore::header).list());
  }

  public List<PatientPathway> findByOrganisation(String organisation) {
    return withFacts(headers("where organisation = :v", organisation));
  }

  private Optional<PatientPathway.Header> header(UUID id) {
    return jdbc.sql(SELECT_HEADER + " where id = :id")
        .param("id", id)
        .query(PathwayStore::header)
        .optional();
  }

  private List<PatientPathway.Header> headers(String where, String value) {
    return jdbc.sql(SELECT_HEADER + " " + where + " order by created_at, id")
        .param("v", value)
        .query(PathwayStore::header)
        .list();
  }

  private static final String SELECT_HEADER =
      """
      select id, patient, definition, organisation, setting, created_at, created_by,
             catalogue_version,
             (select c.coordinator from pathway_coordinator c where c.pathway_id = pathway.id
              order by c.seq desc limit 1) as coordinator
      from pathway""";

  private static PatientPathway.Header header(ResultSet rs, int n) throws SQLException {
    return new PatientPathway.Header(
        rs.getObject("id", UUID.class),
        rs.getString("patient"),
        rs.getString("definition"),
        rs.getString("organisation"),
        rs.getString("setting"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getString("created_by"),
        rs.getString("catalogue_version"),
        rs.getString("coordinator"));
  }

  private static final String SELECT_FACTS =
      """
      select pathway_id, seq, kind, registration_id, code_key, milestone, code, code_date, state,
             origin, rule_id, ruleset_version, sources, inputs, start_basis, reason, actor,
             recorded_at, catalogue_version
      from pathway_fact""";

  private List<CodeFact> facts(UUID pathway) {
    return jdbc.sql(SELECT_FACTS + " where pathway_id = :pathway order by seq")
        .param("pathway", pathway)
        .query(PathwayStore::fact)
        .list();
  }

  private static CodeFact fact(ResultSet rs, int n) throws SQLException {
    var key = rs.getString("code_key");
    var code =
        key == null
            ? null
            : new CodeRef(key, Milestone.valueOf(rs.getString("milestone")), rs.getString("code"));
    var date = rs.getObject("code_date", java.time.LocalDate.class);
    var state = rs.getString("state");
    var sources = rs.getString("sources");
    var origin =
        new Origin(
            Origin.Kind.valueOf(rs.getString("origin")),
            rs.getString("rule_id"),
            rs.getString("ruleset_version"),
            sources == null || sources.isEmpty() ? List.of() : Arrays.asList(sources.split("\n")),
            Inputs.read(rs.getString("inputs")));
    var basis = rs.getString("start_basis");
    return new CodeFact(
        rs.getInt("seq"),
        CodeFact.Kind.valueOf(rs.getString("kind")),
        rs.getObject("registration_id", UUID.class),
        code,
        date,
        state == null ? null : CodeState.valueOf(state),
        origin,
        basis == null ? null : StartBasis.valueOf(basis),
        rs.getString("reason"),
        rs.getString("actor"),
        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
        rs.getString("catalogue_version"));
  }
}

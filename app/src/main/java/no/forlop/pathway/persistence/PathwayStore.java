package no.forlop.pathway.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.forlop.database.AdvisoryLocks;
import no.forlop.database.CopyRows;
import no.forlop.pathway.CodeFact;
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
  private final TrackedMilestones milestones;
  private final TypeChanges typeChanges;
  private final Transfers transfers;
  private final UnusedFacts unused;
  private final AdvisoryLocks locks;

  PathwayStore(JdbcClient jdbc, JdbcTemplate batch, AdvisoryLocks locks) {
    this.jdbc = jdbc;
    this.locks = locks;
    this.batch = batch;
    this.milestones = new TrackedMilestones(jdbc, batch);
    this.typeChanges = new TypeChanges(jdbc, batch);
    this.transfers = new Transfers(jdbc, batch);
    this.unused = new UnusedFacts(jdbc, batch);
  }

  /** Replaces what the derivation could not code for these pathways. */
  public void replaceUnused(
      Map<UUID, List<no.forlop.pathway.UnusedFact>> facts, java.time.Instant derivedAt) {
    unused.replace(facts, derivedAt);
  }

  /** What the last derivation could not code for this pathway, and why. */
  public List<no.forlop.pathway.UnusedFact> unused(UUID pathway) {
    return unused.of(pathway);
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
    appendAll(Map.of(pathway, facts));
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

  /** Appends the facts of many pathways with one {@code COPY}. */
  public void appendAll(Map<UUID, List<CodeFact>> facts) {
    var rows = new ArrayList<Object[]>();
    facts.forEach(
        (pathway, list) -> list.forEach(fact -> rows.add(FactRows.values(pathway, fact))));
    if (rows.isEmpty()) {
      return;
    }
    CopyRows.copy(
        java.util.Objects.requireNonNull(batch.getDataSource()),
        "pathway_fact",
        FactRows.COLUMNS,
        rows);
  }

  /**
   * The pathways of these patients, locked until the transaction ends; and the patients themselves
   * (an advisory lock per patient, taken in a fixed order, ADR 0032), so that a patient without a
   * pathway yet has no second one opened by another node or thread at the same time.
   */
  public List<PatientPathway> findByPatientsForUpdate(java.util.Collection<String> patients) {
    if (patients.isEmpty()) {
      return List.of();
    }
    locks.lockForTransaction(AdvisoryLocks.Space.PATIENT, patients);
    var headers =
        jdbc.sql(SELECT_HEADER + " where patient in (:patients) order by created_at, id for update")
            .param("patients", patients)
            .query(PathwayStore::header)
            .list();
    return withFacts(headers);
  }

  /** The pathways of these patients (not locked), in chunks of 1000 patients. */
  public List<PatientPathway> findByPatients(java.util.Collection<String> patients) {
    var all = List.copyOf(patients);
    var headers = new ArrayList<PatientPathway.Header>();
    for (int from = 0; from < all.size(); from += 1000) {
      headers.addAll(
          jdbc.sql(SELECT_HEADER + " where patient in (:patients) order by created_at, id")
              .param("patients", all.subList(from, Math.min(all.size(), from + 1000)))
              .query(PathwayStore::header)
              .list());
    }
    return withFacts(headers);
  }

  private List<PatientPathway> withFacts(List<PatientPathway.Header> headers) {
    if (headers.isEmpty()) {
      return List.of();
    }
    var facts = new java.util.HashMap<UUID, List<CodeFact>>();
    var ids = headers.stream().map(PatientPathway.Header::id).toList();
    for (int from = 0; from < ids.size(); from += 1000) {
      jdbc.sql(FactRows.SELECT_FACTS + " where pathway_id in (:ids) order by pathway_id, seq")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
          .query(
              (rs, n) -> {
                facts
                    .computeIfAbsent(rs.getObject("pathway_id", UUID.class), k -> new ArrayList<>())
                    .add(FactRows.fact(rs, n));
                return null;
              })
          .list();
    }
    var changes = typeChanges.touching(ids);
    var tracked = milestones.byPathway(ids);
    return headers.stream()
        .map(
            h ->
                new PatientPathway(
                    TypeChanges.linked(h, changes),
                    facts.getOrDefault(h.id(), List.of()),
                    tracked.getOrDefault(h.id(), List.of())))
        .toList();
  }

  /**
   * Replaces the milestones tracked on these pathways (e.g. BIOPSY), in batches; a pathway mapped
   * to no milestones loses those it had.
   */
  public void replaceMilestones(
      Map<UUID, List<TrackedMilestone>> milestones, java.time.Instant derivedAt) {
    this.milestones.replace(milestones, derivedAt);
  }

  /**
   * Replaces, for each group, the transfer links touching its pathways (a patient's instances,
   * after they are stored) by the group's links: all groups read with one query and written with
   * one statement each (a chunk's derivation, issue 15).
   *
   * @return the pathways whose links changed, both ends of each
   */
  public java.util.Set<UUID> replaceTransfers(
      List<TransferGroup> groups, java.time.Instant derivedAt) {
    return transfers.replace(groups, derivedAt);
  }

  /** One patient's instances and the transfer links that are to touch them. */
  public record TransferGroup(
      java.util.Collection<UUID> pathways, List<no.forlop.pathway.domain.TransferLink> links) {}

  /** The transfer links with either end among these pathways. */
  public List<no.forlop.pathway.domain.TransferLink> transfersTouching(
      java.util.Collection<UUID> pathways) {
    return transfers.touching(pathways);
  }

  /** Records changes of pathway type (after both instances are stored). */
  public void insertTypeChanges(List<PatientPathway.TypeChange> changes) {
    typeChanges.insert(changes);
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
                    TypeChanges.linked(h, typeChanges.touching(List.of(id))),
                    facts(id),
                    milestones.byPathway(List.of(id)).getOrDefault(id, List.of())));
  }

  public List<PatientPathway> findByPatient(String patient) {
    return withFacts(headers("where patient = :v", patient));
  }

  /** The headers (no facts) of every pathway instance of a patient, oldest first. */
  public List<PatientPathway.Header> headersOfPatient(String patient) {
    return headers("where patient = :v", patient);
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

  private List<CodeFact> facts(UUID pathway) {
    return jdbc.sql(FactRows.SELECT_FACTS + " where pathway_id = :pathway order by seq")
        .param("pathway", pathway)
        .query(FactRows::fact)
        .list();
  }
}

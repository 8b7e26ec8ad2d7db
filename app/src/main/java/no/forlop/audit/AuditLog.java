package no.forlop.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import no.forlop.access.Actor;
import no.forlop.database.CopyRows;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Understands how to record an access to patient data and how to find the accesses to one patient.
 * Entries are written in the caller's transaction, so a change and its audit entry are stored
 * together or not at all; a refusal is written in a transaction of its own, so it stays when the
 * refused request is rolled back. An access under an emergency access (nødtilgang) to the patient
 * is recorded with the purpose emergency access, whatever purpose the request gave.
 */
@Service
public class AuditLog {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.clock = clock;
  }

  @Transactional
  public void record(
      Actor actor,
      AuditAction action,
      @Nullable String patient,
      String resource,
      @Nullable String details) {
    jdbc.sql(
            """
            insert into audit_event (at, actor, purpose, action, patient, resource, details)
            values (:at, :actor, :purpose, :action, :patient, :resource, :details)
            """)
        .param("at", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
        .param("actor", actor.id())
        .param("purpose", actor.purposeFor(patient))
        .param("action", action.name())
        .param("patient", patient)
        .param("resource", resource)
        .param("details", details)
        .update();
  }

  /**
   * Records that the actor was refused this patient's data (outside their units), in a transaction
   * of its own: the refusal rolls back the caller's transaction, the entry stays.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void recordRefused(Actor actor, String patient, String resource) {
    record(actor, AuditAction.REFUSED, patient, resource, "OUTSIDE_UNITS");
  }

  /** An access to record for the actor of a batch. */
  public record Entry(
      AuditAction action, @Nullable String patient, String resource, @Nullable String details) {}

  /**
   * Records many accesses by one actor with one {@code COPY}, in the caller's transaction (a
   * chunk's derivation records a few hundred at once).
   */
  @Transactional
  public void recordAll(Actor actor, List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    var at = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    CopyRows.copy(
        java.util.Objects.requireNonNull(batch.getDataSource()),
        "audit_event",
        List.of("at", "actor", "purpose", "action", "patient", "resource", "details"),
        entries.stream()
            .map(
                e ->
                    new Object[] {
                      at,
                      actor.id(),
                      actor.purposeFor(e.patient()),
                      e.action().name(),
                      e.patient(),
                      e.resource(),
                      e.details()
                    })
            .toList());
  }

  /** Records one read of each patient's data in a list (e.g. a list of pathways). */
  @Transactional
  public void recordReads(Actor actor, List<String> patients, String resource) {
    recordAll(
        actor,
        patients.stream()
            .distinct()
            .map(p -> new Entry(AuditAction.READ, p, resource, null))
            .toList());
  }

  @Transactional(readOnly = true)
  public List<AuditEntry> forPatient(String patient) {
    return jdbc.sql(
            """
            select id, at, actor, purpose, action, patient, resource, details
            from audit_event where patient = :patient order by id
            """)
        .param("patient", patient)
        .query(
            (rs, n) ->
                new AuditEntry(
                    rs.getLong("id"),
                    rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getString("actor"),
                    rs.getString("purpose"),
                    AuditAction.valueOf(rs.getString("action")),
                    rs.getString("patient"),
                    rs.getString("resource"),
                    rs.getString("details")))
        .list();
  }
}

package no.forlop.coordinator.municipality;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import no.forlop.access.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipality's contact for a patient (the coordinating unit, koordinerende enhet): recorded
 * by the hospital, every version kept, the latest counts. Recording is audited.
 */
@Component
class MunicipalContacts {

  /** A municipality's contact as recorded. */
  record Contact(
      String municipality,
      String unitName,
      @Nullable String contactName,
      @Nullable String phone,
      @Nullable String email,
      Instant recordedAt,
      String recordedBy) {}

  private final JdbcClient jdbc;
  private final AuditLog audit;
  private final Clock clock;

  MunicipalContacts(JdbcClient jdbc, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  Optional<Contact> of(String patient) {
    return jdbc.sql(
            """
            select municipality, unit_name, contact_name, phone, email, recorded_at, recorded_by
            from municipal_contact where patient = :patient order by seq desc limit 1
            """)
        .param("patient", patient)
        .query(
            (rs, n) ->
                new Contact(
                    rs.getString("municipality"),
                    rs.getString("unit_name"),
                    rs.getString("contact_name"),
                    rs.getString("phone"),
                    rs.getString("email"),
                    rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                    rs.getString("recorded_by")))
        .optional();
  }

  @Transactional
  void record(
      String patient,
      String municipality,
      String unitName,
      @Nullable String contactName,
      @Nullable String phone,
      @Nullable String email,
      Actor actor) {
    jdbc.sql(
            """
            insert into municipal_contact (patient, municipality, unit_name, contact_name, phone,
                email, recorded_at, recorded_by)
            values (:patient, :municipality, :unit, :name, :phone, :email, :at, :by)
            """)
        .param("patient", patient)
        .param("municipality", municipality)
        .param("unit", unitName)
        .param("name", contactName)
        .param("phone", phone)
        .param("email", email)
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .param("by", actor.id())
        .update();
    audit.record(actor, AuditAction.UPDATE, patient, "municipal-contact", null);
  }
}

package no.forlop.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Understands the emergency accesses (nødtilgang) given: grants one for the configured time, finds
 * a user's active ones by the injected clock, lists them for review by the patient's unit and
 * records the review. The audit entries are the caller's (the pathway module writes the grant's).
 */
@Service
public class EmergencyGrants {

  /** Longest review comment. */
  public static final int MAX_COMMENT = 500;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final EmergencyAccessSettings settings;

  EmergencyGrants(JdbcClient jdbc, Clock clock, EmergencyAccessSettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
  }

  /** Gives the user emergency access to the patient at the unit, from now for the set time. */
  @Transactional
  public EmergencyGrant grant(
      String actor, String patient, String organisation, UUID pathway, EmergencyRequest request) {
    var now = clock.instant();
    var grant =
        new EmergencyGrant(
            UUID.randomUUID(),
            actor,
            patient,
            organisation,
            pathway,
            request.kind(),
            request.reason(),
            now,
            now.plus(settings.duration()),
            null,
            null,
            null);
    jdbc.sql(
            """
            insert into emergency_access
              (id, actor, patient, organisation, pathway_id, kind, reason, granted_at, expires_at)
            values (:id, :actor, :patient, :organisation, :pathway, :kind, :reason, :at, :until)
            """)
        .param("id", grant.id())
        .param("actor", actor)
        .param("patient", patient)
        .param("organisation", organisation)
        .param("pathway", pathway)
        .param("kind", request.kind().name())
        .param("reason", request.reason())
        .param("at", utc(grant.grantedAt()))
        .param("until", utc(grant.expiresAt()))
        .update();
    return grant;
  }

  /** The user's emergency accesses open now, newest first. */
  @Transactional(readOnly = true)
  public List<EmergencyGrant> active(String actor) {
    var now = clock.instant();
    return jdbc
        .sql(
            "select * from emergency_access where actor = :actor and granted_at <= :now"
                + " and expires_at > :now order by granted_at desc")
        .param("actor", actor)
        .param("now", utc(now))
        .query(EmergencyGrants::row)
        .list()
        .stream()
        .filter(g -> g.activeAt(now))
        .toList();
  }

  /** What the user's open emergency accesses open. */
  public Set<EmergencyAccess> activeAccess(String actor) {
    return active(actor).stream().map(EmergencyGrant::access).collect(Collectors.toSet());
  }

  /** The user's open emergency access to this patient at this unit, if any. */
  public Optional<EmergencyGrant> activeFor(String actor, String patient, String organisation) {
    return active(actor).stream()
        .filter(g -> g.patient().equals(patient) && g.organisation().equals(organisation))
        .findFirst();
  }

  /**
   * The emergency accesses to patients of these units, newest first, for review by the units'
   * leaders and administrators.
   *
   * @param units the reviewer's units; {@code null} for every unit
   */
  @Transactional(readOnly = true)
  public List<EmergencyGrant> forReview(@Nullable Set<String> units) {
    if (units == null) {
      return jdbc.sql("select * from emergency_access order by granted_at desc, id")
          .query(EmergencyGrants::row)
          .list();
    }
    if (units.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select * from emergency_access where organisation in (:units)"
                + " order by granted_at desc, id")
        .param("units", List.copyOf(units))
        .query(EmergencyGrants::row)
        .list();
  }

  /**
   * How many emergency accesses to patients of these units there are for review ({@link
   * #forReview(Set)}'s length).
   */
  @Transactional(readOnly = true)
  public long countForReview(@Nullable Set<String> units) {
    if (units != null && units.isEmpty()) {
      return 0;
    }
    var sql = jdbc.sql("select count(*) from emergency_access" + forUnits(units));
    if (units != null) {
      sql = sql.param("units", List.copyOf(units));
    }
    return sql.query(Long.class).single();
  }

  /**
   * One page of {@link #forReview(Set)}: at most {@code limit} of them, newest first, after the
   * first {@code offset}.
   */
  @Transactional(readOnly = true)
  public List<EmergencyGrant> forReview(@Nullable Set<String> units, long offset, int limit) {
    if (units != null && units.isEmpty()) {
      return List.of();
    }
    var sql =
        jdbc.sql(
                "select * from emergency_access"
                    + forUnits(units)
                    + " order by granted_at desc, id limit :limit offset :offset")
            .param("limit", limit)
            .param("offset", offset);
    if (units != null) {
      sql = sql.param("units", List.copyOf(units));
    }
    return sql.query(EmergencyGrants::row).list();
  }

  private static String forUnits(@Nullable Set<String> units) {
    return units == null ? "" : " where organisation in (:units)";
  }

  @Transactional(readOnly = true)
  public Optional<EmergencyGrant> find(UUID id) {
    return jdbc.sql("select * from emergency_access where id = :id")
        .param("id", id)
        .query(EmergencyGrants::row)
        .optional();
  }

  /**
   * Marks an emergency access reviewed, once.
   *
   * @return the access as reviewed, or empty when it was reviewed already
   */
  @Transactional
  public Optional<EmergencyGrant> review(UUID id, String reviewer, String comment) {
    var updated =
        jdbc.sql(
                """
                update emergency_access
                set reviewed_by = :by, reviewed_at = :at, review_comment = :comment
                where id = :id and reviewed_at is null
                """)
            .param("id", id)
            .param("by", reviewer)
            .param("at", utc(clock.instant()))
            .param("comment", comment)
            .update();
    return updated == 0 ? Optional.empty() : find(id);
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static EmergencyGrant row(ResultSet rs, int n) throws SQLException {
    var reviewedAt = rs.getObject("reviewed_at", OffsetDateTime.class);
    return new EmergencyGrant(
        rs.getObject("id", UUID.class),
        rs.getString("actor"),
        rs.getString("patient"),
        rs.getString("organisation"),
        rs.getObject("pathway_id", UUID.class),
        EmergencyRequest.Kind.valueOf(rs.getString("kind")),
        rs.getString("reason"),
        rs.getObject("granted_at", OffsetDateTime.class).toInstant(),
        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
        rs.getString("reviewed_by"),
        reviewedAt == null ? null : reviewedAt.toInstant(),
        rs.getString("review_comment"));
  }
}

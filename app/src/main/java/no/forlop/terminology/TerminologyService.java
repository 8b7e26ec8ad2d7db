package no.forlop.terminology;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.forlop.access.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.terminology.domain.ConceptMapping;
import no.forlop.terminology.domain.Terminology;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Understands which terminology is in force: Forløp's default mappings of this release, and the
 * hospital's ConceptMap version activated last, if any. Keeps every ConceptMap version ever loaded
 * (append-only), puts a new one in force when an administrator loads it, and an earlier one back on
 * request; every change is written to the audit log. The derivation asks for {@link #current()}
 * each time it runs, so a change takes effect for new deliveries and for a re-derivation.
 */
@Service
public class TerminologyService {

  private static final Logger log = LoggerFactory.getLogger(TerminologyService.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final AuditLog audit;
  private final DefaultTerminology.Defaults defaults = DefaultTerminology.bundled();
  private final Map<String, List<ConceptMapping>> parsed = new ConcurrentHashMap<>();
  private volatile Terminology current;

  TerminologyService(JdbcClient jdbc, Clock clock, AuditLog audit) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.audit = audit;
    this.current = active();
    log.info(
        "Terminology in force: default mappings {}{}",
        defaults.version(),
        current.conceptMapVersion().map(v -> ", ConceptMap " + v).orElse(""));
  }

  /** The terminology in force now: the defaults, and the hospital's ConceptMap if one is active. */
  public Terminology current() {
    return current;
  }

  /** The default mappings of this release, with the code systems they use. */
  public DefaultTerminology.Defaults defaults() {
    return defaults;
  }

  /** Every ConceptMap version loaded, oldest first, and which is in force. */
  public List<ConceptMapVersion> versions() {
    var active = activeVersion();
    return jdbc.sql(
            """
            select v.version, v.url, v.checksum, v.mappings, v.loaded_at, v.loaded_by,
                   a.activated_at, a.activated_by
            from concept_map_version v
            left join lateral (
              select activated_at, activated_by from concept_map_activation x
              where x.version = v.version order by x.seq desc limit 1) a on true
            order by v.loaded_at, v.version
            """)
        .query(
            (rs, n) -> {
              var activatedAt = rs.getObject("activated_at", OffsetDateTime.class);
              return new ConceptMapVersion(
                  rs.getString("version"),
                  rs.getString("url"),
                  rs.getString("checksum"),
                  rs.getInt("mappings"),
                  rs.getObject("loaded_at", OffsetDateTime.class).toInstant(),
                  rs.getString("loaded_by"),
                  activatedAt == null ? null : activatedAt.toInstant(),
                  rs.getString("activated_by"),
                  rs.getString("version").equals(active));
            })
        .list();
  }

  /** A stored ConceptMap exactly as it was loaded (FHIR JSON). */
  public Optional<String> content(String version) {
    return jdbc.sql("select content from concept_map_version where version = :v")
        .param("v", version)
        .query(String.class)
        .optional();
  }

  /**
   * Validates a ConceptMap (FHIR R4 JSON), stores it and puts it in force. Loading the same map
   * again changes nothing; a version label taken by a map with other content is refused.
   *
   * @throws InvalidConceptMapException naming every problem
   * @throws ConceptMapVersionConflictException if the version label is taken
   */
  @Transactional
  public ConceptMapVersion load(byte[] content, Actor actor) {
    var read = ConceptMapReader.read(content);
    var checksum = sha256(content);
    var stored =
        jdbc.sql("select checksum from concept_map_version where version = :v")
            .param("v", read.version())
            .query(String.class)
            .optional();
    if (stored.isPresent()) {
      if (!stored.get().equals(checksum)) {
        throw new ConceptMapVersionConflictException(read.version());
      }
      return info(read.version());
    }
    jdbc.sql(
            """
            insert into concept_map_version
              (version, url, checksum, content, mappings, loaded_at, loaded_by)
            values (:version, :url, :checksum, :content, :mappings, :now, :by)
            """)
        .param("version", read.version())
        .param("url", read.url())
        .param("checksum", checksum)
        .param("content", new String(content, StandardCharsets.UTF_8))
        .param("mappings", read.mappings().size())
        .param("now", now())
        .param("by", actor.id())
        .update();
    parsed.put(read.version(), read.mappings());
    audit.record(
        actor,
        AuditAction.CREATE,
        null,
        "ConceptMap/" + read.version(),
        "loaded "
            + read.mappings().size()
            + " mappings"
            + (read.url().isEmpty() ? "" : " of " + read.url()));
    activateStored(read.version(), actor);
    log.info("ConceptMap version {} loaded and put in force by {}", read.version(), actor.id());
    return info(read.version());
  }

  /** Puts a stored ConceptMap version in force again (e.g. to undo a faulty one). */
  @Transactional
  public Optional<ConceptMapVersion> activate(String version, Actor actor) {
    if (content(version).isEmpty()) {
      return Optional.empty();
    }
    activateStored(version, actor);
    log.info("ConceptMap version {} put in force by {}", version, actor.id());
    return Optional.of(info(version));
  }

  private void activateStored(String version, Actor actor) {
    jdbc.sql(
            """
            insert into concept_map_activation (version, activated_at, activated_by)
            values (:v, :now, :by)
            """)
        .param("v", version)
        .param("now", now())
        .param("by", actor.id())
        .update();
    audit.record(actor, AuditAction.UPDATE, null, "ConceptMap/" + version, "put in force");
    current = active();
  }

  private ConceptMapVersion info(String version) {
    return versions().stream().filter(v -> v.version().equals(version)).findFirst().orElseThrow();
  }

  private @Nullable String activeVersion() {
    return jdbc.sql("select version from concept_map_activation order by seq desc limit 1")
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private Terminology active() {
    var base = defaults.terminology();
    var version = activeVersion();
    if (version == null) {
      return base;
    }
    var mappings =
        parsed.computeIfAbsent(
            version,
            v ->
                ConceptMapReader.read(content(v).orElseThrow().getBytes(StandardCharsets.UTF_8))
                    .mappings());
    return base.with(version, mappings);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

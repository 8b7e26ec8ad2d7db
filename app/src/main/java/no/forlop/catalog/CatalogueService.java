package no.forlop.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import no.forlop.access.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Understands which catalogue version is in force, and keeps every version ever loaded. The
 * catalogue bundled with a release is stored at start; an administrator can load a new version at
 * run time, or activate an earlier one again.
 */
@Service
public class CatalogueService {

  static final String BUNDLED = "catalog/catalogue.yaml";
  private static final Logger log = LoggerFactory.getLogger(CatalogueService.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Map<String, Catalogue> parsed = new ConcurrentHashMap<>();
  private volatile Catalogue current;

  CatalogueService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.current = storeBundled();
  }

  private Catalogue storeBundled() {
    byte[] content;
    try (var in = new ClassPathResource(BUNDLED).getInputStream()) {
      content = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The bundled catalogue " + BUNDLED + " cannot be read", e);
    }
    var catalogue = CatalogueParser.parse(content);
    var stored = stored(catalogue.version());
    if (stored.isEmpty()) {
      insert(catalogue, content, CatalogueVersionInfo.Origin.BUNDLED, Actor.system("release"));
      log.info("Loaded the bundled catalogue, version {}", catalogue.version());
    } else if (!stored.get().checksum().equals(catalogue.checksum())) {
      throw new CatalogueVersionConflictException(catalogue.version());
    }
    return active();
  }

  /** The catalogue in force now. */
  public Catalogue current() {
    return current;
  }

  /** A stored version, in force or not. */
  public Optional<Catalogue> version(String version) {
    var cached = parsed.get(version);
    if (cached != null) {
      return Optional.of(cached);
    }
    return jdbc.sql("select content from catalogue_version where version = :v")
        .param("v", version)
        .query(String.class)
        .optional()
        .map(content -> remember(CatalogueParser.parse(content.getBytes(StandardCharsets.UTF_8))));
  }

  public List<CatalogueVersionInfo> versions() {
    var active = activeVersion();
    return jdbc.sql(
            """
            select version, checksum, origin, loaded_at, loaded_by, activated_at
            from catalogue_version order by loaded_at, version
            """)
        .query(
            (rs, n) ->
                new CatalogueVersionInfo(
                    rs.getString("version"),
                    rs.getString("checksum"),
                    CatalogueVersionInfo.Origin.valueOf(rs.getString("origin")),
                    rs.getObject("loaded_at", OffsetDateTime.class).toInstant(),
                    rs.getString("loaded_by"),
                    rs.getObject("activated_at", OffsetDateTime.class).toInstant(),
                    rs.getString("version").equals(active)))
        .list();
  }

  /**
   * Validates a catalogue document and puts it in force. Loading the same document again changes
   * nothing; a known version label with other content is refused.
   *
   * @throws InvalidCatalogueException with every problem found
   * @throws CatalogueVersionConflictException if the version label is taken
   */
  @Transactional
  public CatalogueVersionInfo load(byte[] content, Actor actor) {
    var catalogue = CatalogueParser.parse(content);
    var stored = stored(catalogue.version());
    if (stored.isPresent()) {
      if (!stored.get().checksum().equals(catalogue.checksum())) {
        throw new CatalogueVersionConflictException(catalogue.version());
      }
      return info(catalogue.version());
    }
    insert(catalogue, content, CatalogueVersionInfo.Origin.UPLOADED, actor);
    log.info("Catalogue version {} loaded and put in force by {}", catalogue.version(), actor.id());
    current = active();
    return info(catalogue.version());
  }

  /** Puts a stored version in force again (e.g. to undo a faulty upload). */
  @Transactional
  public Optional<CatalogueVersionInfo> activate(String version, Actor actor) {
    var updated =
        jdbc.sql(
                """
                update catalogue_version
                set activated_at = :now, activation_seq = nextval('catalogue_activation')
                where version = :v
                """)
            .param("now", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC))
            .param("v", version)
            .update();
    if (updated == 0) {
      return Optional.empty();
    }
    log.info("Catalogue version {} put in force by {}", version, actor.id());
    current = active();
    return Optional.of(info(version));
  }

  private CatalogueVersionInfo info(String version) {
    return versions().stream().filter(v -> v.version().equals(version)).findFirst().orElseThrow();
  }

  private record Stored(String checksum) {}

  private Optional<Stored> stored(String version) {
    return jdbc.sql("select checksum from catalogue_version where version = :v")
        .param("v", version)
        .query(String.class)
        .optional()
        .map(Stored::new);
  }

  private void insert(
      Catalogue catalogue, byte[] content, CatalogueVersionInfo.Origin origin, Actor actor) {
    var now = OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    jdbc.sql(
            """
            insert into catalogue_version
              (version, checksum, content, origin, loaded_at, loaded_by, activated_at,
               activation_seq)
            values (:version, :checksum, :content, :origin, :now, :by, :now,
                    nextval('catalogue_activation'))
            """)
        .param("version", catalogue.version())
        .param("checksum", catalogue.checksum())
        .param("content", new String(content, StandardCharsets.UTF_8))
        .param("origin", origin.name())
        .param("now", now)
        .param("by", actor.id())
        .update();
    remember(catalogue);
  }

  private String activeVersion() {
    return jdbc.sql("select version from catalogue_version order by activation_seq desc limit 1")
        .query(String.class)
        .single();
  }

  private Catalogue active() {
    return version(activeVersion()).orElseThrow();
  }

  private Catalogue remember(Catalogue catalogue) {
    parsed.putIfAbsent(catalogue.version(), catalogue);
    return parsed.get(catalogue.version());
  }
}

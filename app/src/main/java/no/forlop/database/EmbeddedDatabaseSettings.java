package no.forlop.database;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Settings of the embedded PostgreSQL, used only when no {@code spring.datasource.url} is set.
 *
 * @param dataDir the data folder; it survives restarts (default {@code ./data/postgres})
 * @param temporary use a fresh folder that is deleted at shutdown (tests, {@code replay})
 * @param port the port, or 0 for any free port
 * @param fromTemplate with {@code temporary}: the fresh folder is a copy of a data folder that has
 *     already been through initdb and every migration, made once per set of migrations (ADR 0029;
 *     {@code replay})
 * @param templateDir where those templates are kept (default: {@code forlop-db-templates-<user>} in
 *     the system's temporary folder)
 */
@ConfigurationProperties("forlop.database.embedded")
public record EmbeddedDatabaseSettings(
    @Nullable Path dataDir,
    boolean temporary,
    int port,
    boolean fromTemplate,
    @Nullable Path templateDir) {

  @ConstructorBinding
  public EmbeddedDatabaseSettings {
    if (dataDir == null) {
      dataDir = Path.of("data", "postgres");
    }
    if (templateDir == null) {
      templateDir =
          Path.of(
              System.getProperty("java.io.tmpdir"),
              "forlop-db-templates-" + System.getProperty("user.name", "user"));
    }
  }

  /** The usual settings: no template. */
  public EmbeddedDatabaseSettings(@Nullable Path dataDir, boolean temporary, int port) {
    this(dataDir, temporary, port, false, null);
  }
}

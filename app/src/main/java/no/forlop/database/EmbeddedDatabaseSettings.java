package no.forlop.database;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL, used only when no {@code spring.datasource.url} is set.
 *
 * @param dataDir the data folder; it survives restarts (default {@code ./data/postgres})
 * @param temporary use a fresh folder that is deleted at shutdown (tests, {@code replay})
 * @param port the port, or 0 for any free port
 */
@ConfigurationProperties("forlop.database.embedded")
public record EmbeddedDatabaseSettings(@Nullable Path dataDir, boolean temporary, int port) {

  public EmbeddedDatabaseSettings {
    if (dataDir == null) {
      dataDir = Path.of("data", "postgres");
    }
  }
}

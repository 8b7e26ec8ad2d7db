package no.forlop.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL (the real server, zonky's binaries) when no external database is
 * configured, so that a first run and the tests need nothing installed.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlConfigured.class)
@EnableConfigurationProperties(EmbeddedDatabaseSettings.class)
class EmbeddedDatabaseConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseSettings settings) throws IOException {
    var builder = EmbeddedPostgres.builder().setPGStartupWait(java.time.Duration.ofSeconds(60));
    if (settings.port() > 0) {
      builder.setPort(settings.port());
    }
    if (settings.temporary()) {
      builder.setCleanDataDirectory(true);
      log.info("Starting a temporary embedded PostgreSQL");
    } else {
      var dir = settings.dataDir().toAbsolutePath();
      Files.createDirectories(dir);
      builder.setDataDirectory(dir).setCleanDataDirectory(false);
      log.info("Starting the embedded PostgreSQL with its data in {}", dir);
    }
    return builder.start();
  }

  @Bean
  DataSource dataSource(EmbeddedPostgres postgres) {
    var dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(
        postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(10);
    dataSource.setPoolName("forlop-embedded");
    return dataSource;
  }
}

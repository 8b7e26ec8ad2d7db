package no.forlop.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
  private static final java.time.Duration LEFTOVER_STOP_WAIT = java.time.Duration.ofSeconds(30);

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
      // a server left running by a Forløp that was killed would hold the folder: stop it first
      LeftoverPostmaster.stopIfRunning(dir, LEFTOVER_STOP_WAIT);
      builder.setDataDirectory(dir).setCleanDataDirectory(false);
      log.info("Starting the embedded PostgreSQL with its data in {}", dir);
    }
    return builder.start();
  }

  /**
   * The pool, with Spring Boot's {@code spring.datasource.hikari.*} settings applied as for an
   * external database (e.g. {@code connection-timeout}: how long a request waits for a connection
   * while the database cannot be reached, before it is answered 503).
   */
  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedPostgres postgres) {
    var dataSource = new HikariDataSource();
    // logServerErrorDetail=false: the driver's messages (logged with a failure) name no values of
    // the statement, which are patients' data, nor the server's detail of them
    dataSource.setJdbcUrl(
        postgres.getJdbcUrl("postgres", "postgres")
            + "&reWriteBatchedInserts=true&logServerErrorDetail=false");
    dataSource.setUsername("postgres");
    dataSource.setMaximumPoolSize(10);
    dataSource.setPoolName("forlop-embedded");
    return dataSource;
  }
}

package no.forlop.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

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

  /**
   * The copy of the migrated template that a temporary database runs on, when {@code
   * forlop.database.embedded.from-template} is on (ADR 0029); deleted after the server has stopped
   * (the server depends on it, so it is closed first).
   */
  @Bean(destroyMethod = "close")
  TemplateCopy embeddedTemplateCopy(EmbeddedDatabaseSettings settings, Environment environment)
      throws IOException {
    if (!settings.temporary() || !settings.fromTemplate()) {
      return TemplateCopy.NONE;
    }
    var locations =
        Binder.get(environment)
            .bind("spring.flyway.locations", Bindable.listOf(String.class))
            .orElse(List.of("classpath:db/migration"));
    var template =
        MigratedTemplate.ensure(
            settings.templateDir(),
            locations,
            dir -> builder(settings).setDataDirectory(dir).setCleanDataDirectory(false).start());
    return new TemplateCopy(
        MigratedTemplate.copy(template, Files.createTempDirectory("forlop-db-")));
  }

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseSettings settings, TemplateCopy copy)
      throws IOException {
    var builder = builder(settings);
    if (settings.temporary()) {
      throwaway(builder);
    }
    if (copy.dataDir() != null) {
      builder.setDataDirectory(copy.dataDir()).setCleanDataDirectory(false);
      log.info("Starting a temporary embedded PostgreSQL from the migrated template");
    } else if (settings.temporary()) {
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

  private static EmbeddedPostgres.Builder builder(EmbeddedDatabaseSettings settings) {
    var builder = EmbeddedPostgres.builder().setPGStartupWait(java.time.Duration.ofSeconds(60));
    if (settings.port() > 0) {
      builder.setPort(settings.port());
    }
    return builder;
  }

  /**
   * A temporary database is deleted when the server stops, so nothing in it needs to survive a
   * crash of the machine: no waiting for the disk at each commit, no full pages in the WAL (ADR
   * 0033). A server that is killed still keeps what it committed (the files are written, only not
   * flushed). zonky starts every server with {@code -F} (fsync off) and {@code
   * synchronous_commit=off} already; said here where it matters, with the full-page writes.
   */
  private static void throwaway(EmbeddedPostgres.Builder builder) {
    builder
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off");
  }

  /** A data folder copied from the template, or none ({@link #NONE}). */
  record TemplateCopy(@Nullable Path dataDir) implements AutoCloseable {

    static final TemplateCopy NONE = new TemplateCopy(null);

    @Override
    public void close() throws IOException {
      if (dataDir != null) {
        MigratedTemplate.delete(dataDir);
      }
    }
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

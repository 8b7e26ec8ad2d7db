package no.forlop.replay;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import no.forlop.pathway.PathwayReadModel;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The replay's own, lean application context (ADR 0033): the same components as the server for
 * everything a replay reads and writes (intake, derivation, pathways, catalogue, terminology,
 * calendar, audit, the embedded database), created lazily, with only the auto-configuration those
 * need (transactions, JDBC, Flyway), and none of what serves people or other systems.
 *
 * <p>Left out, so neither defined nor run: controllers and pages ({@code web}, every
 * {@code @Controller} and {@code @ControllerAdvice}), the demo hospital, the bulk import, the pull
 * connector and the FHIR endpoint (other ways in than the replay's file), and the read models
 * derived from the pathways ({@link PathwayReadModel}: worklist, statistics), which the replay's
 * document does not contain. The derivation, its rules and its catalogue are the server's own
 * beans; {@code ForlopApplication} is not part of this context (its component scan and
 * auto-configuration would bring everything back).
 *
 * <p>Not annotated as a configuration (no {@code @SpringBootConfiguration}): it is a source given
 * to {@code SpringApplication} only, so the server's component scan cannot find it and run this
 * scan inside the server's context.
 */
@ImportAutoConfiguration({
  PropertyPlaceholderAutoConfiguration.class,
  ConfigurationPropertiesAutoConfiguration.class,
  FlywayAutoConfiguration.class,
  JdbcTemplateAutoConfiguration.class,
  JdbcClientAutoConfiguration.class,
  DataSourceTransactionManagerAutoConfiguration.class,
  TransactionAutoConfiguration.class
})
@ConfigurationPropertiesScan("no.forlop")
@ComponentScan(
    basePackages = "no.forlop",
    excludeFilters = {
      @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
      @Filter(
          type = FilterType.ANNOTATION,
          classes = {SpringBootConfiguration.class, Controller.class, ControllerAdvice.class}),
      @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = PathwayReadModel.class),
      @Filter(
          type = FilterType.REGEX,
          pattern =
              "no\\.forlop\\.(web|demo|ingest\\.bulk|ingest\\.pull|ingest\\.fhir\\.server)\\..*")
    })
class ReplayApplication {

  /**
   * The metrics the intake and the sign-in keep, for nobody: a replay has no monitoring, so a
   * registry without any backend (every meter a no-op) stands in for the server's Prometheus one.
   */
  @Bean
  static MeterRegistry meterRegistry() {
    return new CompositeMeterRegistry();
  }
}

package no.forlop.ingest.pull;

import java.time.Instant;
import no.forlop.database.Leases;
import no.forlop.web.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.TriggerContext;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Polls the FHIR server every {@code forlop.pull.interval} (counted from the end of the previous
 * poll), only when {@code forlop.pull.enabled=true}. After a failed poll (the server failed, or
 * Forløp's database could not be reached) the pause doubles, up to {@code forlop.pull.max-backoff},
 * and is back to the interval after a poll that fetched every type ({@link PullConnector#pause()}).
 * Each poll goes on from the cursors, so nothing is lost while it waits.
 *
 * <p>With several nodes on one database, one of them polls a server: the one that holds its lease
 * ({@code pull:<base URL>}, ADR 0032), renewed by its heartbeat. The others' schedules find the
 * lease held and skip; when its holder is gone, the next of them to come takes it over.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("forlop.pull.enabled")
@EnableScheduling
class PullSchedule implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(PullSchedule.class);

  private final PullConnector connector;
  private final PullSettings settings;
  private final Leases leases;

  PullSchedule(PullConnector connector, PullSettings settings, Leases leases) {
    if (settings.source() == null) {
      throw new IllegalStateException(
          "forlop.pull.enabled=true needs forlop.pull.base-url (the FHIR server to poll)");
    }
    this.connector = connector;
    this.settings = settings;
    this.leases = leases;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addTriggerTask(this::poll, this::next);
    log.info("Pulling from {} every {}", settings.source(), settings.interval());
  }

  /** The first poll at once; each next one the connector's pause after the end of the last. */
  Instant next(TriggerContext context) {
    var last = context.lastCompletion();
    var next = last == null ? context.getClock().instant() : last.plus(connector.pause());
    connector.nextPollAt(next);
    return next;
  }

  void poll() {
    try {
      if (!leases.claim("pull:" + settings.source())) {
        log.debug("Another node polls {}; this one does not", settings.source());
        return;
      }
      if (connector.poll(PullConnector.PULL).isEmpty()) {
        log.info("A poll is still running; this one is skipped");
      }
    } catch (RuntimeException e) {
      if (DatabaseOutage.isCause(e)) {
        log.warn(
            "Poll of {} stopped: Forløp's database cannot be reached ({})",
            settings.source(),
            DatabaseOutage.describe(e));
      } else {
        log.error("Poll of {} failed", settings.source(), e);
      }
    }
  }
}

package no.forlop.ingest.pull;

import java.time.Instant;
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
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("forlop.pull.enabled")
@EnableScheduling
class PullSchedule implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(PullSchedule.class);

  private final PullConnector connector;
  private final PullSettings settings;

  PullSchedule(PullConnector connector, PullSettings settings) {
    if (settings.source() == null) {
      throw new IllegalStateException(
          "forlop.pull.enabled=true needs forlop.pull.base-url (the FHIR server to poll)");
    }
    this.connector = connector;
    this.settings = settings;
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

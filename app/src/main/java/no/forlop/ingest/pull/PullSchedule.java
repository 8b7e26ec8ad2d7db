package no.forlop.ingest.pull;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Polls the FHIR server every {@code forlop.pull.interval} (counted from the end of the previous
 * poll), only when {@code forlop.pull.enabled=true}. A failed poll is logged and the next one comes
 * as usual.
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
    tasks.addFixedDelayTask(this::poll, settings.interval());
    log.info("Pulling from {} every {}", settings.source(), settings.interval());
  }

  void poll() {
    try {
      if (connector.poll(PullConnector.PULL).isEmpty()) {
        log.info("A poll is still running; this one is skipped");
      }
    } catch (RuntimeException e) {
      log.error("Poll of {} failed", settings.source(), e);
    }
  }
}

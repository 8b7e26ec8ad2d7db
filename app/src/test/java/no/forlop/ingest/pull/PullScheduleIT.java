package no.forlop.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.TriggerTask;
import org.springframework.scheduling.support.SimpleTriggerContext;

/** The pull connector is scheduled with Spring's scheduling only when it is enabled. */
class PullScheduleIT {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(PullSettings.class)
  static class Connector {
    @Bean
    PullConnector connector() {
      var connector = mock(PullConnector.class);
      when(connector.poll(any())).thenReturn(Optional.empty());
      when(connector.pause()).thenReturn(Duration.ofMinutes(5));
      return connector;
    }

    @Bean
    no.forlop.database.Leases leases() {
      return mock(no.forlop.database.Leases.class);
    }
  }

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Connector.class, PullSchedule.class);

  @Test
  void nothing_is_scheduled_by_default() {
    runner
        .withPropertyValues("forlop.pull.base-url=http://ehr.example/fhir")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(PullSchedule.class);
              assertThat(context).doesNotHaveBean(ScheduledTaskHolder.class);
            });
  }

  @Test
  void when_enabled_a_poll_is_scheduled_with_the_connectors_pause_between_polls() {
    runner
        .withPropertyValues(
            "forlop.pull.enabled=true",
            "forlop.pull.base-url=http://ehr.example/fhir",
            "forlop.pull.interval=PT5M")
        .run(
            context -> {
              assertThat(context).hasSingleBean(PullSchedule.class);
              var tasks = context.getBean(ScheduledTaskHolder.class).getScheduledTasks();
              assertThat(tasks).hasSize(1);
              var trigger = ((TriggerTask) tasks.iterator().next().getTask()).getTrigger();
              var connector = context.getBean(PullConnector.class);
              var end = Instant.parse("2025-01-01T08:00:00Z");
              var ended = new SimpleTriggerContext(end, end, end);

              // the interval after a poll that went well
              assertThat(trigger.nextExecution(ended)).isEqualTo(end.plus(Duration.ofMinutes(5)));

              // longer after failed ones: the connector's backoff
              // (doReturn: the scheduled poll may call the mock on its own thread meanwhile)
              doReturn(Duration.ofMinutes(20)).when(connector).pause();
              assertThat(trigger.nextExecution(ended)).isEqualTo(end.plus(Duration.ofMinutes(20)));
              verify(connector).nextPollAt(end.plus(Duration.ofMinutes(20)));
            });
  }

  @Test
  void enabled_without_a_server_to_poll_does_not_start() {
    runner
        .withPropertyValues("forlop.pull.enabled=true")
        .run(
            context ->
                assertThat(context)
                    .hasFailed()
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("forlop.pull.base-url"));
  }
}

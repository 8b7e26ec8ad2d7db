package no.forlop.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** The pull connector is scheduled with Spring's scheduling only when it is enabled. */
class PullScheduleIT {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(PullSettings.class)
  static class Connector {
    @Bean
    PullConnector connector() {
      var connector = mock(PullConnector.class);
      when(connector.poll(any())).thenReturn(Optional.empty());
      return connector;
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
  void when_enabled_a_poll_is_scheduled_with_the_interval_between_polls() {
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
              var task = (FixedDelayTask) tasks.iterator().next().getTask();
              assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(5));
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

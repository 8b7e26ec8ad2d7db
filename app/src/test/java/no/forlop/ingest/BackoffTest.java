package no.forlop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void each_failure_in_a_row_doubles_the_pause_up_to_the_longest() {
    var backoff = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(15));
    assertThat(backoff.pause()).isEqualTo(Duration.ofMinutes(1));
    assertThat(backoff.failed()).isEqualTo(Duration.ofMinutes(2));
    assertThat(backoff.failed()).isEqualTo(Duration.ofMinutes(4));
    assertThat(backoff.failed()).isEqualTo(Duration.ofMinutes(8));
    assertThat(backoff.failed()).isEqualTo(Duration.ofMinutes(15));
    assertThat(backoff.failed()).isEqualTo(Duration.ofMinutes(15));
    assertThat(backoff.failures()).isEqualTo(5);
  }

  @Test
  void a_success_brings_the_pause_back_to_the_base() {
    var backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
    backoff.failed();
    backoff.failed();
    backoff.succeeded();
    assertThat(backoff.failures()).isZero();
    assertThat(backoff.pause()).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.failed()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void very_many_failures_stay_at_the_longest_pause() {
    var backoff = new Backoff(Duration.ofMillis(1), Duration.ofHours(1));
    for (int i = 0; i < 1000; i++) {
      backoff.failed();
    }
    assertThat(backoff.pause()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void the_longest_pause_cannot_be_shorter_than_the_base() {
    assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

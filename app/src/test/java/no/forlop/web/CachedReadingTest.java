package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedReadingTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger reads = new AtomicInteger();

  @Test
  void a_value_is_read_once_per_period_and_again_when_the_period_is_over() {
    var reading = new CachedReading<>(reads::incrementAndGet, Duration.ofNanos(60), 0, now::get);

    assertThat(reading.get()).isEqualTo(1);
    now.addAndGet(59);
    assertThat(reading.get()).as("a nanosecond before the period ends").isEqualTo(1);
    now.addAndGet(1);
    assertThat(reading.get()).as("at the period's end").isEqualTo(2);
    assertThat(reads).hasValue(2);
  }

  @Test
  void a_failed_reading_keeps_the_last_value_and_is_tried_again_after_the_period() {
    var failing = new java.util.concurrent.atomic.AtomicBoolean(true);
    var reading =
        new CachedReading<>(
            () -> {
              reads.incrementAndGet();
              if (failing.get()) {
                throw new IllegalStateException("database away");
              }
              return 7;
            },
            Duration.ofNanos(10),
            -1,
            now::get);

    assertThat(reading.get()).as("before any success: the empty value").isEqualTo(-1);
    assertThat(reading.get()).as("not tried again within the period").isEqualTo(-1);
    assertThat(reads).hasValue(1);
    failing.set(false);
    now.addAndGet(10);
    assertThat(reading.get()).isEqualTo(7);
    failing.set(true);
    now.addAndGet(10);
    assertThat(reading.get()).as("the last value stays").isEqualTo(7);
  }
}

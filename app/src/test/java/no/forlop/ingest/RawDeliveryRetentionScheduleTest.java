package no.forlop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import no.forlop.database.Leases;
import org.junit.jupiter.api.Test;

/**
 * When a node looks for deliveries due (at its heartbeat), and from when deliveries are kept; the
 * purge itself against the database is RawDeliveryRetentionIT.
 */
class RawDeliveryRetentionScheduleTest {

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** The retention with its purge counted instead of run. */
  static final class Counted extends RawDeliveryRetention {
    final AtomicInteger purges = new AtomicInteger();
    boolean fail;

    Counted(Clock clock) {
      super(
          null,
          null,
          clock,
          mock(Leases.class),
          null,
          new RetentionSettings(Period.ofMonths(12), Duration.ofDays(1)));
    }

    @Override
    public Purged purge() {
      purges.incrementAndGet();
      if (fail) {
        throw new IllegalStateException("database gone");
      }
      return new Purged(0, 0, keptFrom());
    }
  }

  @Test
  void the_first_heartbeat_purges_then_not_before_a_day_has_passed() {
    var clock = new MovingClock(Instant.parse("2024-12-31T10:00:00Z"));
    var retention = new Counted(clock);
    retention.purgeIfDue();
    assertThat(retention.purges).hasValue(1);
    clock.now = clock.now.plus(Duration.ofDays(1)).minusSeconds(1);
    retention.purgeIfDue();
    assertThat(retention.purges).hasValue(1);
    clock.now = clock.now.plusSeconds(1);
    retention.purgeIfDue();
    assertThat(retention.purges).hasValue(2);
  }

  @Test
  void a_failed_purge_is_tried_again_at_the_next_heartbeat() {
    var clock = new MovingClock(Instant.parse("2024-12-31T10:00:00Z"));
    var retention = new Counted(clock);
    retention.fail = true;
    assertThatThrownBy(retention::purgeIfDue).hasMessageContaining("database gone");
    retention.fail = false;
    clock.now = clock.now.plusSeconds(10);
    retention.purgeIfDue();
    assertThat(retention.purges).hasValue(2);
  }

  @Test
  void deliveries_are_kept_from_the_start_of_the_day_the_period_ago_in_oslo() {
    // 2024-12-31 00:30 in Oslo is still 2024-12-30 in UTC: Oslo's day counts
    var retention = new Counted(new MovingClock(Instant.parse("2024-12-30T23:30:00Z")));
    assertThat(retention.keptFrom()).isEqualTo(Instant.parse("2023-12-30T23:00:00Z"));
    // summer time: the day starts at 22:00 UTC
    var summer = new Counted(new MovingClock(Instant.parse("2025-07-01T12:00:00Z")));
    assertThat(summer.keptFrom()).isEqualTo(Instant.parse("2024-06-30T22:00:00Z"));
  }
}

package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lockout's limits and windows, on both sides of every boundary, with a clock we move. */
class SignInGuardTest {

  private static final String HERE = "10.0.0.1";
  private static final String THERE = "10.0.0.2";

  /** A clock the test moves. */
  static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2024-12-31T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final List<Object> events = new ArrayList<>();
  private final SignInGuard guard =
      guard(new LockoutSettings(10, Duration.ofMinutes(5), 500, Duration.ofMinutes(10)));

  private SignInGuard guard(LockoutSettings settings) {
    var users =
        new Users(
            new AccessSettings(
                List.of(
                    new AccessSettings.LocalUser(
                        "kari", "{noop}x", "Kari", null, Set.of(Role.COORDINATOR), List.of())),
                List.of()));
    return new SignInGuard(settings, clock, users, events::add);
  }

  private void fail(String username, int times) {
    for (int i = 0; i < times; i++) {
      guard.failed(username, HERE);
    }
  }

  @Test
  void a_flood_of_names_nobody_has_does_not_wipe_a_users_failures_in_a_row() {
    fail("kari", 9);
    for (int i = 0; i <= SignInGuard.MAX_TRACKED; i++) {
      guard.failed("junk-" + i, "10.1." + (i / 250) + "." + (i % 250));
    }
    fail("kari", 1);
    assertThat(guard.refusedFor("kari", HERE)).contains(Duration.ofMinutes(5));
  }

  @Test
  void failures_older_than_a_lock_would_last_are_forgotten_when_memory_is_swept() {
    fail("kari", 9);
    clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    for (int i = 0; i <= SignInGuard.MAX_TRACKED; i++) {
      guard.failed("junk-" + i, "10.1." + (i / 250) + "." + (i % 250));
    }
    fail("kari", 1);
    assertThat(guard.refusedFor("kari", HERE)).isEmpty();
  }

  @Test
  void nine_failures_in_a_row_do_not_lock_the_tenth_does() {
    fail("kari", 9);
    assertThat(guard.refusedFor("kari", HERE)).isEmpty();
    fail("kari", 1);
    assertThat(guard.refusedFor("kari", HERE)).contains(Duration.ofMinutes(5));
  }

  @Test
  void the_lock_holds_at_4_59_and_lifts_at_5_00() {
    fail("kari", 10);
    clock.advance(Duration.ofMinutes(4).plusSeconds(59));
    assertThat(guard.refusedFor("kari", HERE)).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(guard.refusedFor("kari", HERE)).isEmpty();
  }

  @Test
  void after_the_lock_lifts_the_count_starts_again() {
    fail("kari", 10);
    clock.advance(Duration.ofMinutes(5));
    fail("kari", 9);
    assertThat(guard.refusedFor("kari", HERE)).isEmpty();
    fail("kari", 1);
    assertThat(guard.refusedFor("kari", HERE)).isPresent();
  }

  @Test
  void a_successful_sign_in_resets_the_count() {
    fail("kari", 9);
    guard.succeeded("kari");
    fail("kari", 9);
    assertThat(guard.refusedFor("kari", HERE)).isEmpty();
  }

  @Test
  void the_lock_is_the_usernames_whatever_the_address_or_case() {
    fail("kari", 10);
    assertThat(guard.refusedFor("kari", THERE)).isPresent();
    assertThat(guard.refusedFor("KARI", THERE)).isPresent();
    assertThat(guard.refusedFor("ola", HERE)).isEmpty();
  }

  @Test
  void a_username_nobody_has_is_locked_the_same_way() {
    fail("nobody-has-this", 9);
    assertThat(guard.refusedFor("nobody-has-this", HERE)).isEmpty();
    fail("nobody-has-this", 1);
    assertThat(guard.refusedFor("nobody-has-this", HERE)).contains(Duration.ofMinutes(5));
  }

  @Test
  void release_lifts_a_lock_at_once() {
    fail("kari", 10);
    guard.release("kari");
    assertThat(guard.refusedFor("kari", HERE)).isEmpty();
  }

  @Test
  void an_address_is_throttled_at_its_limit_within_the_window_and_not_before() {
    var strict = guard(new LockoutSettings(10, Duration.ofMinutes(5), 20, Duration.ofMinutes(10)));
    for (int i = 0; i < 19; i++) {
      strict.failed("user" + i, HERE); // one password sprayed over many usernames
    }
    assertThat(strict.refusedFor("someone", HERE)).isEmpty();
    strict.failed("user19", HERE);
    assertThat(strict.refusedFor("someone", HERE)).contains(Duration.ofMinutes(10));
    assertThat(strict.refusedFor("someone", THERE)).isEmpty();
    clock.advance(Duration.ofMinutes(9).plusSeconds(59));
    assertThat(strict.refusedFor("someone", HERE)).contains(Duration.ofSeconds(1));
    clock.advance(Duration.ofSeconds(1));
    assertThat(strict.refusedFor("someone", HERE)).isEmpty();
  }

  @Test
  void failures_from_an_address_in_an_old_window_do_not_count() {
    var strict = guard(new LockoutSettings(10, Duration.ofMinutes(5), 20, Duration.ofMinutes(10)));
    for (int i = 0; i < 19; i++) {
      strict.failed("user" + i, HERE);
    }
    clock.advance(Duration.ofMinutes(10));
    strict.failed("user19", HERE);
    assertThat(strict.refusedFor("someone", HERE)).isEmpty();
  }

  @Test
  void failures_and_locks_are_told_without_a_name_nobody_has() {
    fail("kari", 10);
    fail("Secret-Password1", 1);
    assertThat(events).hasSize(12);
    assertThat(events.get(0)).isEqualTo(new SignInFailed("kari", HERE, 1));
    assertThat(events.get(9)).isEqualTo(new SignInFailed("kari", HERE, 10));
    assertThat(events.get(10))
        .isEqualTo(
            new SignInLocked(
                "kari", HERE, Instant.parse("2024-12-31T10:05:00Z"), SignInLocked.Scope.USERNAME));
    assertThat(events.get(11)).isEqualTo(new SignInFailed(null, HERE, 1));
  }

  @Test
  void a_known_user_is_named_as_configured_whatever_the_case_typed() {
    fail("KARI", 1);
    assertThat(events).containsExactly(new SignInFailed("kari", HERE, 1));
  }

  @Test
  void the_address_throttle_is_told_once() {
    var strict = guard(new LockoutSettings(10, Duration.ofMinutes(5), 3, Duration.ofMinutes(10)));
    for (int i = 0; i < 4; i++) {
      strict.failed("user" + i, HERE);
    }
    assertThat(events)
        .filteredOn(SignInLocked.class::isInstance)
        .containsExactly(
            new SignInLocked(
                null, HERE, Instant.parse("2024-12-31T10:10:00Z"), SignInLocked.Scope.ADDRESS));
  }

  @Test
  void settings_refuse_limits_that_are_not_positive() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new LockoutSettings(0, Duration.ofMinutes(5), 500, Duration.ofMinutes(10)))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new LockoutSettings(10, Duration.ZERO, 500, Duration.ofMinutes(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

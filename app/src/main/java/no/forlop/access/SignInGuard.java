package no.forlop.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Understands when sign-in attempts are refused before the password is checked (ADR 0025): a
 * username after {@link LockoutSettings#attempts()} failures in a row, for {@link
 * LockoutSettings#duration()} — whether or not anybody has that username, so the answer never tells
 * — and a client address after {@link LockoutSettings#addressAttempts()} failures within {@link
 * LockoutSettings#addressWindow()}. A successful sign-in resets the username's count; locks lift by
 * themselves (the injected clock decides when). Counts are kept in memory, per instance.
 *
 * <p>Usernames are compared without case (as sign-in does) and kept only as a SHA-256 digest, so a
 * password typed into the username field is not held in memory in clear.
 */
@Component
public class SignInGuard {

  /**
   * Above this many tracked usernames or addresses, entries that can no longer lock anything are
   * dropped: an expired lock, failures older than a lock would last, a past address window.
   */
  static final int MAX_TRACKED = 10_000;

  private final LockoutSettings settings;
  private final Clock clock;
  private final Users users;
  private final ApplicationEventPublisher events;
  private final Map<String, UserCount> byUser = new ConcurrentHashMap<>();
  private final Map<String, AddressCount> byAddress = new ConcurrentHashMap<>();
  private volatile int sweepAbove = MAX_TRACKED;

  SignInGuard(
      LockoutSettings settings, Clock clock, Users users, ApplicationEventPublisher events) {
    this.settings = settings;
    this.clock = clock;
    this.users = users;
    this.events = events;
  }

  private record UserCount(int failures, Instant lastFailure, @Nullable Instant lockedUntil) {}

  private record AddressCount(Instant windowStart, int failures) {}

  /**
   * How long a sign-in as this username from this address is refused, unchecked; empty when it may
   * be tried now.
   */
  public Optional<Duration> refusedFor(String username, String address) {
    var now = clock.instant();
    Instant until = null;
    var user = byUser.get(key(username));
    if (user != null && user.lockedUntil() != null && now.isBefore(user.lockedUntil())) {
      until = user.lockedUntil();
    }
    var from = byAddress.get(address);
    if (from != null && from.failures() >= settings.addressAttempts()) {
      var end = from.windowStart().plus(settings.addressWindow());
      if (now.isBefore(end) && (until == null || end.isAfter(until))) {
        until = end;
      }
    }
    return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
  }

  /** Counts a failed sign-in; locks the username or the address when it reaches its limit. */
  public void failed(String username, String address) {
    var now = clock.instant();
    var user =
        byUser.compute(
            key(username),
            (k, old) -> {
              var count =
                  old == null || (old.lockedUntil() != null && !now.isBefore(old.lockedUntil()))
                      ? 0
                      : old.failures();
              count++;
              return new UserCount(
                  count, now, count >= settings.attempts() ? now.plus(settings.duration()) : null);
            });
    var from =
        byAddress.compute(
            address,
            (k, old) ->
                old == null || !now.isBefore(old.windowStart().plus(settings.addressWindow()))
                    ? new AddressCount(now, 1)
                    : new AddressCount(old.windowStart(), old.failures() + 1));
    var known = known(username);
    events.publishEvent(new SignInFailed(known, address, user.failures()));
    if (user.failures() == settings.attempts() && user.lockedUntil() != null) {
      events.publishEvent(
          new SignInLocked(known, address, user.lockedUntil(), SignInLocked.Scope.USERNAME));
    }
    if (from.failures() == settings.addressAttempts()) {
      events.publishEvent(
          new SignInLocked(
              null,
              address,
              from.windowStart().plus(settings.addressWindow()),
              SignInLocked.Scope.ADDRESS));
    }
    forgetIdle(now);
  }

  /** A successful sign-in: the username's failures in a row start again from nothing. */
  public void succeeded(String username) {
    if (!byUser.isEmpty()) {
      byUser.remove(key(username));
    }
  }

  /** Lifts a username's lock and forgets its failures (an administrator's act; tests). */
  public void release(String username) {
    byUser.remove(key(username));
  }

  /** Lifts an address's throttle and forgets its failures (an administrator's act; tests). */
  public void releaseAddress(String address) {
    byAddress.remove(address);
  }

  @EventListener
  void onFailure(AuthenticationFailureBadCredentialsEvent event) {
    var authentication = event.getAuthentication();
    failed(authentication.getName(), address(authentication.getDetails()));
  }

  @EventListener
  void onSuccess(AuthenticationSuccessEvent event) {
    succeeded(event.getAuthentication().getName());
  }

  private static String address(@Nullable Object details) {
    return details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
        ? web.getRemoteAddress()
        : "unknown";
  }

  /** The configured username this name signs in as (sign-in ignores case), if anybody has it. */
  private @Nullable String known(String username) {
    return users.all().stream()
        .map(User::username)
        .filter(name -> name.equalsIgnoreCase(username))
        .findFirst()
        .orElse(null);
  }

  /**
   * Keeps memory in check when many names or addresses are tried. Only what can no longer lock is
   * dropped, never a recent count: junk names must not wipe a target's failures in a row. A sweep
   * runs when the maps have grown to twice their size after the last one (at least {@link
   * #MAX_TRACKED}), so a flood does not scan every entry at every failure.
   */
  private void forgetIdle(Instant now) {
    if (byUser.size() + byAddress.size() <= sweepAbove) {
      return;
    }
    var stale = now.minus(settings.duration());
    byUser
        .values()
        .removeIf(
            c ->
                c.lockedUntil() == null
                    ? c.lastFailure().isBefore(stale)
                    : !now.isBefore(c.lockedUntil()));
    byAddress.values().removeIf(c -> !now.isBefore(c.windowStart().plus(settings.addressWindow())));
    sweepAbove = Math.max(MAX_TRACKED, 2 * (byUser.size() + byAddress.size()));
  }

  private static String key(String username) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(
              digest.digest(username.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

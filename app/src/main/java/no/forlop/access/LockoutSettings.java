package no.forlop.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-in guessing is stopped ({@code forlop.security.lockout.*}, ADR 0025).
 *
 * @param attempts failed sign-ins in a row after which a username is locked (default 10)
 * @param duration how long the lock lasts (default 5 minutes); it lifts by itself
 * @param addressAttempts failed sign-ins from one client address within {@code addressWindow} after
 *     which that address is refused for the rest of the window (default 500: high enough for a ward
 *     behind one address and for the test suite, low enough to stop one password sprayed over many
 *     usernames)
 * @param addressWindow the window failures from one address are counted in (default 10 minutes)
 */
@ConfigurationProperties("forlop.security.lockout")
public record LockoutSettings(
    @DefaultValue("10") int attempts,
    @DefaultValue("5m") Duration duration,
    @DefaultValue("500") int addressAttempts,
    @DefaultValue("10m") Duration addressWindow) {

  public LockoutSettings {
    if (attempts < 1
        || addressAttempts < 1
        || duration.isNegative()
        || duration.isZero()
        || addressWindow.isNegative()
        || addressWindow.isZero()) {
      throw new IllegalArgumentException("forlop.security.lockout needs positive limits");
    }
  }
}

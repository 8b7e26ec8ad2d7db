package no.forlop.access;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A username or a client address that is refused sign-in for a while, for the audit log.
 *
 * @param user the configured username locked, or {@code null} for a name that is nobody's or when
 *     the address is throttled
 * @param address the client address of the failure that caused the lock
 * @param until when the lock lifts by itself
 * @param scope what is locked: the username or the address
 */
public record SignInLocked(
    @Nullable String user, String address, Instant until, SignInLocked.Scope scope) {

  /** What a lock applies to. */
  public enum Scope {
    USERNAME,
    ADDRESS
  }
}

package no.forlop.ingest;

import java.time.Duration;

/**
 * An exponential backoff after failures in a row: {@code base × 2^failures}, capped, back to {@code
 * base} after a success. The bulk import waits so for a database that cannot be reached; the pull
 * connector so pauses between failed polls. Thread-safe.
 */
public final class Backoff {

  private final Duration base;
  private final Duration max;
  private int failures;

  /**
   * @param base the pause with no failure (pull: the interval) or the unit that doubles
   * @param max the longest pause, however many failures
   */
  public Backoff(Duration base, Duration max) {
    if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "a backoff needs 0 < base <= max, not " + base + ", " + max);
    }
    this.base = base;
    this.max = max;
  }

  /** Counts a failure, and answers the pause that follows it. */
  public synchronized Duration failed() {
    if (failures < Integer.MAX_VALUE) {
      failures++;
    }
    return pause();
  }

  /** Back to the base pause. */
  public synchronized void succeeded() {
    failures = 0;
  }

  /** The failures in a row since the last success. */
  public synchronized int failures() {
    return failures;
  }

  /** The pause now: {@code base × 2^failures}, at most the maximum. */
  public synchronized Duration pause() {
    var doublings = Math.min(failures, 40);
    var factor = 1L << doublings;
    var millis = base.toMillis();
    if (millis > max.toMillis() / factor) {
      return max;
    }
    return Duration.ofMillis(millis * factor);
  }
}

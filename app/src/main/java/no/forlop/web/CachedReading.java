package no.forlop.web;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the database at most once per period, for the gauges Prometheus scrapes (ADR
 * 0045): scrapes every few seconds, from several Prometheus servers, never cost more than one query
 * per period. While the reading fails (the database away) the last value is kept and the reading is
 * tried again after the period; before the first success the value is the empty one given.
 *
 * <p>The period is measured on a monotonic clock, not the injected {@code Clock} (which tests fix,
 * and which may jump): it says how often the database is asked, not what time it is.
 */
public final class CachedReading<T> {

  private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

  private final Supplier<T> read;
  private final long periodNanos;
  private final LongSupplier ticker;
  private T value;
  private long readAt;
  private boolean done;

  /**
   * @param read reads the value (a query)
   * @param period how long a value is used before it is read again
   * @param empty the value before the first successful reading
   */
  public CachedReading(Supplier<T> read, Duration period, T empty) {
    this(read, period, empty, System::nanoTime);
  }

  CachedReading(Supplier<T> read, Duration period, T empty, LongSupplier ticker) {
    this.read = read;
    this.periodNanos = period.toNanos();
    this.value = empty;
    this.ticker = ticker;
  }

  /** The value: read now if the last reading is a period old or more, else the last one. */
  public synchronized T get() {
    var now = ticker.getAsLong();
    if (!done || now - readAt >= periodNanos) {
      readAt = now;
      done = true;
      try {
        value = read.get();
      } catch (RuntimeException e) {
        // the database away: Prometheus sees the last value; readiness and the logs say why
        log.debug("A metric could not be read ({}); its last value stays", e.getClass().getName());
      }
    }
    return value;
  }
}

package no.forlop.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Organisation numbers of their own for tests that count everything in a unit (statistics, NPR
 * deliveries): every call a new one, never a demo unit's, so tests sharing the application's
 * database never count each other's pathways.
 */
public final class TestUnits {

  private static final AtomicInteger SEQUENCE = new AtomicInteger(1);

  private TestUnits() {}

  /** A new invented nine-digit organisation number (starting 99, unlike the demo units). */
  public static String next() {
    return "99" + String.format("%07d", SEQUENCE.getAndIncrement());
  }
}

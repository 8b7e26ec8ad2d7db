package no.forlop.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The one place where an instant becomes a date: all dates in Forløp are local dates in
 * Europe/Oslo, all instants are UTC.
 */
public final class OsloTime {

  public static final ZoneId ZONE = ZoneId.of("Europe/Oslo");

  private OsloTime() {}

  public static LocalDate dateOf(Instant instant) {
    return LocalDate.ofInstant(instant, ZONE);
  }

  public static LocalDate dateOf(OffsetDateTime time) {
    return dateOf(time.toInstant());
  }

  public static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ZONE);
  }
}

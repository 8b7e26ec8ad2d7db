package no.forlop.ingest.fhir;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import no.forlop.calendar.OsloTime;

/**
 * Understands FHIR dates and date-times as instants: a time with an offset is that instant, a day
 * without a time is the start of that day in Oslo (and so is a time without an offset, which FHIR
 * does not allow but Norwegian systems mean in Oslo time).
 */
final class FhirDates {

  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2100;

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern OFFSET = Pattern.compile(".*(Z|[+-]\\d{2}:\\d{2})$");

  private FhirDates() {}

  /**
   * The instant a FHIR date, dateTime or instant stands for.
   *
   * @throws IllegalArgumentException with what is wrong, to follow the element's name ("is not a
   *     valid date or time"); the text itself is never repeated
   */
  static Instant instant(String text) {
    if (YEAR.matcher(text).matches()) {
      throw new IllegalArgumentException("is given only to the year: Forløp needs the day");
    }
    if (YEAR_MONTH.matcher(text).matches()) {
      throw new IllegalArgumentException("is given only to the month: Forløp needs the day");
    }
    try {
      if (DAY.matcher(text).matches()) {
        var day = LocalDate.parse(text);
        checkYear(day.getYear());
        return day.atStartOfDay(OsloTime.ZONE).toInstant();
      }
      if (OFFSET.matcher(text).matches()) {
        var time = OffsetDateTime.parse(text);
        checkYear(time.getYear());
        return time.toInstant();
      }
      var local = LocalDateTime.parse(text);
      checkYear(local.getYear());
      return local.atZone(OsloTime.ZONE).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("is not a valid date or time");
    }
  }

  private static void checkYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new IllegalArgumentException(
          "is an impossible date (the year is not between "
              + FIRST_YEAR
              + " and "
              + LAST_YEAR
              + ")");
    }
  }
}

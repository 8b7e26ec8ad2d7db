package no.forlop.ingest.fhir;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import no.forlop.calendar.OsloTime;
import org.jspecify.annotations.Nullable;

/**
 * Understands FHIR dates and date-times as instants: a time with an offset is that instant, a day
 * without a time is the start of that day in Oslo. A time without an offset is refused: FHIR R4
 * requires a time zone whenever hours and minutes are given (datatypes, dateTime), and guessing one
 * would move a milestone across midnight.
 */
final class FhirDates {

  static final int FIRST_YEAR = 1900;
  static final int LAST_YEAR = 2100;

  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern OFFSET = Pattern.compile(".*(Z|[+-]\\d{2}:\\d{2})$");
  private static final Pattern TIME_WITHOUT_ZONE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

  private FhirDates() {}

  /** What is wrong with a date or time, as a reason code and, for some, a variant of its text. */
  static final class InvalidDate extends IllegalArgumentException {

    private final String code;
    private final @Nullable String variant;

    InvalidDate(String code, @Nullable String variant) {
      super(code + (variant == null ? "" : "." + variant), null);
      this.code = code;
      this.variant = variant;
    }

    /** The reason, for the resource and element given. */
    IntakeReason reason(String display, String element) {
      return variant == null
          ? IntakeReason.of(code, display, element)
          : IntakeReason.variant(code, variant, display, element);
    }
  }

  /**
   * The instant a FHIR date, dateTime or instant stands for.
   *
   * @throws InvalidDate with what is wrong; the text itself is never repeated
   */
  static Instant instant(String text) {
    if (YEAR.matcher(text).matches()) {
      throw new InvalidDate("DATE_TOO_COARSE", "year");
    }
    if (YEAR_MONTH.matcher(text).matches()) {
      throw new InvalidDate("DATE_TOO_COARSE", "month");
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
    } catch (DateTimeException e) {
      throw new InvalidDate("INVALID_DATE", null);
    }
    if (withoutZone(text)) {
      throw new InvalidDate("DATE_WITHOUT_ZONE", null);
    }
    throw new InvalidDate("INVALID_DATE", null);
  }

  /** Whether the text is a date and time of day without a time zone, which FHIR R4 forbids. */
  static boolean withoutZone(String text) {
    return TIME_WITHOUT_ZONE.matcher(text).matches();
  }

  private static void checkYear(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new InvalidDate("IMPOSSIBLE_DATE", null);
    }
  }
}

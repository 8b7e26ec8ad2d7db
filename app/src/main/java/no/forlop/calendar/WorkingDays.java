package no.forlop.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Understands working days (virkedager): Monday to Friday, except Norwegian public holidays.
 *
 * <p>Counting convention (docs/glossary.md): the start date is day 0, and the days counted between
 * two dates are those <em>after</em> the first, up to and including the second.
 */
public final class WorkingDays {

  private WorkingDays() {}

  public static boolean isWorkingDay(LocalDate date) {
    var day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY
        && day != DayOfWeek.SUNDAY
        && !NorwegianHolidays.isHoliday(date);
  }

  /**
   * The date on which {@code n} working days after {@code from} have passed: the n-th working day
   * after {@code from}. Adding 0 gives {@code from} itself.
   */
  public static LocalDate add(LocalDate from, int n) {
    if (n < 0) {
      throw new IllegalArgumentException("cannot add a negative number of working days: " + n);
    }
    var date = from;
    int left = n;
    while (left > 0) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        left--;
      }
    }
    return date;
  }

  /**
   * The number of working days after {@code from}, up to and including {@code to}; negative when
   * {@code to} is before {@code from}.
   */
  public static long between(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      return -between(to, from);
    }
    long count = 0;
    for (var date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
      if (isWorkingDay(date)) {
        count++;
      }
    }
    return count;
  }

  /** Days from {@code from} to {@code to} counted as {@code type} (the start day is day 0). */
  public static long count(LocalDate from, LocalDate to, DayType type) {
    return switch (type) {
      case CALENDAR -> ChronoUnit.DAYS.between(from, to);
      case WORKING -> between(from, to);
    };
  }

  /**
   * The last day of a lead time of {@code days} days of {@code type} that starts on {@code from}.
   */
  public static LocalDate due(LocalDate from, int days, DayType type) {
    return switch (type) {
      case CALENDAR -> from.plusDays(days);
      case WORKING -> add(from, days);
    };
  }
}

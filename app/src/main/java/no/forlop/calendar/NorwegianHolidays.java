package no.forlop.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Understands which days are Norwegian public holidays (helligdager and offentlige høytidsdager,
 * Act of 26 June 1947 no. 1 and the Church calendar): the fixed dates and the days that move with
 * Easter.
 */
public final class NorwegianHolidays {

  private static final Map<Integer, Map<LocalDate, Holiday>> BY_YEAR = new ConcurrentHashMap<>();

  private NorwegianHolidays() {}

  /** A named public holiday. */
  public enum Holiday {
    NEW_YEARS_DAY("Første nyttårsdag"),
    MAUNDY_THURSDAY("Skjærtorsdag"),
    GOOD_FRIDAY("Langfredag"),
    EASTER_SUNDAY("Første påskedag"),
    EASTER_MONDAY("Andre påskedag"),
    LABOUR_DAY("Offentlig høytidsdag (1. mai)"),
    CONSTITUTION_DAY("Grunnlovsdag (17. mai)"),
    ASCENSION_DAY("Kristi himmelfartsdag"),
    WHIT_SUNDAY("Første pinsedag"),
    WHIT_MONDAY("Andre pinsedag"),
    CHRISTMAS_DAY("Første juledag"),
    BOXING_DAY("Andre juledag");

    private final String norwegianName;

    Holiday(String norwegianName) {
      this.norwegianName = norwegianName;
    }

    public String norwegianName() {
      return norwegianName;
    }
  }

  /** The public holidays of a year, in date order. */
  public static Map<LocalDate, Holiday> of(int year) {
    return BY_YEAR.computeIfAbsent(year, NorwegianHolidays::compute);
  }

  public static boolean isHoliday(LocalDate date) {
    return of(date.getYear()).containsKey(date);
  }

  public static Optional<Holiday> holidayOn(LocalDate date) {
    return Optional.ofNullable(of(date.getYear()).get(date));
  }

  /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Butcher). */
  public static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }

  private static Map<LocalDate, Holiday> compute(int year) {
    var easter = easterSunday(year);
    var days = new TreeMap<LocalDate, Holiday>();
    days.put(LocalDate.of(year, Month.JANUARY, 1), Holiday.NEW_YEARS_DAY);
    days.put(easter.minusDays(3), Holiday.MAUNDY_THURSDAY);
    days.put(easter.minusDays(2), Holiday.GOOD_FRIDAY);
    days.put(easter, Holiday.EASTER_SUNDAY);
    days.put(easter.plusDays(1), Holiday.EASTER_MONDAY);
    days.put(LocalDate.of(year, Month.MAY, 1), Holiday.LABOUR_DAY);
    days.put(LocalDate.of(year, Month.MAY, 17), Holiday.CONSTITUTION_DAY);
    days.put(easter.plusDays(39), Holiday.ASCENSION_DAY);
    days.put(easter.plusDays(49), Holiday.WHIT_SUNDAY);
    days.put(easter.plusDays(50), Holiday.WHIT_MONDAY);
    days.put(LocalDate.of(year, Month.DECEMBER, 25), Holiday.CHRISTMAS_DAY);
    days.put(LocalDate.of(year, Month.DECEMBER, 26), Holiday.BOXING_DAY);
    return Collections.unmodifiableMap(days);
  }
}

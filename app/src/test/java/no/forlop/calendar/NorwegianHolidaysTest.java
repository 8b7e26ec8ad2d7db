package no.forlop.calendar;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import no.forlop.calendar.NorwegianHolidays.Holiday;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NorwegianHolidaysTest {

  /**
   * Easter Sunday 2015–2035, from published church calendars. Each entry was cross-checked against
   * two independent computations (the epact method below and python-dateutil's {@code easter}).
   */
  private static final Map<Integer, LocalDate> EASTER_SUNDAYS =
      new TreeMap<>(
          Map.ofEntries(
              entry(2015, LocalDate.of(2015, 4, 5)),
              entry(2016, LocalDate.of(2016, 3, 27)),
              entry(2017, LocalDate.of(2017, 4, 16)),
              entry(2018, LocalDate.of(2018, 4, 1)),
              entry(2019, LocalDate.of(2019, 4, 21)),
              entry(2020, LocalDate.of(2020, 4, 12)),
              entry(2021, LocalDate.of(2021, 4, 4)),
              entry(2022, LocalDate.of(2022, 4, 17)),
              entry(2023, LocalDate.of(2023, 4, 9)),
              entry(2024, LocalDate.of(2024, 3, 31)),
              entry(2025, LocalDate.of(2025, 4, 20)),
              entry(2026, LocalDate.of(2026, 4, 5)),
              entry(2027, LocalDate.of(2027, 3, 28)),
              entry(2028, LocalDate.of(2028, 4, 16)),
              entry(2029, LocalDate.of(2029, 4, 1)),
              entry(2030, LocalDate.of(2030, 4, 21)),
              entry(2031, LocalDate.of(2031, 4, 13)),
              entry(2032, LocalDate.of(2032, 3, 28)),
              entry(2033, LocalDate.of(2033, 4, 17)),
              entry(2034, LocalDate.of(2034, 4, 9)),
              entry(2035, LocalDate.of(2035, 3, 25))));

  /**
   * Years in 1900–2100 where two holidays fall on the same date, so the year has 11 holiday dates.
   * Ascension Day (Easter + 39) is 1 May when Easter is 23 March and 17 May when Easter is 8 April;
   * Whit Sunday (Easter + 49) is 17 May when Easter is 29 March; Whit Monday (Easter + 50) is 17
   * May when Easter is 28 March.
   */
  private static final Set<Integer> YEARS_WITH_COINCIDING_HOLIDAYS =
      Set.of(
          1913, 1917, 1928, 1937, 1948, 1959, 1964, 1970, 2007, 2008, 2012, 2027, 2032, 2043, 2054,
          2065, 2091, 2100);

  static Stream<Arguments> easterSundays() {
    return EASTER_SUNDAYS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  /**
   * Easter Sunday by the Gregorian epact method (Lilius and Clavius, as given in Knuth, TAOCP vol.
   * 1, 1.3.2 exercise 14): an algorithm independent of the Meeus/Butcher one under test.
   */
  private static LocalDate easterByEpact(int year) {
    int golden = year % 19 + 1;
    int century = year / 100 + 1;
    int skippedLeapYears = 3 * century / 4 - 12;
    int moonCorrection = (8 * century + 5) / 25 - 5;
    int sunday = 5 * year / 4 - skippedLeapYears - 10;
    int epact = Math.floorMod(11 * golden + 20 + moonCorrection - skippedLeapYears, 30);
    if ((epact == 25 && golden > 11) || epact == 24) {
      epact++;
    }
    int fullMoon = 44 - epact;
    if (fullMoon < 21) {
      fullMoon += 30;
    }
    int dayOfMarch = fullMoon + 7 - Math.floorMod(sunday + fullMoon, 7);
    return LocalDate.of(year, Month.MARCH, 1).plusDays(dayOfMarch - 1L);
  }

  @Test
  void the_easter_table_covers_every_year_from_2015_to_2035() {
    assertThat(EASTER_SUNDAYS.keySet())
        .containsExactlyElementsOf(IntStream.rangeClosed(2015, 2035).boxed().toList());
  }

  @ParameterizedTest(name = "Easter {0} is {1}")
  @MethodSource("easterSundays")
  void easter_sunday_matches_the_known_date(int year, LocalDate expected) {
    assertThat(NorwegianHolidays.easterSunday(year)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{1} is a Sunday found by the epact method")
  @MethodSource("easterSundays")
  void every_entry_in_the_easter_table_is_a_sunday_confirmed_by_an_independent_method(
      int year, LocalDate expected) {
    assertThat(expected.getYear()).isEqualTo(year);
    assertThat(expected.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    assertThat(easterByEpact(year)).isEqualTo(expected);
  }

  @Test
  void easter_sunday_agrees_with_the_epact_method_for_the_whole_gregorian_cycle_of_use() {
    for (int year = 1583; year <= 4099; year++) {
      assertThat(NorwegianHolidays.easterSunday(year))
          .as("Easter %d", year)
          .isEqualTo(easterByEpact(year));
    }
  }

  @Test
  void easter_sunday_is_always_a_sunday_between_22_march_and_25_april() {
    for (int year = 1583; year <= 4099; year++) {
      var easter = NorwegianHolidays.easterSunday(year);
      assertThat(easter.getDayOfWeek()).as("Easter %d", year).isEqualTo(DayOfWeek.SUNDAY);
      assertThat(easter)
          .as("Easter %d", year)
          .isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
    }
  }

  @Test
  void easter_sunday_reaches_its_extremes_and_the_exceptional_years_of_the_epact_rules() {
    // the earliest and latest possible dates
    assertThat(NorwegianHolidays.easterSunday(1818)).isEqualTo(LocalDate.of(1818, 3, 22));
    assertThat(NorwegianHolidays.easterSunday(2285)).isEqualTo(LocalDate.of(2285, 3, 22));
    assertThat(NorwegianHolidays.easterSunday(1943)).isEqualTo(LocalDate.of(1943, 4, 25));
    assertThat(NorwegianHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    // years where the plain Gauss formula needs its exceptions (26 April -> 19 April, etc.)
    assertThat(NorwegianHolidays.easterSunday(1954)).isEqualTo(LocalDate.of(1954, 4, 18));
    assertThat(NorwegianHolidays.easterSunday(1981)).isEqualTo(LocalDate.of(1981, 4, 19));
    assertThat(NorwegianHolidays.easterSunday(2049)).isEqualTo(LocalDate.of(2049, 4, 18));
    assertThat(NorwegianHolidays.easterSunday(2076)).isEqualTo(LocalDate.of(2076, 4, 19));
    // century years
    assertThat(NorwegianHolidays.easterSunday(1900)).isEqualTo(LocalDate.of(1900, 4, 15));
    assertThat(NorwegianHolidays.easterSunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
    assertThat(NorwegianHolidays.easterSunday(2100)).isEqualTo(LocalDate.of(2100, 3, 28));
  }

  @Test
  void the_holidays_of_2024_are_known_date_by_date() {
    assertThat(NorwegianHolidays.of(2024))
        .containsExactly(
            entry(LocalDate.of(2024, 1, 1), Holiday.NEW_YEARS_DAY),
            entry(LocalDate.of(2024, 3, 28), Holiday.MAUNDY_THURSDAY),
            entry(LocalDate.of(2024, 3, 29), Holiday.GOOD_FRIDAY),
            entry(LocalDate.of(2024, 3, 31), Holiday.EASTER_SUNDAY),
            entry(LocalDate.of(2024, 4, 1), Holiday.EASTER_MONDAY),
            entry(LocalDate.of(2024, 5, 1), Holiday.LABOUR_DAY),
            entry(LocalDate.of(2024, 5, 9), Holiday.ASCENSION_DAY),
            entry(LocalDate.of(2024, 5, 17), Holiday.CONSTITUTION_DAY),
            entry(LocalDate.of(2024, 5, 19), Holiday.WHIT_SUNDAY),
            entry(LocalDate.of(2024, 5, 20), Holiday.WHIT_MONDAY),
            entry(LocalDate.of(2024, 12, 25), Holiday.CHRISTMAS_DAY),
            entry(LocalDate.of(2024, 12, 26), Holiday.BOXING_DAY));
  }

  @Test
  void the_holidays_of_2025_are_known_date_by_date() {
    assertThat(NorwegianHolidays.of(2025))
        .containsExactly(
            entry(LocalDate.of(2025, 1, 1), Holiday.NEW_YEARS_DAY),
            entry(LocalDate.of(2025, 4, 17), Holiday.MAUNDY_THURSDAY),
            entry(LocalDate.of(2025, 4, 18), Holiday.GOOD_FRIDAY),
            entry(LocalDate.of(2025, 4, 20), Holiday.EASTER_SUNDAY),
            entry(LocalDate.of(2025, 4, 21), Holiday.EASTER_MONDAY),
            entry(LocalDate.of(2025, 5, 1), Holiday.LABOUR_DAY),
            entry(LocalDate.of(2025, 5, 17), Holiday.CONSTITUTION_DAY),
            entry(LocalDate.of(2025, 5, 29), Holiday.ASCENSION_DAY),
            entry(LocalDate.of(2025, 6, 8), Holiday.WHIT_SUNDAY),
            entry(LocalDate.of(2025, 6, 9), Holiday.WHIT_MONDAY),
            entry(LocalDate.of(2025, 12, 25), Holiday.CHRISTMAS_DAY),
            entry(LocalDate.of(2025, 12, 26), Holiday.BOXING_DAY));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("easterSundays")
  void the_moving_holidays_keep_their_distance_from_easter(int year, LocalDate easter) {
    var holidays = NorwegianHolidays.of(year);

    assertThat(holidays).containsEntry(easter.minusDays(3), Holiday.MAUNDY_THURSDAY);
    assertThat(holidays).containsEntry(easter.minusDays(2), Holiday.GOOD_FRIDAY);
    assertThat(holidays).containsEntry(easter, Holiday.EASTER_SUNDAY);
    assertThat(holidays).containsEntry(easter.plusDays(1), Holiday.EASTER_MONDAY);
    assertThat(holidays.keySet()).contains(easter.plusDays(39), easter.plusDays(49));
    assertThat(holidays.keySet()).contains(easter.plusDays(50));
    assertThat(easter.plusDays(39).getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
  }

  @Test
  void every_year_has_twelve_holiday_dates_unless_two_holidays_coincide() {
    for (int year = 1900; year <= 2100; year++) {
      int expected = YEARS_WITH_COINCIDING_HOLIDAYS.contains(year) ? 11 : 12;
      assertThat(NorwegianHolidays.of(year)).as("holidays of %d", year).hasSize(expected);
      assertThat(NorwegianHolidays.of(year).keySet())
          .as("holidays of %d", year)
          .extracting(LocalDate::getYear)
          .containsOnly(year);
    }
  }

  @Test
  void ascension_day_on_labour_day_2008_leaves_eleven_holiday_dates() {
    // given Easter 2008 on 23 March, so Ascension Day is 1 May
    assertThat(NorwegianHolidays.easterSunday(2008)).isEqualTo(LocalDate.of(2008, 3, 23));

    // when
    var holidays = NorwegianHolidays.of(2008);

    // then
    assertThat(holidays).hasSize(11);
    assertThat(holidays)
        .hasEntrySatisfying(
            LocalDate.of(2008, 5, 1),
            h -> assertThat(h).isIn(Holiday.LABOUR_DAY, Holiday.ASCENSION_DAY));
    assertThat(holidays.keySet())
        .contains(LocalDate.of(2008, 5, 11), LocalDate.of(2008, 5, 12), LocalDate.of(2008, 5, 17));
  }

  @Test
  void ascension_day_on_constitution_day_2007_leaves_eleven_holiday_dates() {
    assertThat(NorwegianHolidays.easterSunday(2007)).isEqualTo(LocalDate.of(2007, 4, 8));

    var holidays = NorwegianHolidays.of(2007);

    assertThat(holidays).hasSize(11);
    assertThat(NorwegianHolidays.isHoliday(LocalDate.of(2007, 5, 17))).isTrue();
  }

  @Test
  void whit_monday_on_constitution_day_2027_leaves_eleven_holiday_dates() {
    var holidays = NorwegianHolidays.of(2027);

    assertThat(holidays).hasSize(11);
    assertThat(holidays.keySet())
        .contains(
            LocalDate.of(2027, 5, 6), // Ascension Day
            LocalDate.of(2027, 5, 16), // Whit Sunday
            LocalDate.of(2027, 5, 17)); // Whit Monday and Constitution Day
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-12-24", // Christmas Eve
        "2024-12-31", // New Year's Eve
        "2024-03-30", // Easter Saturday
        "2024-03-27", // Wednesday before Easter
        "2024-04-02", // Tuesday after Easter
        "2024-05-08", // Liberation Day is a flag day, not a public holiday
        "2024-05-18", // Whit Saturday
        "2024-05-16", // the day before Constitution Day
        "2025-01-02",
        "2025-04-19", // Easter Saturday
        "2025-12-27"
      })
  void common_non_holidays_are_not_holidays(String date) {
    var day = LocalDate.parse(date);

    assertThat(NorwegianHolidays.isHoliday(day)).isFalse();
    assertThat(NorwegianHolidays.holidayOn(day)).isEmpty();
  }

  @Test
  void fixed_holidays_are_holidays_in_any_year() {
    for (int year = 1900; year <= 2100; year++) {
      assertThat(NorwegianHolidays.isHoliday(LocalDate.of(year, 1, 1))).isTrue();
      assertThat(NorwegianHolidays.isHoliday(LocalDate.of(year, 5, 1))).isTrue();
      assertThat(NorwegianHolidays.isHoliday(LocalDate.of(year, 5, 17))).isTrue();
      assertThat(NorwegianHolidays.isHoliday(LocalDate.of(year, 12, 25))).isTrue();
      assertThat(NorwegianHolidays.isHoliday(LocalDate.of(year, 12, 26))).isTrue();
      assertThat(NorwegianHolidays.isHoliday(LocalDate.of(year, 12, 24))).isFalse();
      assertThat(NorwegianHolidays.isHoliday(LocalDate.of(year, 12, 31))).isFalse();
    }
  }

  @Test
  void holiday_on_names_the_holiday() {
    assertThat(NorwegianHolidays.holidayOn(LocalDate.of(2025, 5, 29)))
        .contains(Holiday.ASCENSION_DAY);
    assertThat(NorwegianHolidays.holidayOn(LocalDate.of(2025, 5, 17)))
        .contains(Holiday.CONSTITUTION_DAY);
    assertThat(Holiday.MAUNDY_THURSDAY.norwegianName()).isEqualTo("Skjærtorsdag");
  }

  @Test
  void the_holidays_of_a_year_cannot_be_changed_by_a_caller() {
    var holidays = NorwegianHolidays.of(2024);

    assertThatThrownBy(() -> holidays.put(LocalDate.of(2024, 12, 24), Holiday.CHRISTMAS_DAY))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(NorwegianHolidays.isHoliday(LocalDate.of(2024, 12, 24))).isFalse();
  }
}

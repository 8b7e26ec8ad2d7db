package no.forlop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDaysTest {

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  @Nested
  class IsWorkingDay {

    @Test
    void weekdays_are_working_days() {
      // Monday 2024-01-08 to Friday 2024-01-12, an ordinary week
      for (var d = date("2024-01-08"); !d.isAfter(date("2024-01-12")); d = d.plusDays(1)) {
        assertThat(WorkingDays.isWorkingDay(d)).as("%s", d).isTrue();
      }
    }

    @Test
    void saturdays_and_sundays_are_not_working_days() {
      assertThat(WorkingDays.isWorkingDay(date("2024-01-06"))).isFalse();
      assertThat(WorkingDays.isWorkingDay(date("2024-01-07"))).isFalse();
    }

    @Test
    void holidays_on_weekdays_are_not_working_days() {
      assertThat(WorkingDays.isWorkingDay(date("2024-01-01"))).isFalse(); // Monday
      assertThat(WorkingDays.isWorkingDay(date("2023-04-06"))).isFalse(); // Maundy Thursday
      assertThat(WorkingDays.isWorkingDay(date("2023-04-07"))).isFalse(); // Good Friday
      assertThat(WorkingDays.isWorkingDay(date("2023-04-10"))).isFalse(); // Easter Monday
      assertThat(WorkingDays.isWorkingDay(date("2023-05-17"))).isFalse(); // Wednesday
      assertThat(WorkingDays.isWorkingDay(date("2023-05-18"))).isFalse(); // Ascension Day
      assertThat(WorkingDays.isWorkingDay(date("2023-05-29"))).isFalse(); // Whit Monday
    }

    @Test
    void christmas_eve_and_new_years_eve_on_weekdays_are_working_days() {
      assertThat(WorkingDays.isWorkingDay(date("2024-12-24"))).isTrue(); // Tuesday
      assertThat(WorkingDays.isWorkingDay(date("2024-12-31"))).isTrue(); // Tuesday
    }
  }

  @Nested
  class Add {

    @Test
    void working_day_deadline_skips_the_easter_holidays() {
      // given a clinical decision on Friday 2023-03-31, before Easter (9 April 2023)
      var decision = date("2023-03-31");

      // when 14 working days are added
      var deadline = WorkingDays.add(decision, 14);

      // then Maundy Thursday, Good Friday and Easter Monday do not count:
      // 3-5 Apr (3), 11-14 Apr (7), 17-21 Apr (12), 24-25 Apr (14)
      assertThat(deadline).isEqualTo(date("2023-04-25"));
    }

    @Test
    void adding_zero_working_days_gives_the_start_day_even_on_a_weekend_or_holiday() {
      assertThat(WorkingDays.add(date("2024-01-10"), 0)).isEqualTo(date("2024-01-10"));
      assertThat(WorkingDays.add(date("2024-01-06"), 0)).isEqualTo(date("2024-01-06"));
      assertThat(WorkingDays.add(date("2024-12-25"), 0)).isEqualTo(date("2024-12-25"));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
      // plain week
      "2024-01-08, 1, 2024-01-09",
      "2024-01-08, 4, 2024-01-12",
      // across a weekend
      "2024-01-12, 1, 2024-01-15",
      "2024-01-11, 2, 2024-01-15",
      "2024-01-13, 1, 2024-01-15", // from a Saturday
      "2024-01-14, 1, 2024-01-15", // from a Sunday
      "2024-01-08, 5, 2024-01-15",
      "2024-01-08, 10, 2024-01-22",
      // Easter week 2023: 6, 7 and 10 April are holidays
      "2023-04-05, 1, 2023-04-11",
      "2023-04-04, 1, 2023-04-05",
      "2023-04-06, 1, 2023-04-11", // from Maundy Thursday
      // Christmas and New Year: 24 and 31 Dec are working days, 25-26 Dec and 1 Jan are not
      "2024-12-20, 1, 2024-12-23",
      "2024-12-20, 2, 2024-12-24",
      "2024-12-20, 3, 2024-12-27",
      "2024-12-20, 5, 2024-12-31",
      "2024-12-20, 6, 2025-01-02",
      "2024-12-23, 3, 2024-12-30",
      "2023-12-29, 1, 2024-01-02",
      "2025-12-31, 1, 2026-01-02",
      // 17 May and Ascension Day
      "2023-05-16, 1, 2023-05-19", // 17 May (Wed) and Ascension (Thu 18 May) in a row
      "2023-05-16, 2, 2023-05-22",
      "2024-05-08, 1, 2024-05-10", // Ascension Thursday 9 May
      "2024-05-16, 1, 2024-05-21", // 17 May (Fri), weekend, Whit Monday 20 May
      "2025-05-28, 1, 2025-05-30", // Ascension Thursday 29 May
      "2026-05-13, 3, 2026-05-19", // Ascension Thursday 14 May
    })
    void adds_working_days_across_weekends_and_holidays(LocalDate from, int n, LocalDate expected) {
      assertThat(WorkingDays.add(from, n)).isEqualTo(expected);
    }

    @Test
    void adding_the_working_days_of_a_whole_year_ends_on_its_last_working_day() {
      // 2024 has 262 weekdays, 10 of which are holidays: 252 working days
      assertThat(WorkingDays.add(date("2023-12-31"), 252)).isEqualTo(date("2024-12-31"));
    }

    @Test
    void adding_a_negative_number_of_working_days_is_rejected() {
      assertThatThrownBy(() -> WorkingDays.add(date("2024-01-10"), -1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1");
    }
  }

  @Nested
  class Between {

    @ParameterizedTest(name = "{0} to {1} = {2}")
    @CsvSource({
      "2024-01-10, 2024-01-10, 0", // same day
      "2024-01-06, 2024-01-06, 0", // same Saturday
      "2024-01-05, 2024-01-06, 0", // Friday to Saturday
      "2024-01-05, 2024-01-07, 0", // Friday to Sunday
      "2024-01-05, 2024-01-08, 1", // Friday to Monday
      "2024-01-06, 2024-01-07, 0", // Saturday to Sunday
      "2024-01-06, 2024-01-08, 1", // Saturday to Monday
      "2024-01-08, 2024-01-09, 1", // Monday to Tuesday
      "2024-01-08, 2024-01-12, 4", // Monday to Friday
      "2024-01-08, 2024-01-15, 5", // Monday to Monday
      // Easter 2023
      "2023-04-05, 2023-04-11, 1", // Wednesday before to Tuesday after
      "2023-04-05, 2023-04-10, 0", // Wednesday before to Easter Monday
      "2023-04-06, 2023-04-10, 0", // Maundy Thursday to Easter Monday
      "2023-03-31, 2023-04-25, 14",
      // Christmas and New Year
      "2024-12-23, 2025-01-02, 5",
      "2024-12-24, 2024-12-26, 0",
      // whole years: 2024 and 2025 have 252 working days each
      "2023-12-31, 2024-12-31, 252",
      "2024-01-01, 2024-12-31, 252",
      "2024-12-31, 2025-12-31, 252",
    })
    void counts_the_working_days_after_the_start_up_to_and_including_the_end(
        LocalDate from, LocalDate to, long expected) {
      assertThat(WorkingDays.between(from, to)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} to {1} = {2}")
    @CsvSource({
      "2024-01-08, 2024-01-05, -1", // Monday back to Friday
      "2024-01-07, 2024-01-05, 0", // Sunday back to Friday
      "2024-01-12, 2024-01-08, -4", // Friday back to Monday
      "2023-04-11, 2023-04-05, -1", // back across Easter
      "2023-04-25, 2023-03-31, -14",
      "2025-12-31, 2024-12-31, -252",
    })
    void a_range_that_runs_backwards_counts_negative(LocalDate from, LocalDate to, long expected) {
      assertThat(WorkingDays.between(from, to)).isEqualTo(expected);
    }
  }

  @Nested
  class Count {

    @Test
    void calendar_days_are_the_plain_day_difference_with_the_start_day_as_day_zero() {
      assertThat(WorkingDays.count(date("2024-01-10"), date("2024-01-10"), DayType.CALENDAR))
          .isZero();
      assertThat(WorkingDays.count(date("2024-01-05"), date("2024-01-06"), DayType.CALENDAR))
          .isEqualTo(1);
      // weekends and holidays count as calendar days
      assertThat(WorkingDays.count(date("2023-03-31"), date("2023-04-25"), DayType.CALENDAR))
          .isEqualTo(25);
      // across 29 February
      assertThat(WorkingDays.count(date("2024-02-28"), date("2024-03-01"), DayType.CALENDAR))
          .isEqualTo(2);
      assertThat(WorkingDays.count(date("2024-01-01"), date("2025-01-01"), DayType.CALENDAR))
          .isEqualTo(366);
    }

    @Test
    void calendar_days_backwards_are_negative() {
      assertThat(WorkingDays.count(date("2024-01-10"), date("2024-01-03"), DayType.CALENDAR))
          .isEqualTo(-7);
    }

    @Test
    void working_days_are_counted_like_between() {
      assertThat(WorkingDays.count(date("2023-03-31"), date("2023-04-25"), DayType.WORKING))
          .isEqualTo(14);
      assertThat(WorkingDays.count(date("2024-01-05"), date("2024-01-07"), DayType.WORKING))
          .isZero();
      assertThat(WorkingDays.count(date("2024-01-08"), date("2024-01-05"), DayType.WORKING))
          .isEqualTo(-1);
    }
  }

  @Nested
  class Due {

    @Test
    void a_calendar_day_lead_time_is_due_after_the_plain_number_of_days() {
      // given a clinical decision on Friday 2023-03-31 and a lead time of 14 calendar days
      // then it is due on Friday 2023-04-14, Easter notwithstanding
      assertThat(WorkingDays.due(date("2023-03-31"), 14, DayType.CALENDAR))
          .isEqualTo(date("2023-04-14"));
      // a due day may be a weekend or a holiday
      assertThat(WorkingDays.due(date("2023-03-31"), 7, DayType.CALENDAR))
          .isEqualTo(date("2023-04-07"));
      assertThat(WorkingDays.due(date("2024-02-28"), 2, DayType.CALENDAR))
          .isEqualTo(date("2024-03-01"));
    }

    @Test
    void a_working_day_lead_time_is_due_on_the_nth_working_day() {
      assertThat(WorkingDays.due(date("2023-03-31"), 14, DayType.WORKING))
          .isEqualTo(date("2023-04-25"));
      assertThat(WorkingDays.due(date("2024-12-20"), 6, DayType.WORKING))
          .isEqualTo(date("2025-01-02"));
    }

    @Test
    void a_lead_time_of_zero_days_is_due_on_the_start_day() {
      assertThat(WorkingDays.due(date("2024-01-06"), 0, DayType.CALENDAR))
          .isEqualTo(date("2024-01-06"));
      assertThat(WorkingDays.due(date("2024-01-06"), 0, DayType.WORKING))
          .isEqualTo(date("2024-01-06"));
    }

    @Test
    void the_days_counted_up_to_the_due_day_equal_the_lead_time() {
      var from = date("2023-03-31");

      assertThat(
              WorkingDays.count(from, WorkingDays.due(from, 14, DayType.WORKING), DayType.WORKING))
          .isEqualTo(14);
      assertThat(
              WorkingDays.count(
                  from, WorkingDays.due(from, 14, DayType.CALENDAR), DayType.CALENDAR))
          .isEqualTo(14);
    }
  }
}

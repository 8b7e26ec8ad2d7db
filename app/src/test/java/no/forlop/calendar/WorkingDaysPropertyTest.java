package no.forlop.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;

import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * Properties of working-day arithmetic over dates 2015–2035 and lead times of 0–60 days, checked
 * with QuickTheories on a fixed seed so that every run tries the same examples.
 */
class WorkingDaysPropertyTest {

  private static final long SEED = 20_240_331L;
  private static final int EXAMPLES = 3_000;

  private static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2035, 12, 31);

  private static QuickTheory qt() {
    return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES);
  }

  private static Gen<LocalDate> dates() {
    return integers()
        .between(Math.toIntExact(FIRST.toEpochDay()), Math.toIntExact(LAST.toEpochDay()))
        .map(day -> LocalDate.ofEpochDay(day))
        .describedAs(LocalDate::toString);
  }

  private static Gen<Integer> leadTimes() {
    return integers().between(0, 60);
  }

  private static Gen<DayType> dayTypes() {
    return integers().between(0, 1).map(i -> DayType.values()[i]);
  }

  @Test
  void the_nth_working_day_is_never_a_weekend_or_a_holiday() {
    qt().forAll(dates(), integers().between(1, 60))
        .checkAssert(
            (from, n) -> {
              var date = WorkingDays.add(from, n);

              assertThat(date.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
              assertThat(NorwegianHolidays.isHoliday(date)).isFalse();
              assertThat(WorkingDays.isWorkingDay(date)).isTrue();
              assertThat(date).isAfter(from);
            });
  }

  @Test
  void no_working_day_is_skipped_between_one_working_day_and_the_next() {
    qt().forAll(dates(), integers().between(1, 60))
        .checkAssert(
            (from, n) -> {
              var previous = WorkingDays.add(from, n - 1);
              var next = WorkingDays.add(from, n);

              for (var d = previous.plusDays(1); d.isBefore(next); d = d.plusDays(1)) {
                assertThat(WorkingDays.isWorkingDay(d)).as("%s is skipped", d).isFalse();
              }
            });
  }

  @Test
  void between_undoes_add() {
    qt().forAll(dates(), leadTimes())
        .checkAssert(
            (from, n) ->
                assertThat(WorkingDays.between(from, WorkingDays.add(from, n)))
                    .isEqualTo(n.longValue()));
  }

  @Test
  void add_is_strictly_increasing_in_the_number_of_days() {
    qt().forAll(dates(), leadTimes(), integers().between(1, 60))
        .checkAssert(
            (from, m, more) ->
                assertThat(WorkingDays.add(from, m)).isBefore(WorkingDays.add(from, m + more)));
  }

  @Test
  void between_is_antisymmetric() {
    qt().forAll(dates(), dates())
        .checkAssert(
            (a, b) -> assertThat(WorkingDays.between(a, b)).isEqualTo(-WorkingDays.between(b, a)));
  }

  @Test
  void between_adds_up_over_consecutive_ranges_in_any_order() {
    // dates within about a year of each other keep the example count affordable
    var nearDates = dates().zip(integers().between(-400, 400), (d, offset) -> d.plusDays(offset));
    qt().forAll(dates(), nearDates, nearDates)
        .checkAssert(
            (a, b, c) ->
                assertThat(WorkingDays.between(a, c))
                    .isEqualTo(WorkingDays.between(a, b) + WorkingDays.between(b, c)));
  }

  @Test
  void between_grows_by_one_exactly_on_each_working_day() {
    qt().forAll(dates(), dates())
        .checkAssert(
            (from, to) ->
                assertThat(WorkingDays.between(from, to.plusDays(1)))
                    .isEqualTo(
                        WorkingDays.between(from, to)
                            + (WorkingDays.isWorkingDay(to.plusDays(1)) ? 1 : 0)));
  }

  @Test
  void the_days_counted_up_to_the_due_day_equal_the_lead_time_for_both_day_types() {
    qt().forAll(dates(), leadTimes(), dayTypes())
        .checkAssert(
            (from, n, type) ->
                assertThat(WorkingDays.count(from, WorkingDays.due(from, n, type), type))
                    .isEqualTo(n.longValue()));
  }

  @Test
  void a_lead_time_is_within_its_norm_until_the_next_counting_day_after_the_due_day() {
    // what LeadTimes relies on: count(from, end) <= n as long as end comes before the first
    // day after the due day that counts
    qt().forAll(dates(), leadTimes(), dayTypes(), integers().between(0, 120))
        .checkAssert(
            (from, n, type, offset) -> {
              var end = from.plusDays(offset);
              var firstDayOver = WorkingDays.due(from, n + 1, type);

              assertThat(WorkingDays.count(from, end, type) <= n)
                  .as("%s %s days from %s to %s", n, type, from, end)
                  .isEqualTo(end.isBefore(firstDayOver));
            });
  }
}

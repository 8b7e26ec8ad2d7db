package no.forlop.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsloTimeTest {

  @Test
  void the_zone_is_europe_oslo() {
    assertThat(OsloTime.ZONE).isEqualTo(ZoneId.of("Europe/Oslo"));
  }

  @Test
  void a_late_evening_utc_instant_in_winter_is_the_next_day_in_oslo() {
    // 23:30 UTC is 00:30 the next day at +01:00
    assertThat(OsloTime.dateOf(Instant.parse("2024-03-03T23:30:00Z")))
        .isEqualTo(LocalDate.of(2024, 3, 4));
  }

  @Test
  void a_late_evening_utc_instant_in_summer_is_the_next_day_in_oslo() {
    // 22:30 UTC is 00:30 the next day at +02:00
    assertThat(OsloTime.dateOf(Instant.parse("2024-06-30T22:30:00Z")))
        .isEqualTo(LocalDate.of(2024, 7, 1));
  }

  @ParameterizedTest(name = "{0} is {1} in Oslo")
  @CsvSource({
    // winter, +01:00: Oslo midnight is 23:00 UTC
    "2024-03-03T22:59:59Z, 2024-03-03",
    "2024-03-03T23:00:00Z, 2024-03-04",
    "2024-01-01T00:00:00Z, 2024-01-01",
    "2023-12-31T23:00:00Z, 2024-01-01",
    "2023-12-31T22:59:59Z, 2023-12-31",
    // summer, +02:00: Oslo midnight is 22:00 UTC
    "2024-06-30T21:59:59Z, 2024-06-30",
    "2024-06-30T22:00:00Z, 2024-07-01",
    "2024-07-01T21:59:59Z, 2024-07-01",
  })
  void midnight_in_oslo_is_where_the_date_changes(Instant instant, LocalDate expected) {
    assertThat(OsloTime.dateOf(instant)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1} in Oslo")
  @CsvSource({
    // 31 March 2024 starts at +01:00 and ends at +02:00 (02:00 becomes 03:00 at 01:00 UTC)
    "2024-03-30T22:59:59Z, 2024-03-30",
    "2024-03-30T23:00:00Z, 2024-03-31",
    "2024-03-31T00:59:59Z, 2024-03-31", // 01:59:59 +01:00
    "2024-03-31T01:00:00Z, 2024-03-31", // 03:00 +02:00
    "2024-03-31T21:59:59Z, 2024-03-31",
    "2024-03-31T22:00:00Z, 2024-04-01",
    // 27 October 2024 starts at +02:00 and ends at +01:00 (03:00 becomes 02:00 at 01:00 UTC)
    "2024-10-26T21:59:59Z, 2024-10-26",
    "2024-10-26T22:00:00Z, 2024-10-27",
    "2024-10-27T00:30:00Z, 2024-10-27", // 02:30 +02:00
    "2024-10-27T01:30:00Z, 2024-10-27", // 02:30 +01:00, the repeated hour
    "2024-10-27T22:30:00Z, 2024-10-27", // 23:30 +01:00; would be the 28th at +02:00
    "2024-10-27T22:59:59Z, 2024-10-27",
    "2024-10-27T23:00:00Z, 2024-10-28",
  })
  void the_nights_when_daylight_saving_time_changes_keep_the_right_date(
      Instant instant, LocalDate expected) {
    assertThat(OsloTime.dateOf(instant)).isEqualTo(expected);
  }

  @Test
  void an_offset_date_time_is_read_as_its_instant_not_its_own_local_date() {
    // 20:00 in New York on 3 March is 01:00 UTC and 02:00 in Oslo on 4 March
    assertThat(OsloTime.dateOf(OffsetDateTime.parse("2024-03-03T20:00:00-05:00")))
        .isEqualTo(LocalDate.of(2024, 3, 4));
    assertThat(OsloTime.dateOf(OffsetDateTime.parse("2024-03-03T23:30:00Z")))
        .isEqualTo(LocalDate.of(2024, 3, 4));
    // 00:30 in Tokyo on 1 July is 15:30 UTC and 17:30 in Oslo on 30 June
    assertThat(OsloTime.dateOf(OffsetDateTime.parse("2024-07-01T00:30:00+09:00")))
        .isEqualTo(LocalDate.of(2024, 6, 30));
  }

  @Test
  void today_is_the_oslo_date_of_the_clock_instant_whatever_the_clock_zone() {
    var instant = Instant.parse("2024-03-03T23:30:00Z");

    assertThat(OsloTime.today(Clock.fixed(instant, ZoneOffset.UTC)))
        .isEqualTo(LocalDate.of(2024, 3, 4));
    assertThat(OsloTime.today(Clock.fixed(instant, ZoneId.of("America/New_York"))))
        .isEqualTo(LocalDate.of(2024, 3, 4));
    assertThat(OsloTime.today(Clock.fixed(instant, OsloTime.ZONE)))
        .isEqualTo(LocalDate.of(2024, 3, 4));
  }

  @Test
  void today_follows_the_clock() {
    assertThat(OsloTime.today(Clock.fixed(Instant.parse("2024-06-30T21:59:59Z"), ZoneOffset.UTC)))
        .isEqualTo(LocalDate.of(2024, 6, 30));
    assertThat(OsloTime.today(Clock.fixed(Instant.parse("2024-06-30T22:00:00Z"), ZoneOffset.UTC)))
        .isEqualTo(LocalDate.of(2024, 7, 1));
  }
}

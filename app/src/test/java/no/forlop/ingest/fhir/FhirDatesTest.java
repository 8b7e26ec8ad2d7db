package no.forlop.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import no.forlop.calendar.OsloTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FHIR dates and times as instants: offsets as given, days without a time in Oslo. */
class FhirDatesTest {

  @Test
  void an_instant_in_utc_stays_that_instant_even_when_it_is_the_next_day_in_oslo() {
    var instant = FhirDates.instant("2024-03-03T23:30:00Z");

    assertThat(instant).isEqualTo(Instant.parse("2024-03-03T23:30:00Z"));
    assertThat(OsloTime.dateOf(instant)).hasToString("2024-03-04");
  }

  @ParameterizedTest
  @CsvSource({
    "2024-03-04T09:10:00+01:00, 2024-03-04T08:10:00Z",
    "2024-06-04T09:10:00+02:00, 2024-06-04T07:10:00Z",
    "2024-03-04T09:10:00.250-05:00, 2024-03-04T14:10:00.250Z",
    "2024-03-04T09:10+01:00, 2024-03-04T08:10:00Z"
  })
  void a_date_time_with_an_offset_is_the_instant_it_names(String text, String expected) {
    assertThat(FhirDates.instant(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @CsvSource({
    // winter: Oslo is UTC+1; summer: UTC+2
    "2024-03-04, 2024-03-03T23:00:00Z",
    "2024-07-01, 2024-06-30T22:00:00Z",
    // the night the clocks go forward still starts at midnight
    "2024-03-31, 2024-03-30T23:00:00Z"
  })
  void a_date_without_time_is_the_start_of_that_day_in_oslo(String text, String expected) {
    assertThat(FhirDates.instant(text)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-03-04T09:10:00", "2024-03-04T09:10", "2024-03-04T09:10:00.5"})
  void a_time_without_a_time_zone_is_refused_as_fhir_r4_requires(String text) {
    assertThatThrownBy(() -> FhirDates.instant(text))
        .isInstanceOfSatisfying(
            FhirDates.InvalidDate.class,
            e ->
                assertThat(e.reason("Encounter/e1", "period.start").english())
                    .isEqualTo(
                        "Encounter/e1: period.start has a time of day but no time zone; FHIR R4"
                            + " requires one when hours are given (e.g. +01:00 or Z)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1899-12-31", "1800-03-04T10:00:00Z", "2101-01-01T00:00:00+01:00"})
  void a_year_before_1900_or_after_2100_is_impossible(String text) {
    assertThatThrownBy(() -> FhirDates.instant(text))
        .hasMessage("IMPOSSIBLE_DATE")
        .isInstanceOfSatisfying(
            FhirDates.InvalidDate.class,
            e ->
                assertThat(e.reason("Encounter/e1", "period.start").english())
                    .isEqualTo(
                        "Encounter/e1: period.start is an impossible date (the year is not between"
                            + " 1900 and 2100)"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1900-01-01", "2100-12-31"})
  void the_first_and_last_possible_years_are_accepted(String text) {
    assertThat(FhirDates.instant(text)).isNotNull();
  }

  @Test
  void a_date_given_only_to_the_month_or_year_is_not_precise_enough() {
    assertThatThrownBy(() -> FhirDates.instant("2024-03")).hasMessage("DATE_TOO_COARSE.month");
    assertThatThrownBy(() -> FhirDates.instant("2024")).hasMessage("DATE_TOO_COARSE.year");
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-date", "2024-02-30", "2024-03-04T25:00:00Z"})
  void text_that_is_no_date_is_refused_without_repeating_it(String text) {
    assertThatThrownBy(() -> FhirDates.instant(text))
        .hasMessage("INVALID_DATE")
        .hasMessageNotContaining(text);
  }
}

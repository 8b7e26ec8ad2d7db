package no.forlop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Icd10GroupTest {

  private static Icd10Group group(String from, String to) {
    return new Icd10Group(from, to, null, false, null, null);
  }

  private static final Icd10Group COLORECTAL = group("C18", "C20");

  @ParameterizedTest
  @ValueSource(strings = {"C18.7", "C187", "c18.7", "c187", " C18.7 "})
  void a_code_is_found_with_or_without_the_dot_and_in_any_case(String code) {
    assertThat(COLORECTAL.contains(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"C18", "C18.0", "C19", "C20", "C20.9", "C209"})
  void both_ends_of_a_range_are_included_at_every_level_of_detail(String code) {
    assertThat(COLORECTAL.contains(code)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"C17", "C17.9", "C179", "C21", "C21.0", "D18", "B18"})
  void codes_just_outside_a_range_are_not_in_it(String code) {
    assertThat(COLORECTAL.contains(code)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"C2", "C1X", "C19X", "C", "", "19", "colon"})
  void text_that_is_not_an_icd10_code_is_in_no_group(String text) {
    assertThat(COLORECTAL.contains(text)).isFalse();
  }

  @Test
  void a_whole_category_inside_a_range_given_at_the_four_character_level_is_in_it() {
    var range = group("C18.0", "C20.9");

    assertThat(range.contains("C19")).isTrue();
    assertThat(range.contains("C20")).isTrue();
    assertThat(range.contains("C21")).isFalse();
  }

  @Test
  void a_group_of_one_three_character_code_holds_all_its_subdivisions() {
    var thyroid = group("C73", null);

    assertThat(thyroid.contains("C73")).isTrue();
    assertThat(thyroid.contains("C73.9")).isTrue();
    assertThat(thyroid.contains("C72.9")).isFalse();
    assertThat(thyroid.contains("C74")).isFalse();
  }

  @Test
  void a_group_of_one_four_character_code_holds_that_code_and_its_subdivisions_only() {
    var liverCell = group("C22.0", null);

    assertThat(liverCell.contains("C22.0")).isTrue();
    assertThat(liverCell.contains("C220")).isTrue();
    assertThat(liverCell.contains("C22.01")).isTrue();
    assertThat(liverCell.contains("C22.1")).isFalse();
    assertThat(liverCell.contains("C22")).isFalse();
    assertThat(liverCell.contains("C21.9")).isFalse();
  }

  @Test
  void a_range_at_the_four_character_level_holds_only_the_codes_between_its_ends() {
    var peritoneum = group("C48.1", "C48.2");

    assertThat(peritoneum.contains("C48.1")).isTrue();
    assertThat(peritoneum.contains("C48.2")).isTrue();
    assertThat(peritoneum.contains("c482")).isTrue();
    assertThat(peritoneum.contains("C48.0")).isFalse();
    assertThat(peritoneum.contains("C48.8")).isFalse();
    assertThat(peritoneum.contains("C48")).isFalse();
    assertThat(peritoneum.contains("C49")).isFalse();
  }

  @Test
  void a_code_is_normalised_to_upper_case_without_the_dot() {
    assertThat(Icd10Group.normalise(" c18.7 ")).isEqualTo("C187");
  }
}

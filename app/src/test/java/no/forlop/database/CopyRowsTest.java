package no.forlop.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyRowsTest {

  @Test
  void each_row_is_a_line_of_tab_separated_values_and_null_is_backslash_n() {
    var id = UUID.fromString("00000000-0000-0000-0000-000000000001");
    var at = OffsetDateTime.of(2026, 12, 7, 18, 0, 0, 123_000_000, ZoneOffset.UTC);

    var text = CopyRows.text(List.of(new Object[] {id, 3, "a", null, at}, new Object[] {"b"}));

    assertThat(text)
        .isEqualTo(
            "00000000-0000-0000-0000-000000000001\t3\ta\t\\N\t2026-12-07T18:00:00.123Z\nb\n");
  }

  @Test
  void the_separators_and_the_escape_character_inside_a_text_are_escaped() {
    var text = CopyRows.text(List.<Object[]>of(new Object[] {"a\tb\nc\rd\\e \\N æ😀"}));

    assertThat(text).isEqualTo("a\\tb\\nc\\rd\\\\e \\\\N æ😀\n");
  }

  @Test
  void a_text_that_is_just_backslash_n_is_a_text_not_null() {
    assertThat(CopyRows.text(List.<Object[]>of(new Object[] {"\\N", ""}))).isEqualTo("\\\\N\t\n");
  }

  @Test
  void a_nul_character_is_refused_not_cut() {
    assertThatThrownBy(() -> CopyRows.text(List.<Object[]>of(new Object[] {"a\u0000b"})))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_text_array_is_an_array_literal_with_every_element_quoted_and_null_as_null() {
    var text =
        CopyRows.text(
            List.<Object[]>of(
                new Object[] {new String[] {"a", "b c,{d}", "say \"x\"", "back\\slash", null}},
                new Object[] {new String[] {}}));

    assertThat(text)
        .isEqualTo("{\"a\",\"b c,{d}\",\"say \\\\\"x\\\\\"\",\"back\\\\\\\\slash\",NULL}\n{}\n");
  }
}

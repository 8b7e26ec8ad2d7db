package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageNumbersTest {

  @Test
  void a_page_number_that_is_no_number_is_the_first_and_one_too_large_the_largest() {
    assertThat(PageNumbers.parse(null)).isZero();
    assertThat(PageNumbers.parse("abc")).isZero();
    assertThat(PageNumbers.parse("-1")).isZero();
    assertThat(PageNumbers.parse(" 2 ")).isEqualTo(2);
    assertThat(PageNumbers.parse("0003")).isEqualTo(3);
    assertThat(PageNumbers.parse("999999999")).isEqualTo(999_999_999);
    assertThat(PageNumbers.parse("1000000000")).isEqualTo(Integer.MAX_VALUE);
  }

  @Test
  void pages_hold_size_rows_and_an_empty_list_has_one_page() {
    assertThat(PageNumbers.pages(0, 50)).isEqualTo(1);
    assertThat(PageNumbers.pages(50, 50)).isEqualTo(1);
    assertThat(PageNumbers.pages(51, 50)).isEqualTo(2);
  }

  @Test
  void a_page_past_the_last_shows_the_last() {
    assertThat(PageNumbers.shown(1, 51, 50)).isEqualTo(1);
    assertThat(PageNumbers.shown(2, 51, 50)).isEqualTo(1);
    assertThat(PageNumbers.shown(1, 50, 50)).isZero();
    assertThat(PageNumbers.shown(Integer.MAX_VALUE, 0, 50)).isZero();
  }
}

package no.forlop.coordinator.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A page number as an address gives it: never an error (issue 16). */
class WorklistQueryTest {

  @Test
  void a_page_that_is_no_number_is_the_first() {
    for (var text : new String[] {"abc", "", " ", "-1", "1.5", "1e3", "+2", "٣"}) {
      assertThat(WorklistQuery.page(text)).as(text).isZero();
    }
    assertThat(WorklistQuery.page(null)).isZero();
  }

  @Test
  void a_number_is_that_page_and_one_too_large_for_an_int_the_largest() {
    assertThat(WorklistQuery.page("0")).isZero();
    assertThat(WorklistQuery.page("3")).isEqualTo(3);
    assertThat(WorklistQuery.page(" 007 ")).isEqualTo(7);
    assertThat(WorklistQuery.page("999999999")).isEqualTo(999_999_999);
    assertThat(WorklistQuery.page("99999999999999999999")).isEqualTo(Integer.MAX_VALUE);
    assertThat(WorklistQuery.page("0000000000005")).isEqualTo(5);
  }
}

package no.forlop.coding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DerivingCodesSplitTest {

  private static List<String> patients(int n) {
    return IntStream.range(0, n).mapToObj(i -> "p" + i).toList();
  }

  @Test
  void two_ways_are_two_disjoint_stretches_that_together_are_every_patient_in_order() {
    var parts = DerivingCodes.split(patients(7), 2);

    assertThat(parts).containsExactly(List.of("p0", "p1", "p2", "p3"), List.of("p4", "p5", "p6"));
  }

  @Test
  void an_even_number_splits_evenly_and_one_way_is_all() {
    assertThat(DerivingCodes.split(patients(6), 2)).extracting(List::size).containsExactly(3, 3);
    assertThat(DerivingCodes.split(patients(6), 1)).containsExactly(patients(6));
  }

  @Test
  void more_ways_than_patients_gives_no_empty_part() {
    assertThat(DerivingCodes.split(patients(2), 3)).containsExactly(List.of("p0"), List.of("p1"));
  }
}

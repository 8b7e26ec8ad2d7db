package no.forlop.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import no.forlop.replay.HandCodedComparison.Coded;
import org.junit.jupiter.api.Test;

/** The agreement between derived codes and codes typed by hand, per kind of code. */
class HandCodedComparisonTest {

  private static Coded code(String code, String date) {
    return new Coded("12036110072", "910000012", code, LocalDate.parse(date));
  }

  @Test
  void agreement_is_counted_per_kind_of_code() {
    var byHand =
        List.of(
            code("A12A", "2024-03-06"),
            code("A12S", "2024-03-11"),
            code("A12CK", "2024-03-20"),
            code("A12X", "2024-05-01"));
    var derived =
        List.of(
            code("A12A", "2024-03-04"),
            code("A12S", "2024-03-11"),
            code("A12CK", "2024-03-20"),
            code("A12FK", "2024-04-05"));

    var report = HandCodedComparison.compare(byHand, derived);

    assertThat(report.perKind())
        .extracting(
            a ->
                a.kind()
                    + " "
                    + a.agreed()
                    + "/"
                    + a.differentDate()
                    + "/"
                    + a.onlyByHand()
                    + "/"
                    + a.onlyDerived())
        .containsExactly("A 0/1/0/0", "C 1/0/0/0", "F 0/0/0/1", "S 1/0/0/0", "X 0/0/1/0");
    var start = report.perKind().get(0);
    assertThat(start.medianDaysApart()).isEqualTo(2.0);
    assertThat(start.agreementPercent()).isEqualTo(0.0);
    assertThat(report.perKind().get(1).agreementPercent()).isEqualTo(100.0);
    assertThat(report.differences()).hasSize(3);
  }

  @Test
  void the_hand_coded_file_is_csv_with_commas_or_semicolons() {
    var codes =
        HandCodedComparison.read(
            "patient,organisation,code,date\n12036110072,910000012,A12A,2024-03-06\n\n"
                + "12036110072;910000012;A12S;2024-03-11\n");
    assertThat(codes).containsExactly(code("A12A", "2024-03-06"), code("A12S", "2024-03-11"));
  }

  @Test
  void a_line_that_cannot_be_read_is_refused_with_its_number() {
    assertThatThrownBy(
            () -> HandCodedComparison.read("patient,organisation,code,date\nx,y,A12A,2024-13-01\n"))
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> HandCodedComparison.read("header\nonly,three,cells\n"))
        .hasMessageContaining("line 2");
  }
}

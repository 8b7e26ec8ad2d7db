package no.forlop.coordinator.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;

/** How a worklist search is read: as what the list shows (issue 16). */
class WorklistSearchTest {

  @Test
  void eleven_digits_are_one_patient_and_ten_are_part_of_a_number() {
    var patient = TestPatients.next();
    assertThat(WorklistSearch.of(patient).identityNumber()).isEqualTo(patient);
    assertThat(
            WorklistSearch.of(patient.substring(0, 6) + " " + patient.substring(6))
                .identityNumber())
        .isEqualTo(patient);
    var ten = WorklistSearch.of(patient.substring(0, 10));
    assertThat(ten.identityNumber()).isNull();
    assertThat(ten.digits()).isEqualTo(patient.substring(0, 10));
    assertThat(ten.name()).isNull();
  }

  @Test
  void the_six_digits_the_list_prints_are_part_of_the_number() {
    var search = WorklistSearch.of("231058");
    assertThat(search.digits()).isEqualTo("231058");
    assertThat(search.born()).isNull();
  }

  @Test
  void a_birth_date_as_the_pages_write_it_or_its_eight_digits() {
    var born = TestPatients.bornOn(LocalDate.of(1958, 10, 23), false);
    var other = TestPatients.bornOn(LocalDate.of(1958, 10, 24), false);
    for (var text :
        new String[] {"23.10.1958", "23.10.58", "23101958", "23.10.1958 ", "23/10/1958"}) {
      var search = WorklistSearch.of(text);
      assertThat(search.bornOn(born)).as(text).isTrue();
      assertThat(search.bornOn(other)).as(text).isFalse();
    }
    // eight digits are part of a number too
    assertThat(WorklistSearch.of("23101958").digits()).isEqualTo("23101958");
    // the century counts when the year is written whole; two digits leave it open
    var inThe1920s = TestPatients.bornOn(LocalDate.of(1923, 10, 17), false);
    var inThe2020s = TestPatients.bornOn(LocalDate.of(2023, 10, 17), false);
    assertThat(WorklistSearch.of("17.10.1923").bornOn(inThe1920s)).isTrue();
    assertThat(WorklistSearch.of("17.10.1923").bornOn(inThe2020s)).isFalse();
    assertThat(WorklistSearch.of("17.10.2023").bornOn(inThe2020s)).isTrue();
    assertThat(WorklistSearch.of("17.10.23").bornOn(inThe1920s)).isTrue();
    assertThat(WorklistSearch.of("17.10.23").bornOn(inThe2020s)).isTrue();
  }

  @Test
  void a_date_that_does_not_exist_is_searched_as_text_and_finds_no_birth_date() {
    var search = WorklistSearch.of("31.02.1958");
    assertThat(search.born()).isNull();
    assertThat(search.bornOn(TestPatients.bornOn(LocalDate.of(1958, 3, 3), false))).isFalse();
  }

  @Test
  void initials_as_the_list_prints_them_in_any_spelling() {
    for (var text : new String[] {"K. N.", "K.N.", "K N", "KN", "kn", "k. n."}) {
      var search = WorklistSearch.of(text);
      assertThat(search.hasInitials("Kari Nordmann")).as(text).isTrue();
      assertThat(search.hasInitials("Kari Hansen")).as(text).isFalse();
      assertThat(search.hasInitials("Kari Nordmann-Lie")).as(text).isFalse();
      assertThat(search.hasInitials(null)).as(text).isFalse();
    }
    assertThat(WorklistSearch.of("K. N.-L.").hasInitials("Kari Nordmann-Lie")).isTrue();
  }

  @Test
  void a_word_is_a_name_not_initials() {
    var search = WorklistSearch.of("Ola");
    assertThat(search.initials()).isNull();
    assertThat(search.name()).isEqualTo("Ola");
    assertThat(WorklistSearch.of("OLA").initials()).isEqualTo("OLA");
    assertThat(WorklistSearch.of("Nordmann").initials()).isNull();
    // initials are also searched as part of a name: "kn" finds Knut too
    assertThat(WorklistSearch.of("kn").name()).isEqualTo("kn");
  }

  @Test
  void wildcards_are_text() {
    for (var text : new String[] {"%", "_", "\\", "a%b"}) {
      var search = WorklistSearch.of(text);
      assertThat(search.name()).as(text).isEqualTo(text);
      assertThat(search.digits()).as(text).isNull();
      assertThat(search.initials()).as(text).isNull();
    }
  }
}

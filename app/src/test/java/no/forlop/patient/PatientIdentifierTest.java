package no.forlop.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import no.forlop.patient.InvalidPatientIdentifierException.Problem;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fødselsnummer and D-nummer: eleven digits, two modulus-11 check digits, a date.
 *
 * <p>Every number here is a fixed literal checked by hand, not built by the algorithm under test.
 * With the published weights, a number is valid when both weighted sums, each including its check
 * digit with weight 1, are divisible by 11:
 *
 * <pre>
 *   first:  3 7 6 1 8 9 4 5 2 1 · d1…d10
 *   second: 5 4 3 2 7 6 5 4 3 2 1 · d1…d11
 * </pre>
 *
 * For 12036110072: 3·1 + 7·2 + 6·0 + 1·3 + 8·6 + 9·1 + 4·1 + 5·0 + 2·0 + 1·7 = 88 = 8·11, and 5·1 +
 * 4·2 + 3·0 + 2·3 + 7·6 + 6·1 + 5·1 + 4·0 + 3·0 + 2·7 + 1·2 = 88 = 8·11. The sums of every valid
 * literal are written beside it; the refused ones say which sum fails.
 */
class PatientIdentifierTest {

  /** Invented valid numbers (first sum, second sum), each sum a multiple of 11. */
  static final List<String> VALID =
      List.of(
          "12036110072", // 88, 88: born 12.03.61
          "17055810036", // 176, 143
          "02097510043", // 132, 121
          "28068010073", // 143, 132
          "09126610189", // 187, 154
          "52036110066", // 99, 110: D-nummer, day 12 + 40
          "52036110147", // 99, 110: D-nummer
          "12836110038", // 132, 110: test number, month 03 + 80
          "12836110461" // 143, 121: test number
          );

  @ParameterizedTest
  @ValueSource(
      strings = {"12036110072", "17055810036", "02097510043", "28068010073", "09126610189"})
  void invented_numbers_with_valid_check_digits_are_accepted(String number) {
    var id = PatientIdentifier.parse(number);
    assertThat(id.value()).isEqualTo(number);
    assertThat(id.kind()).isEqualTo(PatientIdentifier.Kind.FODSELSNUMMER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"52036110066", "52036110147"})
  void a_d_nummer_has_forty_added_to_the_day(String number) {
    var id = PatientIdentifier.parse(number);
    assertThat(id.kind()).isEqualTo(PatientIdentifier.Kind.D_NUMMER);
    assertThat(id.birthDate()).isEqualTo("1961-03-12");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12836110038", "12836110461"})
  void a_synthetic_test_number_has_eighty_added_to_the_month(String number) {
    assertThat(PatientIdentifier.isValid(number)).isTrue();
    assertThat(PatientIdentifier.parse(number).kind())
        .isEqualTo(PatientIdentifier.Kind.FODSELSNUMMER);
  }

  @Test
  void spaces_are_ignored() {
    assertThat(PatientIdentifier.parse("120361 10072").value()).isEqualTo("12036110072");
  }

  @Test
  void a_wrong_first_check_digit_is_refused() {
    assertProblem("12036110082", Problem.CHECKSUM); // first sum 89
  }

  @Test
  void a_wrong_second_check_digit_is_refused() {
    assertProblem("12036110073", Problem.CHECKSUM); // first sum 88, second 89
  }

  @Test
  void every_valid_number_with_any_one_digit_changed_is_refused() {
    // every weight is 1–9 and 11 is prime, so a changed digit always changes a sum by a
    // non-multiple of 11: the property does not depend on how the check digits are computed
    for (var number : VALID) {
      assertThat(PatientIdentifier.isValid(number)).as(number).isTrue();
      for (int position = 0; position < 11; position++) {
        for (char digit = '0'; digit <= '9'; digit++) {
          if (digit != number.charAt(position)) {
            var changed = number.substring(0, position) + digit + number.substring(position + 1);
            assertThat(PatientIdentifier.isValid(changed)).as(changed).isFalse();
          }
        }
      }
    }
  }

  @Test
  void every_valid_number_with_two_different_neighbouring_digits_swapped_is_refused() {
    // neighbouring weights of the first sum (3 7 6 1 8 9 4 5 2 1) differ by 1–7, and swapping the
    // two check digits changes the first sum by their difference: never by a multiple of 11
    for (var number : VALID) {
      for (int position = 0; position < 10; position++) {
        var a = number.charAt(position);
        var b = number.charAt(position + 1);
        if (a != b) {
          var swapped = number.substring(0, position) + b + a + number.substring(position + 2);
          assertThat(PatientIdentifier.isValid(swapped)).as(swapped).isFalse();
        }
      }
    }
  }

  @Test
  void a_number_of_the_wrong_length_is_refused() {
    assertProblem("1203611007", Problem.LENGTH);
    assertProblem("120361100722", Problem.LENGTH);
    assertProblem("", Problem.LENGTH);
  }

  @Test
  void letters_are_refused() {
    assertProblem("1203611007A", Problem.NOT_DIGITS);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "32036110014", // day 32 (sums 88, 88)
        "12136110010", // month 13 (sums 88, 77)
        "30026110056" // 30 February (sums 77, 88)
      })
  void a_number_that_does_not_start_with_a_date_is_refused(String number) {
    assertProblem(number, Problem.DATE);
  }

  @Test
  void the_refusal_never_repeats_the_number() {
    assertThatThrownBy(() -> PatientIdentifier.parse("12036110073"))
        .hasMessageNotContaining("12036110073");
  }

  @Test
  void the_masked_form_shows_only_the_birth_date() {
    assertThat(PatientIdentifier.parse("12036110072").masked()).isEqualTo("120361*****");
    assertThat(PatientIdentifier.parse("12036110072").toString()).doesNotContain("10072");
  }

  /** Checks the fixture other tests rely on (it has its own copy of the check digits' rule). */
  @Test
  void the_test_patients_are_all_valid_and_different() {
    var seen = new java.util.HashSet<String>();
    for (int i = 0; i < 2000; i++) {
      var number = TestPatients.next();
      assertThat(PatientIdentifier.isValid(number)).as(number).isTrue();
      assertThat(seen.add(number)).as(number).isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "12036110072, 1961-03-12, FEMALE", // individual number 100: 1900s
    "12036140141, 1961-03-12, MALE", // 401
    "12036150023, 1861-03-12, FEMALE", // 500–749 with year 54–99: 1800s
    "12039969198, 1899-03-12, MALE", // 691
    "12031050071, 2010-03-12, FEMALE", // 500–999 with year 00–39: 2000s
    "12033994301, 2039-03-12, MALE", // 943
    "12034590263, 1945-03-12, FEMALE", // 900–999 with year 40–99: 1900s
    "52036110147, 1961-03-12, MALE", // D-nummer: day + 40
    "12836110461, 1961-03-12, FEMALE" // test number: month + 80
  })
  void the_birth_date_and_sex_are_read_from_the_number(
      String number, String birthDate, String sex) {
    var id = PatientIdentifier.parse(number);
    assertThat(id.birthDate()).isEqualTo(birthDate);
    assertThat(id.sex()).isEqualTo(PatientIdentifier.Sex.valueOf(sex));
  }

  private static void assertProblem(String number, Problem problem) {
    assertThatThrownBy(() -> PatientIdentifier.parse(number))
        .isInstanceOfSatisfying(
            InvalidPatientIdentifierException.class,
            e -> assertThat(e.problem()).isEqualTo(problem));
  }
}

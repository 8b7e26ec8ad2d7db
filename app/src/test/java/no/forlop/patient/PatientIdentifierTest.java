package no.forlop.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import no.forlop.patient.InvalidPatientIdentifierException.Problem;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Fødselsnummer and D-nummer: eleven digits, two modulus-11 check digits, a date. */
class PatientIdentifierTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"12036110072", "17055810036", "02097510043", "28068010073", "09126610189"})
  void invented_numbers_with_valid_check_digits_are_accepted(String number) {
    var id = PatientIdentifier.parse(number);
    assertThat(id.value()).isEqualTo(number);
    assertThat(id.kind()).isEqualTo(PatientIdentifier.Kind.FODSELSNUMMER);
  }

  @Test
  void a_d_nummer_has_forty_added_to_the_day() {
    var dnummer = withCheckDigits("520361100");
    var id = PatientIdentifier.parse(dnummer);
    assertThat(id.kind()).isEqualTo(PatientIdentifier.Kind.D_NUMMER);
  }

  @Test
  void a_synthetic_test_number_has_eighty_added_to_the_month() {
    assertThat(PatientIdentifier.isValid(withCheckDigits("128361100"))).isTrue();
  }

  @Test
  void spaces_are_ignored() {
    assertThat(PatientIdentifier.parse("120361 10072").value()).isEqualTo("12036110072");
  }

  @Test
  void a_wrong_first_check_digit_is_refused() {
    assertProblem("12036110082", Problem.CHECKSUM);
  }

  @Test
  void a_wrong_second_check_digit_is_refused() {
    assertProblem("12036110073", Problem.CHECKSUM);
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

  @Test
  void a_number_that_does_not_start_with_a_date_is_refused() {
    assertProblem(withCheckDigits("320361100"), Problem.DATE);
    assertProblem(withCheckDigits("121361100"), Problem.DATE);
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

  /** Appends both check digits; tries individual numbers until both digits exist (not 10). */
  private static String withCheckDigits(String nineDigits) {
    for (int individual = 0; individual < 1000; individual++) {
      var base =
          nineDigits.substring(0, 6)
              + String.format(
                  "%03d", (Integer.parseInt(nineDigits.substring(6)) + individual) % 1000);
      var k1 = control(base, new int[] {3, 7, 6, 1, 8, 9, 4, 5, 2});
      if (k1 == 10) continue;
      var k2 = control(base + k1, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2});
      if (k2 == 10) continue;
      return base + k1 + k2;
    }
    throw new IllegalStateException();
  }

  private static int control(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) sum += (digits.charAt(i) - '0') * weights[i];
    int k = 11 - sum % 11;
    return k == 11 ? 0 : k;
  }
}

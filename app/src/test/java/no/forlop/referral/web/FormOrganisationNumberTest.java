package no.forlop.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Organisation numbers on the referral form: nine digits with Enhetsregisteret's check digit. */
class FormOrganisationNumberTest {

  @Test
  void a_number_with_its_check_digit_is_accepted() {
    assertThat(ReferralWriter.isOrganisationNumber("910000012")).isTrue();
    assertThat(ReferralWriter.isOrganisationNumber("974600951")).isTrue();
    // remainder 0: the check digit is 0
    assertThat(ReferralWriter.isOrganisationNumber("920000010")).isTrue();
  }

  @Test
  void a_wrong_check_digit_length_or_character_is_refused() {
    assertThat(ReferralWriter.isOrganisationNumber("910000013")).isFalse();
    assertThat(ReferralWriter.isOrganisationNumber("91000001")).isFalse();
    assertThat(ReferralWriter.isOrganisationNumber("9100000120")).isFalse();
    assertThat(ReferralWriter.isOrganisationNumber("91000001a")).isFalse();
    assertThat(ReferralWriter.isOrganisationNumber(null)).isFalse();
  }

  @Test
  void a_number_whose_check_digit_would_be_ten_is_never_valid() {
    // 91234567: weighted sum leaves check digit 10, so no ninth digit makes it valid
    for (int last = 0; last <= 9; last++) {
      assertThat(ReferralWriter.isOrganisationNumber("91234567" + last)).isFalse();
    }
  }
}

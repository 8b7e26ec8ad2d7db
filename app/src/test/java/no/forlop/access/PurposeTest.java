package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The closed list of purposes and how a header names one. */
class PurposeTest {

  @Test
  void our_codes_are_accepted_in_any_case_and_with_blanks_around() {
    assertThat(Purpose.parse("STATISTICS")).contains(Purpose.STATISTICS);
    assertThat(Purpose.parse(" patient_care ")).contains(Purpose.PATIENT_CARE);
  }

  @Test
  void the_hl7_purpose_of_use_codes_are_accepted() {
    assertThat(Purpose.parse("TREAT")).contains(Purpose.PATIENT_CARE);
    assertThat(Purpose.parse("ETREAT")).contains(Purpose.EMERGENCY_ACCESS);
    assertThat(Purpose.parse("COC")).contains(Purpose.COORDINATION);
    assertThat(Purpose.parse("HQUALIMP")).contains(Purpose.QUALITY_ASSURANCE);
    assertThat(Purpose.parse("HOPERAT")).contains(Purpose.ADMINISTRATION);
  }

  @Test
  void an_unknown_value_names_no_purpose() {
    assertThat(Purpose.parse("CODING")).isEmpty();
    assertThat(Purpose.parse("<script>alert(1)</script>")).isEmpty();
    assertThat(Purpose.parse("")).isEmpty();
  }

  @Test
  void a_value_longer_than_40_characters_is_not_read() {
    assertThat(Purpose.parse("PATIENT_CARE" + " ".repeat(28) + "X")).isEmpty();
    assertThat(Purpose.parse("A".repeat(5000))).isEmpty();
    assertThat(Purpose.parse("A".repeat(Purpose.MAX_LENGTH))).isEmpty(); // read, but unknown
  }

  @Test
  void without_a_header_the_routes_default_holds() {
    assertThat(Purpose.of(null, Purpose.STATISTICS)).isEqualTo(Purpose.STATISTICS);
    assertThat(Purpose.of("  ", Purpose.ADMINISTRATION)).isEqualTo(Purpose.ADMINISTRATION);
    assertThat(Purpose.of("COC", Purpose.STATISTICS)).isEqualTo(Purpose.COORDINATION);
  }

  @Test
  void emergency_access_is_never_declared_by_a_header_only_given_by_a_grant() {
    assertThat(Purpose.parse("ETREAT")).contains(Purpose.EMERGENCY_ACCESS);
    for (var named : java.util.List.of("EMERGENCY_ACCESS", "etreat", "ETREAT")) {
      assertThatThrownBy(() -> Purpose.of(named, Purpose.PATIENT_CARE))
          .isInstanceOf(InvalidPurposeException.class);
    }
    assertThat(InvalidPurposeException.codes()).doesNotContain("EMERGENCY_ACCESS", "ETREAT");
  }

  @Test
  void an_unknown_header_is_a_400_that_does_not_repeat_the_value() {
    assertThatThrownBy(() -> Purpose.of("<script>", Purpose.PATIENT_CARE))
        .isInstanceOfSatisfying(
            InvalidPurposeException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.reason()).isEqualTo("INVALID_PURPOSE");
              assertThat(java.util.Arrays.toString(e.args())).doesNotContain("<script>");
            });
  }

  @Test
  void the_stored_code_is_the_enum_name_and_fits_the_audit_log() {
    for (var purpose : Purpose.values()) {
      assertThat(purpose.code()).isEqualTo(purpose.name());
      assertThat(new Actor("kari", purpose.code()).purpose()).isEqualTo(purpose.name());
    }
  }

  @Test
  void statistics_has_no_hl7_code_and_says_so() {
    assertThat(Purpose.STATISTICS.hl7()).isNull();
    assertThat(Purpose.STATISTICS.hl7Verified()).isFalse();
    assertThat(Purpose.EMERGENCY_ACCESS.hl7()).isEqualTo("ETREAT");
  }
}

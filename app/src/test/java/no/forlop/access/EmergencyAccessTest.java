package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Emergency access (nødtilgang) as values: the request, the grant's time, the actor's access. */
class EmergencyAccessTest {

  static final String FJORDBY = "910000012";
  static final String NORDVIK = "910000020";
  static final String PATIENT = "01015012345";
  static final Instant GRANTED = Instant.parse("2024-12-31T10:00:00Z");

  static EmergencyGrant grantUntil(Instant until) {
    return new EmergencyGrant(
        UUID.randomUUID(),
        "nina",
        PATIENT,
        FJORDBY,
        UUID.randomUUID(),
        EmergencyRequest.Kind.ACUTE_CARE,
        "Akutt innlagt hos oss",
        GRANTED,
        until,
        null,
        null,
        null);
  }

  @Test
  void a_grant_is_open_from_its_grant_up_to_but_not_including_its_expiry() {
    var grant = grantUntil(GRANTED.plus(Duration.ofHours(4)));
    assertThat(grant.activeAt(GRANTED.minusMillis(1))).isFalse();
    assertThat(grant.activeAt(GRANTED)).isTrue();
    assertThat(grant.activeAt(GRANTED.plus(Duration.ofHours(4)).minusMillis(1))).isTrue();
    assertThat(grant.activeAt(GRANTED.plus(Duration.ofHours(4)))).isFalse();
  }

  @Test
  void a_reason_of_10_to_500_characters_is_taken_and_stripped() {
    assertThat(EmergencyRequest.of("ACUTE_CARE", "  1234567890  ").reason())
        .isEqualTo("1234567890");
    assertThat(EmergencyRequest.of(null, "x".repeat(500)).kind())
        .isEqualTo(EmergencyRequest.Kind.OTHER);
  }

  @Test
  void a_missing_short_or_long_reason_or_unknown_kind_is_refused_with_its_reason() {
    assertThat(EmergencyRequest.problem("ACUTE_CARE", null))
        .contains(EmergencyRequest.Problem.REASON_REQUIRED);
    assertThat(EmergencyRequest.problem("ACUTE_CARE", "   "))
        .contains(EmergencyRequest.Problem.REASON_REQUIRED);
    assertThat(EmergencyRequest.problem("ACUTE_CARE", "123456789"))
        .contains(EmergencyRequest.Problem.REASON_TOO_SHORT);
    assertThat(EmergencyRequest.problem("ACUTE_CARE", "x".repeat(501)))
        .contains(EmergencyRequest.Problem.REASON_TOO_LONG);
    assertThat(EmergencyRequest.problem("PANIC", "1234567890"))
        .contains(EmergencyRequest.Problem.KIND_UNKNOWN);
    assertThatThrownBy(() -> EmergencyRequest.of("ACUTE_CARE", "kort"))
        .isInstanceOf(InvalidEmergencyRequestException.class)
        .extracting(e -> ((InvalidEmergencyRequestException) e).problem())
        .isEqualTo(EmergencyRequest.Problem.REASON_TOO_SHORT);
  }

  @Test
  void an_emergency_access_opens_that_patient_at_that_unit_only() {
    var nina = new Actor("nina", "PATIENT_CARE", Set.of(NORDVIK));
    assertThat(nina.mayAccess(FJORDBY, PATIENT)).isFalse();
    var granted = nina.withEmergencyAccess(Set.of(new EmergencyAccess(PATIENT, FJORDBY)));
    assertThat(granted.mayAccess(FJORDBY, PATIENT)).isTrue();
    assertThat(granted.byEmergencyAccess(FJORDBY, PATIENT)).isTrue();
    assertThat(granted.mayAccess(FJORDBY, "02025012345")).isFalse();
    assertThat(granted.mayAccess("910000039", PATIENT)).isFalse();
    // the unit as a whole (lists) does not open
    assertThat(granted.mayAccess(FJORDBY)).isFalse();
    // changes are checked without it
    assertThat(granted.withoutEmergencyAccess().mayAccess(FJORDBY, PATIENT)).isFalse();
  }

  @Test
  void an_access_under_emergency_access_is_recorded_with_the_purpose_emergency_access() {
    var nina =
        new Actor("nina", "PATIENT_CARE", Set.of(NORDVIK))
            .withEmergencyAccess(Set.of(new EmergencyAccess(PATIENT, FJORDBY)));
    assertThat(nina.purposeFor(PATIENT)).isEqualTo(Actor.EMERGENCY_ACCESS_PURPOSE);
    assertThat(nina.purposeFor("02025012345")).isEqualTo("PATIENT_CARE");
    assertThat(nina.purposeFor(null)).isEqualTo("PATIENT_CARE");
    assertThat(new Actor("nina", "PATIENT_CARE", Set.of(NORDVIK)).purposeFor(PATIENT))
        .isEqualTo("PATIENT_CARE");
  }

  @Test
  void the_three_argument_actor_has_no_emergency_access_and_its_text_names_no_patient() {
    var actor = new Actor("kari", "PATIENT_CARE", Set.of(FJORDBY));
    assertThat(actor.emergencyAccess()).isEmpty();
    var granted = actor.withEmergencyAccess(Set.of(new EmergencyAccess(PATIENT, NORDVIK)));
    assertThat(granted.toString()).doesNotContain(PATIENT);
  }

  @Test
  void the_duration_defaults_to_four_hours_and_must_be_at_most_a_day() {
    assertThat(new EmergencyAccessSettings(null).duration()).isEqualTo(Duration.ofHours(4));
    assertThat(new EmergencyAccessSettings(Duration.ofHours(24)).duration())
        .isEqualTo(Duration.ofHours(24));
    assertThatThrownBy(() -> new EmergencyAccessSettings(Duration.ofHours(25)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EmergencyAccessSettings(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/** The purpose a request acts for: its header's, or its route's default. */
class ActorArgumentResolverTest {

  private final ActorArgumentResolver resolver =
      new ActorArgumentResolver(new Users(new AccessSettings(List.of(), List.of())), () -> null);

  private String purposeOf(String path, String... header) {
    var request = new MockHttpServletRequest("GET", path);
    if (header.length > 0) {
      request.addHeader(Purpose.PURPOSE_HEADER, header[0]);
    }
    return resolver.resolveArgument(null, null, new ServletWebRequest(request), null).purpose();
  }

  @Test
  void statistics_routes_default_to_statistics() {
    assertThat(purposeOf("/dashboard")).isEqualTo("STATISTICS");
    assertThat(purposeOf("/dashboard/pathways")).isEqualTo("STATISTICS");
    assertThat(purposeOf("/dashboard/export.csv")).isEqualTo("STATISTICS");
    assertThat(purposeOf("/api/v1/indicators/burden")).isEqualTo("STATISTICS");
  }

  @Test
  void running_the_service_defaults_to_administration() {
    assertThat(purposeOf("/api/v1/npr/deliveries/1")).isEqualTo("ADMINISTRATION");
    assertThat(purposeOf("/api/v1/catalogue/versions")).isEqualTo("ADMINISTRATION");
    assertThat(purposeOf("/catalogue")).isEqualTo("ADMINISTRATION");
    assertThat(purposeOf("/api/v1/terminology/concept-maps")).isEqualTo("ADMINISTRATION");
    assertThat(purposeOf("/api/v1/ingest/bulk")).isEqualTo("ADMINISTRATION");
    assertThat(purposeOf("/api/v1/audit")).isEqualTo("ADMINISTRATION");
    assertThat(purposeOf("/emergency-access")).isEqualTo("ADMINISTRATION");
    assertThat(purposeOf("/api/v1/emergency-access/42/review")).isEqualTo("ADMINISTRATION");
    // asking for emergency access is the clinician's, not a review
    assertThat(purposeOf("/pathways/42/emergency-access")).isEqualTo("COORDINATION");
  }

  @Test
  void the_coordinators_pages_default_to_coordination() {
    assertThat(purposeOf("/")).isEqualTo("COORDINATION");
    assertThat(purposeOf("/worklist")).isEqualTo("COORDINATION");
    assertThat(purposeOf("/worklist.csv")).isEqualTo("COORDINATION");
    assertThat(purposeOf("/pathways/42/plan")).isEqualTo("COORDINATION");
  }

  @Test
  void treatment_routes_and_anything_else_default_to_patient_care() {
    assertThat(purposeOf("/api/v1/pathways/42")).isEqualTo("PATIENT_CARE");
    assertThat(purposeOf("/mdt/7")).isEqualTo("PATIENT_CARE");
    assertThat(purposeOf("/somewhere-new")).isEqualTo("PATIENT_CARE");
  }

  @Test
  void a_prefix_matches_only_at_a_boundary() {
    assertThat(purposeOf("/dashboards-of-another-kind")).isEqualTo("PATIENT_CARE");
    assertThat(purposeOf("/catalogue-x")).isEqualTo("PATIENT_CARE");
  }

  @Test
  void the_header_wins_over_the_default() {
    assertThat(purposeOf("/dashboard", "QUALITY_ASSURANCE")).isEqualTo("QUALITY_ASSURANCE");
    assertThat(purposeOf("/api/v1/pathways/42", "TREAT")).isEqualTo("PATIENT_CARE");
  }

  @Test
  void an_unknown_or_over_long_header_is_refused() {
    assertThatThrownBy(() -> purposeOf("/worklist", "<script>alert(1)</script>"))
        .isInstanceOf(InvalidPurposeException.class);
    assertThatThrownBy(() -> purposeOf("/api/v1/pathways", "A".repeat(5000)))
        .isInstanceOf(InvalidPurposeException.class);
  }

  @Test
  void nobody_signed_in_acts_as_anonymous_with_no_units() {
    var actor =
        resolver.resolveArgument(
            null, null, new ServletWebRequest(new MockHttpServletRequest("GET", "/")), null);
    assertThat(actor.id()).isEqualTo("anonymous");
    assertThat(actor.units()).isEmpty();
  }
}

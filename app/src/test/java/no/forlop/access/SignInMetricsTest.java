package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class SignInMetricsTest {

  private static final UsernamePasswordAuthenticationToken PASSWORD =
      UsernamePasswordAuthenticationToken.unauthenticated("kari", "wrong");

  @Test
  void a_password_is_basic_with_a_basic_header_and_the_form_without() {
    assertThat(SignInMetrics.methodOf(PASSWORD, "Basic a2FyaTp3cm9uZw=="))
        .isEqualTo(SignInMetrics.Method.BASIC);
    assertThat(SignInMetrics.methodOf(PASSWORD, "basic a2FyaTp3cm9uZw=="))
        .isEqualTo(SignInMetrics.Method.BASIC);
    assertThat(SignInMetrics.methodOf(PASSWORD, null)).isEqualTo(SignInMetrics.Method.FORM);
    assertThat(SignInMetrics.methodOf(null, null)).isEqualTo(SignInMetrics.Method.FORM);
  }

  @Test
  void a_token_or_any_other_attempt_is_oidc() {
    assertThat(SignInMetrics.methodOf(null, "Bearer eyJ...")).isEqualTo(SignInMetrics.Method.OIDC);
    assertThat(SignInMetrics.methodOf(new TestingAuthenticationToken("x", "y"), null))
        .isEqualTo(SignInMetrics.Method.OIDC);
  }
}

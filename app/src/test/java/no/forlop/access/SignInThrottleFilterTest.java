package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/** What the filter reads of a sign-in attempt, and how it refuses a locked one. */
class SignInThrottleFilterTest {

  private final SignInGuard guard =
      new SignInGuard(
          new LockoutSettings(
              10, java.time.Duration.ofMinutes(5), 500, java.time.Duration.ofMinutes(10)),
          Clock.fixed(Instant.parse("2024-12-31T10:00:00Z"), ZoneOffset.UTC),
          new Users(new AccessSettings(List.of(), List.of())),
          event -> {});

  private SignInThrottleFilter filter(SignInThrottleFilter.Channel channel) {
    var messages = new StaticMessageSource();
    messages.addMessage("problem.SIGN_IN_LOCKED", Locale.ENGLISH, "Try again in {0} seconds.");
    return new SignInThrottleFilter(
        guard, channel, messages, new FixedLocaleResolver(Locale.ENGLISH));
  }

  private static MockHttpServletRequest basic(String credentials) {
    var request = new MockHttpServletRequest("GET", "/api/v1/pathways");
    request.addHeader(
        "Authorization",
        "Basic "
            + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    return request;
  }

  @Test
  void the_username_of_a_basic_header_is_what_comes_before_the_first_colon() {
    assertThat(SignInThrottleFilter.basicUsername(basic("ola:pass:word"))).isEqualTo("ola");
    assertThat(SignInThrottleFilter.basicUsername(basic("no-colon"))).isNull();
    var notBase64 = new MockHttpServletRequest("GET", "/api/v1/pathways");
    notBase64.addHeader("Authorization", "Basic %%%");
    assertThat(SignInThrottleFilter.basicUsername(notBase64)).isNull();
    var bearer = new MockHttpServletRequest("GET", "/api/v1/pathways");
    bearer.addHeader("Authorization", "Bearer abc");
    assertThat(SignInThrottleFilter.basicUsername(bearer)).isNull();
  }

  @Test
  void the_username_of_the_form_is_read_only_from_its_post() {
    var post = new MockHttpServletRequest("POST", "/login");
    post.addParameter("username", " ola ");
    assertThat(SignInThrottleFilter.formUsername(post)).isEqualTo("ola");
    var get = new MockHttpServletRequest("GET", "/login");
    get.addParameter("username", "ola");
    assertThat(SignInThrottleFilter.formUsername(get)).isNull();
    var elsewhere = new MockHttpServletRequest("POST", "/worklist");
    elsewhere.addParameter("username", "ola");
    assertThat(SignInThrottleFilter.formUsername(elsewhere)).isNull();
  }

  @Test
  void an_unlocked_attempt_goes_on() throws Exception {
    var chain = new MockFilterChain();
    var response = new MockHttpServletResponse();
    filter(SignInThrottleFilter.Channel.BASIC).doFilter(basic("ola:demo"), response, chain);
    assertThat(chain.getRequest()).isNotNull();
    assertThat(response.getStatus()).isEqualTo(200);
  }

  @Test
  void a_locked_basic_attempt_is_a_429_with_retry_after() throws Exception {
    for (int i = 0; i < 10; i++) {
      guard.failed("ola", "127.0.0.1");
    }
    var chain = new MockFilterChain();
    var response = new MockHttpServletResponse();
    filter(SignInThrottleFilter.Channel.BASIC).doFilter(basic("ola:demo"), response, chain);
    assertThat(chain.getRequest()).as("the password is never checked").isNull();
    assertThat(response.getStatus()).isEqualTo(429);
    assertThat(response.getHeader("Retry-After")).isEqualTo("300");
    assertThat(response.getContentType()).startsWith("application/fhir+json");
    assertThat(response.getContentAsString())
        .contains("\"SIGN_IN_LOCKED\"")
        .contains("Try again in 300 seconds.");
  }

  @Test
  void a_locked_form_attempt_goes_back_to_the_sign_in_page() throws Exception {
    for (int i = 0; i < 10; i++) {
      guard.failed("ola", "127.0.0.1");
    }
    var post = new MockHttpServletRequest("POST", "/login");
    post.addParameter("username", "ola");
    var chain = new MockFilterChain();
    var response = new MockHttpServletResponse();
    filter(SignInThrottleFilter.Channel.FORM).doFilter(post, response, chain);
    assertThat(chain.getRequest()).isNull();
    assertThat(response.getRedirectedUrl()).isEqualTo("/login?locked");
  }
}

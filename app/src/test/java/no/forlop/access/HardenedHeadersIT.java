package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.Test;

/**
 * The hardened answers over HTTP (issue 14, part D): the security headers on the pages and the
 * APIs, the session cookie's attributes, and the API documentation behind sign-in. Forløp runs
 * without TLS here, so no HSTS and no Secure cookie (the TLS side: {@link SecurityHeadersTest}).
 */
class HardenedHeadersIT extends ApplicationTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient(); // follows no redirects

  private HttpResponse<String> send(String path, String... headers) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void hardened(HttpHeaders headers, String policy) {
    assertThat(headers.firstValue("Content-Security-Policy")).contains(policy);
    assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
    assertThat(headers.firstValue("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void a_page_answers_with_a_strict_content_security_policy_and_the_other_headers()
      throws Exception {
    var login = send("/login");
    assertThat(login.statusCode()).isEqualTo(200);
    hardened(login.headers(), SecurityHeaders.PAGE_POLICY);
    var policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy)
        .contains("default-src 'self'", "script-src 'self'", "style-src 'self'")
        .contains("object-src 'none'", "base-uri 'self'", "form-action 'self'")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval", "*");
  }

  @Test
  void swagger_ui_may_have_its_one_style_by_its_hash_and_nothing_inline_else() {
    assertThat(SecurityHeaders.DOCS_POLICY)
        .contains("style-src 'self' 'sha256-")
        .contains("script-src 'self';")
        .doesNotContain("unsafe-inline", "unsafe-eval");
  }

  @Test
  void the_apis_answer_with_a_policy_that_lets_nothing_load_or_frame() throws Exception {
    for (var path : List.of("/api/v1/catalogue", "/fhir/metadata", "/api/v1/pathways")) {
      var response = send(path, "Authorization", basic("admin"));
      assertThat(response.statusCode()).as(path).isLessThan(500);
      hardened(response.headers(), "default-src 'none'; frame-ancestors 'none'");
    }
    // a refusal too
    hardened(send("/api/v1/pathways").headers(), SecurityHeaders.API_POLICY);
  }

  @Test
  void the_session_cookie_is_same_site_lax_and_http_only_and_not_secure_without_tls()
      throws Exception {
    var form = send("/login");
    var session = cookie(form.headers(), "JSESSIONID");
    var csrf = between(form.body(), "name=\"_csrf\" value=\"", "\"");
    var body =
        "username=kari&password=demo&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
    var signIn =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session.substring(0, session.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isEqualTo(302);
    assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    // the session is a new one after sign-in (no fixation), with the same attributes
    for (var cookie : List.of(session, cookie(signIn.headers(), "JSESSIONID"))) {
      assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
      assertThat(cookie).doesNotContainIgnoringCase("Secure");
    }
  }

  @Test
  void the_api_documentation_asks_for_sign_in_and_is_for_staff() throws Exception {
    // nobody: a program is asked for credentials, a browser is sent to the sign-in page
    assertThat(send("/v3/api-docs").statusCode()).isEqualTo(401);
    var browser = send("/swagger-ui.html", "Accept", "text/html");
    assertThat(browser.statusCode()).isEqualTo(302);
    assertThat(browser.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    assertThat(send("/swagger-ui/index.html", "Accept", "text/html").statusCode()).isEqualTo(302);
    // a wrong password is no way in
    assertThat(send("/v3/api-docs", "Authorization", basic("kari") + "x").statusCode())
        .isEqualTo(401);

    // staff read it; the integration user, a system, does not
    for (var user : List.of("kari", "lise", "admin")) {
      var docs = send("/v3/api-docs", "Authorization", basic(user));
      assertThat(docs.statusCode()).as(user).isEqualTo(200);
      assertThat(docs.body()).contains("/api/v1/pathways");
      hardened(docs.headers(), SecurityHeaders.DOCS_POLICY);
    }
    assertThat(send("/swagger-ui/index.html", "Authorization", basic("kari")).statusCode())
        .isEqualTo(200);
    assertThat(send("/v3/api-docs", "Authorization", basic("ehr")).statusCode()).isEqualTo(403);
  }

  private static String cookie(HttpHeaders headers, String name) {
    return headers.allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(name + "="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + headers.map()));
  }

  private static String between(String text, String before, String after) {
    var start = text.indexOf(before);
    assertThat(start).as("the sign-in form's CSRF token").isNotNegative();
    start += before.length();
    return text.substring(start, text.indexOf(after, start));
  }
}

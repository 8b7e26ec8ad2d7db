package no.forlop.access;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A browser's session without a browser: cookies kept, redirects not followed, the sign-in form
 * posted with its CSRF token.
 */
final class FormSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final int port;
  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  FormSession(int port) {
    this.port = port;
  }

  /** Posts the sign-in form; the answer is a redirect ({@code Location}). */
  HttpResponse<String> signIn(String username, String password) {
    var page = get("/login");
    var matcher = CSRF.matcher(page.body());
    if (!matcher.find()) {
      throw new IllegalStateException("the sign-in page has no CSRF token");
    }
    var form =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    return send(
        HttpRequest.newBuilder(uri("/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /**
   * Posts a form as a page of the session would, with the CSRF token of {@code page} (a page this
   * session was given); the answer is not followed.
   */
  HttpResponse<String> post(String path, String page, String form) {
    var matcher = CSRF.matcher(page);
    if (!matcher.find()) {
      throw new IllegalStateException("the page has no CSRF token");
    }
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    form
                        + "&_csrf="
                        + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8))));
  }

  HttpResponse<String> get(String path, String... headers) {
    var request = HttpRequest.newBuilder(uri(path)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    return send(request);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

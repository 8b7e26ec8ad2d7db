package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A request whose head (request line and headers) is too large (ADR 0047), over a plain socket so
 * that its size is exact: up to {@code forlop.http.max-request-head-size} (8 KB) it is answered as
 * usual; one byte more is a 414 (the address) or 431 (the headers) in the shape of the part of
 * Forløp it was sent to; beyond Tomcat's own limit (64 KB) Forløp's error report answers. Never
 * Tomcat's English page, never its version.
 */
class OversizedRequestsIT extends ApplicationTest {

  private static final int LIMIT = 8 * 1024;
  private static final int CONTAINER_LIMIT = 64 * 1024;

  @Test
  void a_fhir_search_whose_head_is_exactly_the_limit_is_answered() throws IOException {
    var answer = exactly(LIMIT, "/fhir/Task?based-on=", "gp", "");

    assertThat(answer.status).as(answer.raw).isEqualTo(200);
    assertThat(answer.json().path("resourceType").asString()).isEqualTo("Bundle");
  }

  @Test
  void one_byte_more_in_the_address_is_a_414_operation_outcome_naming_the_limit()
      throws IOException {
    var answer = exactly(LIMIT + 1, "/fhir/Task?based-on=", "gp", "");

    assertThat(answer.status).isEqualTo(414);
    assertThat(answer.header("Content-Type")).startsWith("application/fhir+json");
    var issue = answer.json().path("issue").get(0);
    assertThat(issue.path("code").asString()).isEqualTo("too-long");
    assertThat(issue.path("details").path("coding").get(0).path("code").asString())
        .isEqualTo("URI_TOO_LONG");
    assertThat(issue.path("details").path("text").asString())
        .startsWith("Adressen er for lang")
        .contains("8 KB");
    assertThat(issue.path("diagnostics").asString())
        .isEqualTo("forlop.http.max-request-head-size=8192");
    assertClean(answer);
  }

  @Test
  void the_headers_count_with_the_address_and_one_byte_over_is_a_431() throws IOException {
    var under = exactly(LIMIT, "/fhir/Task", "gp", "X-Padding");
    var over = exactly(LIMIT + 1, "/fhir/Task", "gp", "X-Padding");

    assertThat(under.status).as(under.raw).isEqualTo(200);
    assertThat(over.status).isEqualTo(431);
    assertThat(
            over.json()
                .path("issue")
                .get(0)
                .path("details")
                .path("coding")
                .get(0)
                .path("code")
                .asString())
        .isEqualTo("REQUEST_HEADER_TOO_LARGE");
    assertClean(over);
  }

  @Test
  void the_rest_api_answers_it_as_its_other_errors_in_the_callers_language() throws IOException {
    var answer = request("GET /api/v1/catalogue?x=" + "a".repeat(10_000), "admin", "en");

    assertThat(answer.status).isEqualTo(414);
    assertThat(answer.header("Content-Type")).startsWith("application/fhir+json");
    assertThat(answer.json().path("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(answer.json().path("issue").get(0).path("details").path("text").asString())
        .startsWith("The address is too long")
        .contains("8 KB");
    assertClean(answer);
  }

  @Test
  void a_page_answers_it_with_the_error_page_in_norwegian() throws IOException {
    var answer = request("GET /worklist?x=" + "a".repeat(10_000), null, null, "Accept: text/html");

    assertThat(answer.status).isEqualTo(414);
    assertThat(answer.header("Content-Type")).startsWith("text/html");
    assertThat(answer.body).contains("Adressen er for lang", "Feilkode 414");
    assertClean(answer);
  }

  @Test
  void a_page_under_the_limit_is_answered_as_usual() throws IOException {
    var answer = request("GET /login", null, null, "X-Padding: " + "a".repeat(7_000));

    assertThat(answer.status).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/fhir/Patient", "/worklist", "/api/v1/catalogue"})
  void an_address_beyond_tomcats_own_limit_is_a_short_norwegian_page(String path)
      throws IOException {
    var answer = request("GET " + path + "?x=" + "a".repeat(CONTAINER_LIMIT + 10), null, null);

    assertThat(answer.status).isEqualTo(414);
    assertThat(answer.header("Content-Type")).startsWith("text/html");
    assertThat(answer.body)
        .contains("<html lang=\"nb\"", "Adressen er for lang", "Forløp tar imot høyst 64 KB")
        .contains("Feilkode 414");
    assertClean(answer);
  }

  @Test
  void headers_beyond_tomcats_own_limit_on_fhir_are_an_operation_outcome() throws IOException {
    var answer =
        request("GET /fhir/Task", "gp", "en", "X-Padding: " + "b".repeat(CONTAINER_LIMIT + 10));

    assertThat(answer.status).isEqualTo(431);
    assertThat(answer.header("Content-Type")).startsWith("application/fhir+json");
    assertThat(answer.json().path("issue").get(0).path("details").path("text").asString())
        .startsWith("The HTTP headers are too large")
        .contains("64 KB");
    assertThat(answer.json().path("issue").get(0).path("diagnostics").asString())
        .isEqualTo("server.max-http-request-header-size=65536");
    assertClean(answer);
  }

  @Test
  void a_request_tomcat_cannot_read_is_a_short_page_without_tomcat() throws IOException {
    var answer = request("GET /fhir/Task?x=<a>", null, null);

    assertThat(answer.status).isEqualTo(400);
    assertClean(answer);
  }

  @Test
  void an_ordinary_http_client_gets_the_same_answer() throws IOException, InterruptedException {
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://localhost:" + port + "/fhir/Patient?x=" + "a".repeat(10_000)))
                    .header("Authorization", basic("ehr"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(414);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/fhir+json");
    assertThat(response.body()).contains("URI_TOO_LONG", "8 KB").doesNotContain("Tomcat");
  }

  /** No trace of Tomcat's own page: no English status report, no server name or version. */
  private static void assertClean(Answer answer) {
    assertThat(answer.raw)
        .doesNotContainIgnoringCase("tomcat")
        .doesNotContain("HTTP Status", "Bad Request", "Request header is too large")
        .doesNotContainIgnoringCase("Server:");
  }

  /**
   * A GET whose head is exactly {@code size} bytes: the address padded with {@code a}s, or (when
   * {@code padding} names a header) that header padded.
   */
  private Answer exactly(int size, String path, String user, String padding) throws IOException {
    var fixed =
        padding.isEmpty()
            ? head("GET " + path, user, null)
            : head("GET " + path, user, null, padding + ": ");
    var missing = size - fixed.length();
    assertThat(missing).isPositive();
    var head =
        padding.isEmpty()
            ? head("GET " + path + "a".repeat(missing), user, null)
            : head("GET " + path, user, null, padding + ": " + "a".repeat(missing));
    assertThat(head.length()).isEqualTo(size);
    return send(head);
  }

  private Answer request(String line, String user, String language, String... headers)
      throws IOException {
    return send(head(line, user, language, headers));
  }

  /** The request's head: its line (with the protocol), Host, Authorization, the given headers. */
  private static String head(String line, String user, String language, String... headers) {
    var head = new StringBuilder(line).append(" HTTP/1.1\r\nHost: localhost\r\n");
    head.append("Connection: close\r\n");
    if (user != null) {
      head.append("Authorization: ").append(basic(user)).append("\r\n");
    }
    if (language != null) {
      head.append("Accept-Language: ").append(language).append("\r\n");
    }
    for (var header : headers) {
      head.append(header).append("\r\n");
    }
    return head.append("\r\n").toString();
  }

  private Answer send(String head) throws IOException {
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      var out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new Answer(read(socket.getInputStream()));
    }
  }

  private static String read(InputStream in) throws IOException {
    var bytes = new ByteArrayOutputStream();
    var buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (java.net.SocketException reset) {
      // Tomcat may close the connection after answering a request it did not read to the end
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** An answer as it came: the status, the headers and the (possibly chunked) body. */
  private static final class Answer {
    final String raw;
    final int status;
    final String body;

    Answer(String raw) {
      this.raw = raw;
      assertThat(raw).as("an answer").startsWith("HTTP/1.1 ");
      this.status = Integer.parseInt(raw.substring(9, 12));
      var split = raw.indexOf("\r\n\r\n");
      var rest = split < 0 ? "" : raw.substring(split + 4);
      this.body = header("Transfer-Encoding").equalsIgnoreCase("chunked") ? unchunk(rest) : rest;
    }

    String header(String name) {
      for (var line : raw.substring(0, Math.max(0, raw.indexOf("\r\n\r\n"))).split("\r\n")) {
        var colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
          return line.substring(colon + 1).strip();
        }
      }
      return "";
    }

    JsonNode json() {
      return JSON.readTree(body);
    }

    private static String unchunk(String chunked) {
      var body = new StringBuilder();
      var at = 0;
      while (at < chunked.length()) {
        var end = chunked.indexOf("\r\n", at);
        if (end < 0) {
          break;
        }
        var size = Integer.parseInt(chunked.substring(at, end).strip(), 16);
        if (size == 0) {
          break;
        }
        // sizes count bytes; the bodies here are ASCII or short Norwegian text read as UTF-8
        var bytes = chunked.substring(end + 2).getBytes(StandardCharsets.UTF_8);
        var chunk = new String(bytes, 0, size, StandardCharsets.UTF_8);
        body.append(chunk);
        at = end + 2 + chunk.length() + 2;
      }
      return body.toString();
    }
  }
}

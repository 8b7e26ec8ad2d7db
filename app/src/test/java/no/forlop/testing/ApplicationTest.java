package no.forlop.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application on a random port, against a temporary embedded PostgreSQL, with the clock
 * fixed at 2024-12-31 10:00 UTC and bulk imports read in chunks of 100 lines (so a test file of a
 * few hundred lines has several). Subclasses share one application context: a subclass adds no
 * properties of its own, which would start another.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "forlop.database.embedded.temporary=true",
      "forlop.clock.fixed=2024-12-31T10:00:00Z",
      "forlop.bulk.chunk-lines=100"
    })
public abstract class ApplicationTest {

  protected static final JsonMapper JSON = JsonMapper.builder().build();
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort protected int port;

  /**
   * A response: status, content type, body (JSON parsed when it is JSON) and the Location header
   * (empty when there is none).
   */
  public record Response(int status, String contentType, String body, String location) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** The body as a FHIR OperationOutcome, parsed strictly by HAPI (so its shape is valid). */
    public OperationOutcome outcome() {
      var parser = FHIR.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
      return parser.parseResource(OperationOutcome.class, body);
    }

    public String reason() {
      return outcome().getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
    }

    public String text() {
      return outcome().getIssueFirstRep().getDetails().getText();
    }

    /** The technical detail for integrators (English), if any. */
    public String diagnostics() {
      return outcome().getIssueFirstRep().getDiagnostics();
    }
  }

  protected Response get(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  protected Response delete(String path, String... headers) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
  }

  /** The header that asks the API for English texts (Norwegian bokmål without it). */
  protected static final String[] ENGLISH = {"Accept-Language", "en"};

  protected Response post(String path, String json, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        headers);
  }

  protected Response post(String path, String contentType, byte[] body, String... headers) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        headers);
  }

  /**
   * The pathways of one patient, searched by POST with the fødselsnummer in the body (a {@code GET
   * ?patient=} is refused: no fødselsnummer in an address).
   */
  protected Response pathwaysOf(String patient, String... headers) {
    return post("/api/v1/pathways/search", JSON.writeValueAsString(search(patient)), headers);
  }

  /** As {@link #pathwaysOf(String, String...)}, as of a date ({@code yyyy-MM-dd}). */
  protected Response pathwaysAsOf(String patient, String asOf, String... headers) {
    var search = search(patient);
    search.put("asOf", asOf);
    return post("/api/v1/pathways/search", JSON.writeValueAsString(search), headers);
  }

  private static Map<String, String> search(String patient) {
    var search = new LinkedHashMap<String, String>();
    search.put("patient", patient);
    return search;
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /**
   * The pseudo-header naming the demo user a request is sent as (password "demo"); {@code "nobody"}
   * sends none. Without it a request is sent as {@link #DEFAULT_USER}.
   */
  protected static final String AS = "As";

  /** The demo user tests act as by default: administrator and coordinator of both units. */
  protected static final String DEFAULT_USER = "admin";

  /** The Authorization header value of a demo user. */
  protected static String basic(String user) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString((user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private Response send(HttpRequest.Builder request, String... headers) {
    var user = DEFAULT_USER;
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i].equals(AS)) {
        user = headers[i + 1];
      } else {
        request.header(headers[i], headers[i + 1]);
      }
    }
    if (!user.equals("nobody")) {
      request.header("Authorization", basic(user));
    }
    try {
      var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers().firstValue("Location").orElse(""));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import no.forlop.access.AuthorizationMatrix.Row;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import no.forlop.testing.TestUnits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The authorization matrix ({@code security/authorization-matrix.md}) against the running
 * application: every route the application has is in the table, every route in the table exists,
 * and every cell is the answer a real demo user of that role gets. Pages are called with a
 * signed-in session and its CSRF token (as a browser would), the APIs (and the metrics for
 * Prometheus) with HTTP Basic. Seeds one pathway at Fjordby (the unit of kari, ola, lise and admin)
 * and one at a unit of no demo user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT extends ApplicationTest {

  /** The demo user who plays each role of the table's columns. */
  static final Map<String, String> USERS =
      Map.of(
          "anonymous", "nobody",
          "COORDINATOR", "kari",
          "CLINICIAN", "ola",
          "LEADER", "lise",
          "ADMINISTRATOR", "admin",
          "INTEGRATION", "ehr",
          "GP", "gp");

  static final String OWN_UNIT = "910000012";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  @Autowired ApplicationContext context;
  @Autowired PathwayService pathways;
  @Autowired List<SecurityFilterChain> chains;
  @Autowired UserDetailsService userDetails;

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, Session> sessions = new HashMap<>();

  /** A browser's session: its cookies and the CSRF token its forms carry. */
  private record Session(HttpClient client, String csrf) {}

  @BeforeAll
  void seed() {
    var own = seed(OWN_UNIT);
    var otherUnit = TestUnits.next();
    var other = seed(otherUnit);
    values.put("own", own.id().toString());
    values.put("ownPatient", own.patient().value());
    values.put("ownUnit", OWN_UNIT);
    values.put("other", other.id().toString());
    values.put("otherPatient", other.patient().value());
    values.put("otherUnit", otherUnit);
    values.put("unknownPatient", TestPatients.next());
    values.put("random", UUID.randomUUID().toString());
    USERS.values().forEach(user -> sessions.put(user, signIn(user)));
  }

  /** A colorectal referral at the unit, through the FHIR endpoint as the EHR sends it. */
  private PathwayView seed(String unit) {
    var run = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    var patient = TestPatients.next();
    var bundle =
        resource("/security/matrix-pathway.json")
            .replace("{{run}}", run)
            .replace("{{fnr}}", patient)
            .replace("{{unit}}", unit);
    var answer = post("/fhir", "application/fhir+json", bytes(bundle), AS, "ehr");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    var found =
        pathways.byPatient(PatientIdentifier.parse(patient), null, Actor.system("matrix-test"));
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void every_route_of_the_application_has_a_row_and_every_row_names_a_route() {
    var routes = ApplicationRoutes.of(context);
    var table = AuthorizationMatrix.read().keys();
    var missing = new TreeSet<>(routes);
    missing.removeAll(table);
    var unknown = new TreeSet<>(table);
    unknown.removeAll(routes);
    assertThat(missing)
        .as(
            "routes without a row in %s; add these rows with the answers expected:%n%s%n",
            AuthorizationMatrix.RESOURCE, AuthorizationMatrix.missingRows(missing))
        .isEmpty();
    assertThat(unknown)
        .as("rows in %s for routes the application does not have", AuthorizationMatrix.RESOURCE)
        .isEmpty();
  }

  @Test
  void every_role_gets_the_answer_the_matrix_expects() throws Exception {
    var rows = AuthorizationMatrix.read().rows();
    // one thread per role: each role's calls in its own session, the roles side by side
    var pool = Executors.newFixedThreadPool(AuthorizationMatrix.ROLES.size());
    try {
      var perRole = new ArrayList<Future<List<String>>>();
      for (var role : AuthorizationMatrix.ROLES) {
        perRole.add(pool.submit(() -> wrongAnswers(rows, role)));
      }
      var wrong = new ArrayList<String>();
      for (var answers : perRole) {
        wrong.addAll(answers.get());
      }
      assertThat(rows.size() * AuthorizationMatrix.ROLES.size()).isGreaterThan(500);
      assertThat(wrong)
          .as("cells of %s not answered as expected", AuthorizationMatrix.RESOURCE)
          .isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }

  /** The cells of a role's column that the application does not answer as the table says. */
  private List<String> wrongAnswers(List<Row> rows, String role) {
    var wrong = new ArrayList<String>();
    for (var row : rows) {
      var expected = row.expected().get(role);
      if (expected.equals("-")) {
        continue;
      }
      var actual =
          expected.equals("allowed")
              ? (authorized(row, USERS.get(role)) ? "allowed" : "refused by authorization")
              : call(row, USERS.get(role));
      if (!actual.equals(expected)) {
        wrong.add(
            "line %d: %s as %s (%s): expected %s, got %s"
                .formatted(row.line(), row.key(), role, row.scope(), expected, actual));
      }
    }
    return wrong;
  }

  /** The answer to a row's call as a user, in the table's form: {@code 200}, {@code 302 login}. */
  private String call(Row row, String user) {
    var path = fill(row.call());
    // the metrics are read as the APIs are, with HTTP Basic (ADR 0045)
    var api =
        path.startsWith("/api/") || path.startsWith("/fhir") || path.equals("/actuator/prometheus");
    var method = row.method().equals("*") ? "GET" : row.method();
    var body = row.body().equals("-") ? null : fill(row.body());
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    request.timeout(Duration.ofSeconds(30));
    HttpClient client;
    if (api) {
      client = PLAIN;
      if (!user.equals("nobody")) {
        request.header("Authorization", basic(user));
      }
      if (body != null) {
        request.header(
            "Content-Type",
            path.startsWith("/fhir") ? "application/fhir+json" : "application/json");
      }
    } else {
      // signing out ends the session: a session of its own
      var session = row.key().equals("POST /logout") ? signIn(user) : sessions.get(user);
      client = session.client();
      if (!method.equals("GET")) {
        body = (body == null ? "" : body + "&") + "_csrf=" + session.csrf();
        request.header("Content-Type", "application/x-www-form-urlencoded");
      }
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    var response = send(client, request.build());
    var status = String.valueOf(response.statusCode());
    var location = response.headers().firstValue("Location").orElse("");
    if (response.statusCode() / 100 == 3 && location.endsWith("/login")) {
      return status + " login";
    }
    return status;
  }

  /**
   * Whether the security filter chain that takes the row's call grants it to the user, asked
   * without making the call (for calls that would do real work).
   */
  private boolean authorized(Row row, String user) {
    var request = new MockHttpServletRequest(row.method(), fill(row.call()));
    var chain = chains.stream().filter(c -> c.matches(request)).findFirst().orElseThrow();
    var filter =
        chain.getFilters().stream()
            .filter(AuthorizationFilter.class::isInstance)
            .map(AuthorizationFilter.class::cast)
            .findFirst()
            .orElseThrow();
    var details = userDetails.loadUserByUsername(user);
    var authentication =
        UsernamePasswordAuthenticationToken.authenticated(user, null, details.getAuthorities());
    return filter.getAuthorizationManager().authorize(() -> authentication, request).isGranted();
  }

  private String fill(String template) {
    var matcher = PLACEHOLDER.matcher(template);
    var out = new StringBuilder();
    while (matcher.find()) {
      var value = values.get(matcher.group(1));
      matcher.appendReplacement(
          out, java.util.regex.Matcher.quoteReplacement(value == null ? matcher.group() : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private static final HttpClient PLAIN = HttpClient.newHttpClient();

  /** A browser session signed in through the sign-in form (not signed in for "nobody"). */
  private Session signIn(String user) {
    var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    var csrf = csrf(client);
    if (!user.equals("nobody")) {
      var form = "username=" + user + "&password=demo&_csrf=" + csrf;
      var response =
          send(
              client,
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build());
      assertThat(response.headers().firstValue("Location").orElse(""))
          .as("%s signs in", user)
          .doesNotContain("error");
      csrf = csrf(client);
    }
    return new Session(client, csrf);
  }

  private String csrf(HttpClient client) {
    var page =
        send(
            client,
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build());
    var matcher = CSRF.matcher(page.body());
    assertThat(matcher.find()).as("the sign-in page has a CSRF token").isTrue();
    return matcher.group(1);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String resource(String name) {
    try (var in = AuthorizationMatrixIT.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

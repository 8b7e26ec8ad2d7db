package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Password guessing is stopped: 10 failed sign-ins in a row lock the username for 5 minutes, on the
 * APIs (HTTP Basic, 429) and on the sign-in form, the same for a username nobody has; failures and
 * locks are in the audit log. Every lock made here is lifted again after each test (the shared
 * context's clock stands still, so no lock would ever lift by itself).
 */
class SignInLockoutIT extends ApplicationTest {

  private static final String PATHWAYS = "/api/v1/pathways?organisation=910000012";
  private static final String NOBODY = "lockout-it-nobody";

  @Autowired SignInGuard guard;
  @Autowired JdbcClient jdbc;
  @Autowired LockoutSettings settings;

  @AfterEach
  void liftTheLocks() {
    guard.release("ola");
    guard.release(NOBODY);
    guard.releaseAddress("127.0.0.1");
    guard.releaseAddress("0:0:0:0:0:0:0:1");
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private Response as(String user, String password, String... headers) {
    var all = new String[headers.length + 4];
    all[0] = AS;
    all[1] = "nobody";
    all[2] = "Authorization";
    all[3] = basic(user, password);
    System.arraycopy(headers, 0, all, 4, headers.length);
    return get(PATHWAYS, all);
  }

  private long lastAuditId() {
    return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
  }

  @Test
  void ten_wrong_passwords_lock_the_user_even_against_the_right_one() {
    assertThat(as("ola", "demo").status()).isEqualTo(200);
    var before = lastAuditId();
    for (int i = 0; i < 9; i++) {
      assertThat(as("ola", "wrong-" + i).status()).isEqualTo(401);
    }
    assertThat(as("ola", "wrong-9").status()).as("the 10th failure is still a 401").isEqualTo(401);

    var refused = as("ola", "demo");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/fhir+json");
    assertThat(refused.reason()).isEqualTo("SIGN_IN_LOCKED");
    assertThat(refused.text())
        .isEqualTo("For mange mislykkede innlogginger. Prøv igjen om 300 sekunder.");
    var english = as("ola", "demo", ENGLISH);
    assertThat(english.text()).isEqualTo("Too many failed sign-ins. Try again in 300 seconds.");

    var audit =
        jdbc.sql(
                "select actor, purpose, action, patient, resource, details from audit_event"
                    + " where id > :before and action like 'SIGN_IN%' order by id")
            .param("before", before)
            .query(
                (rs, n) ->
                    String.join(
                        "|",
                        rs.getString("actor"),
                        rs.getString("purpose"),
                        rs.getString("action"),
                        String.valueOf(rs.getString("patient")),
                        rs.getString("resource"),
                        rs.getString("details")))
            .list();
    assertThat(audit).hasSize(11);
    assertThat(audit.get(0)).startsWith("ola|ADMINISTRATION|SIGN_IN_FAILED|null|sign-in|address ");
    assertThat(audit.get(9)).endsWith("failure 10 in a row");
    assertThat(audit.get(10))
        .startsWith("ola|ADMINISTRATION|SIGN_IN_LOCKED|null|sign-in:username|")
        .endsWith("until 2024-12-31T10:05:00Z");
    assertThat(String.join("\n", audit)).doesNotContain("wrong-");
  }

  @Test
  void a_locked_answer_has_a_retry_after_header() throws Exception {
    for (int i = 0; i < 10; i++) {
      as("ola", "wrong");
    }
    var client = java.net.http.HttpClient.newHttpClient();
    var response =
        client.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + PATHWAYS))
                .header("Authorization", basic("ola", "demo"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).contains("300");
  }

  @Test
  void a_username_nobody_has_is_answered_exactly_like_a_real_one() {
    for (int i = 0; i < 10; i++) {
      as("ola", "wrong");
      as(NOBODY, "wrong");
    }
    var real = as("ola", "demo");
    var unknown = as(NOBODY, "demo");
    assertThat(unknown.status()).isEqualTo(real.status()).isEqualTo(429);
    assertThat(unknown.body()).isEqualTo(real.body());
    // other tests in the shared context fail sign-ins of real users too: what matters here is that
    // the name nobody has is recorded as "unknown", never as typed
    var actors =
        jdbc.sql(
                "select distinct actor from audit_event where action like 'SIGN_IN%'"
                    + " and details like '%in a row'")
            .query(String.class)
            .list();
    assertThat(actors).contains("unknown", "ola").doesNotContain(NOBODY);
    assertThat(
            jdbc.sql("select count(*) from audit_event where lower(actor) = lower(:name)")
                .param("name", NOBODY)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void a_successful_sign_in_resets_the_count() {
    for (int i = 0; i < 9; i++) {
      as("ola", "wrong");
    }
    assertThat(as("ola", "demo").status()).isEqualTo(200);
    for (int i = 0; i < 9; i++) {
      as("ola", "wrong");
    }
    assertThat(as("ola", "demo").status()).isEqualTo(200);
  }

  @Test
  void the_sign_in_form_shows_the_lockout_after_ten_wrong_passwords() {
    var session = new FormSession(port);
    for (int i = 0; i < 10; i++) {
      var wrong = session.signIn("ola", "wrong");
      assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
    }
    var locked = session.signIn("ola", "demo");
    assertThat(locked.statusCode()).isEqualTo(302);
    assertThat(locked.headers().firstValue("Location").orElseThrow()).endsWith("/login?locked");
    var page = session.get("/login?locked");
    assertThat(page.body())
        .contains("For mange mislykkede innlogginger. Vent noen minutter og prøv igjen.");
    assertThat(session.get("/worklist").statusCode()).as("not signed in").isEqualTo(302);

    guard.release("ola");
    var signedIn = session.signIn("ola", "demo");
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
  }

  @Test
  void the_form_refuses_a_name_nobody_has_the_same_way() {
    var session = new FormSession(port);
    for (int i = 0; i < 10; i++) {
      session.signIn(NOBODY, "wrong");
    }
    assertThat(session.signIn(NOBODY, "demo").headers().firstValue("Location").orElseThrow())
        .endsWith("/login?locked");
  }

  @Test
  void an_address_with_too_many_failures_is_throttled_whoever_signs_in() {
    // other test classes' failed sign-ins from this address stay counted (the clock stands still)
    guard.releaseAddress("127.0.0.1");
    guard.releaseAddress("0:0:0:0:0:0:0:1");
    var before = lastAuditId();
    as(NOBODY, "wrong");
    var address =
        jdbc.sql(
                "select details from audit_event where id > :before"
                    + " and action = 'SIGN_IN_FAILED' order by id limit 1")
            .param("before", before)
            .query(String.class)
            .single()
            .replaceFirst("^address (\\S+);.*$", "$1");
    for (int i = 1; i < settings.addressAttempts() - 1; i++) {
      guard.failed("spray-" + i, address);
    }
    assertThat(as("kari", "demo").status()).as("one short of the limit").isEqualTo(200);
    guard.failed("spray-last", address);

    var throttled = as("kari", "demo");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.reason()).isEqualTo("SIGN_IN_LOCKED");
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_event where id > :before"
                        + " and action = 'SIGN_IN_LOCKED' and resource = 'sign-in:address'")
                .param("before", before)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    guard.releaseAddress(address);
    assertThat(as("kari", "demo").status()).isEqualTo(200);
  }
}

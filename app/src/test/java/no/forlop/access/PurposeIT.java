package no.forlop.access;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The purpose of use comes from a closed list: an unknown or over-long one is a 400 (API, FHIR
 * endpoint and pages alike, never a 500, never the value repeated back), and a request without one
 * is logged with its route's default.
 */
class PurposeIT extends ApplicationTest {

  private static final String PATHWAYS = "/api/v1/pathways?organisation=910000012";
  private static final String SCRIPT = "<script>alert(1)</script>";

  @Autowired JdbcClient jdbc;

  @Test
  void a_5000_character_purpose_is_a_400_naming_the_reason() {
    var response = get(PATHWAYS, AS, "kari", "X-Forlop-Purpose", "A".repeat(5000));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("INVALID_PURPOSE");
    assertThat(response.text()).startsWith("HTTP-headeren «X-Forlop-Purpose» oppgir et formål");
    assertThat(response.body()).doesNotContain("AAAAAAAAAA");
  }

  @Test
  void an_unknown_purpose_is_a_400_that_does_not_echo_it() {
    var response = get(PATHWAYS, AS, "kari", "X-Forlop-Purpose", SCRIPT, ENGLISH[0], ENGLISH[1]);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("INVALID_PURPOSE");
    assertThat(response.text()).contains("Valid purposes: PATIENT_CARE (TREAT)");
    assertThat(response.body()).doesNotContain("script");
  }

  @Test
  void a_known_purpose_by_our_code_or_hl7s_is_accepted() {
    assertThat(get(PATHWAYS, AS, "kari", "X-Forlop-Purpose", "COORDINATION").status())
        .isEqualTo(200);
    assertThat(get(PATHWAYS, AS, "kari", "X-Forlop-Purpose", "TREAT").status()).isEqualTo(200);
  }

  @Test
  void the_fhir_endpoint_refuses_an_unknown_purpose_too() {
    var response =
        post(
            "/fhir",
            "application/fhir+json",
            "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[]}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            AS,
            "ehr",
            "X-Forlop-Purpose",
            SCRIPT);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).contains("INVALID_PURPOSE").doesNotContain("script");
  }

  @Test
  void a_page_with_an_unknown_purpose_is_a_400_page_in_norwegian() {
    var session = new FormSession(port);
    session.signIn("kari", "demo");
    var page = session.get("/worklist", "X-Forlop-Purpose", SCRIPT);
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("Ukjent formål").doesNotContain("<script>alert");
    assertThat(session.get("/worklist").statusCode()).isEqualTo(200);
  }

  private String purposeOf(String actor, String resource, long after) {
    return jdbc.sql(
            "select string_agg(distinct purpose, ',') from audit_event"
                + " where id > :after and actor = :actor and resource = :resource")
        .param("after", after)
        .param("actor", actor)
        .param("resource", resource)
        .query(String.class)
        .single();
  }

  @Test
  void without_a_header_each_route_logs_its_own_default_purpose() {
    var patient = TestPatients.next();
    var id =
        post(
                "/api/v1/pathways",
                "{\"patient\": \"%s\", \"pathway\": \"A12\", \"organisation\": \"910000012\"}"
                    .formatted(patient),
                AS,
                "kari")
            .json()
            .get("id")
            .asString();
    post(
        "/api/v1/pathways/" + id + "/codes",
        "{\"code\": \"A12A\", \"date\": \"2024-03-04\"}",
        AS,
        "kari");
    var after = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();

    get("/api/v1/pathways/" + id, AS, "kari");
    // before the plan page, which reads the pathway too (for coordination)
    assertThat(purposeOf("kari", "pathway/" + id, after)).isEqualTo("PATIENT_CARE");
    var bulk =
        post(
            "/api/v1/ingest/bulk?name=purpose.ndjson",
            "application/fhir+ndjson",
            ("{\"resourceType\":\"Patient\",\"identifier\":[{\"system\":"
                    + "\"urn:oid:2.16.578.1.12.4.1.4.1\",\"value\":\""
                    + TestPatients.next()
                    + "\"}]}\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            AS,
            "ehr");
    assertThat(bulk.status()).as(bulk.body()).isEqualTo(202);
    var kari = new FormSession(port);
    kari.signIn("kari", "demo");
    assertThat(kari.get("/pathways/" + id + "/plan").statusCode()).isEqualTo(200);
    var lise = new FormSession(port);
    lise.signIn("lise", "demo");
    assertThat(
            lise.get(
                    "/dashboard/pathways?from=2024-01-01&to=2024-12-31&unit=910000012&figure=STARTED")
                .statusCode())
        .isEqualTo(200);

    assertThat(
            jdbc.sql("select purpose from bulk_job where id = cast(:id as uuid)")
                .param("id", bulk.json().get("id").asString())
                .query(String.class)
                .single())
        .isEqualTo("ADMINISTRATION");
    assertThat(purposeOf("kari", "pathway/" + id + "/plan", after)).isEqualTo("COORDINATION");
    assertThat(purposeOf("lise", "statistics drill-down", after)).isEqualTo("STATISTICS");
  }

  @Test
  void a_header_overrides_the_default_in_the_audit_log() {
    var patient = TestPatients.next();
    var id =
        post(
                "/api/v1/pathways",
                "{\"patient\": \"%s\", \"pathway\": \"A12\", \"organisation\": \"910000012\"}"
                    .formatted(patient),
                AS,
                "kari")
            .json()
            .get("id")
            .asString();
    var after = jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
    get("/api/v1/pathways/" + id, AS, "kari", "X-Forlop-Purpose", "HQUALIMP");
    assertThat(purposeOf("kari", "pathway/" + id, after)).isEqualTo("QUALITY_ASSURANCE");
  }
}

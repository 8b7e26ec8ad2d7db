package no.forlop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;

/**
 * The audit trail through the API (ADR 0024): a leader or administrator of the patient's unit reads
 * it by POST; a user of another unit, and anyone asking for a patient Forløp does not know, gets
 * the same 403; a coordinator gets 403 for the role; the number never goes in the URL.
 */
class AuditTrailIT extends ApplicationTest {

  static final String FJORDBY = "910000012";
  static final String NORDVIK = "910000020";

  /** A patient with a colorectal pathway opened by a coordinator of the unit. */
  private String patientAt(String unit, String coordinator) {
    var patient = TestPatients.next();
    var opened =
        post(
            "/api/v1/pathways",
            "{\"patient\": \"%s\", \"pathway\": \"A12\", \"organisation\": \"%s\"}"
                .formatted(patient, unit),
            AS,
            coordinator);
    assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    return patient;
  }

  private Response search(String patient, String user) {
    return post("/api/v1/audit/search", "{\"patient\": \"%s\"}".formatted(patient), AS, user);
  }

  private static ArrayList<String> actors(Response trail) {
    var actors = new ArrayList<String>();
    trail.json().forEach(e -> actors.add(e.get("actor").asString()));
    return actors;
  }

  @Test
  void a_leader_and_an_administrator_of_the_patients_unit_read_the_trail_and_are_recorded() {
    var patient = patientAt(FJORDBY, "kari");

    var lise = search(patient, "lise");
    assertThat(lise.status()).as(lise.body()).isEqualTo(200);
    assertThat(actors(lise)).containsExactly("kari");
    assertThat(lise.json().get(0).get("action").asString()).isEqualTo("CREATE");

    var admin = search(patient, "admin");
    assertThat(admin.status()).isEqualTo(200);
    // lise's reading is in the trail now, as a read of the audit log
    assertThat(actors(admin)).containsExactly("kari", "lise");
    assertThat(admin.json().get(1).get("resource").asString()).isEqualTo("audit-log");
  }

  @Test
  void a_leader_of_the_other_unit_reads_a_nordvik_patients_trail() {
    var patient = patientAt(NORDVIK, "nina");
    var lise = search(patient, "lise");
    assertThat(lise.status()).isEqualTo(200);
    assertThat(actors(lise)).containsExactly("nina");
  }

  @Test
  void another_units_patient_and_an_unknown_patient_get_the_same_refusal() {
    var fjordby = patientAt(FJORDBY, "kari");
    var unknown = TestPatients.next();

    // nina is a coordinator at Nordvik: refused for her role before any patient is looked up
    var nina = search(fjordby, "nina");
    assertThat(nina.status()).isEqualTo(403);
    assertThat(nina.reason()).isEqualTo("NOT_ALLOWED");
    assertThat(search(unknown, "nina").body()).isEqualTo(nina.body());

    // ...and so is kari, a coordinator of the patient's own unit (ADR 0024)
    var kari = search(fjordby, "kari");
    assertThat(kari.status()).isEqualTo(403);
    assertThat(kari.reason()).isEqualTo("NOT_ALLOWED");
  }

  @Test
  void a_patient_outside_the_readers_units_gets_the_same_answer_as_an_unknown_one() {
    // a pathway at an organisation of no demo user, sent by the EHR as it would
    var outside = patientAtUnitOfNobody();
    for (var reader : java.util.List.of("lise", "admin")) {
      var other = search(outside, reader);
      var unknown = search(TestPatients.next(), reader);
      assertThat(other.status()).as(reader).isEqualTo(403);
      assertThat(other.reason()).isEqualTo("OUTSIDE_UNITS");
      assertThat(unknown.status()).isEqualTo(403);
      assertThat(unknown.body()).as(reader).isEqualTo(other.body());
    }
  }

  private String patientAtUnitOfNobody() {
    var patient = TestPatients.next();
    var run = "audit-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String bundle;
    try (var in = getClass().getResourceAsStream("/security/matrix-pathway.json")) {
      bundle = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    var answer =
        post(
            "/fhir",
            "application/fhir+json",
            bundle
                .replace("{{run}}", run)
                .replace("{{fnr}}", patient)
                .replace("{{unit}}", no.forlop.testing.TestUnits.next())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            AS,
            "ehr");
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return patient;
  }

  @Test
  void the_number_is_not_taken_in_the_url_and_not_echoed() {
    var patient = patientAt(FJORDBY, "kari");
    var byUrl = get("/api/v1/audit?patient=" + patient, AS, "lise");
    assertThat(byUrl.status()).isEqualTo(400);
    assertThat(byUrl.reason()).isEqualTo("AUDIT_SEARCH_BY_POST");
    assertThat(byUrl.body()).doesNotContain(patient);
    assertThat(get("/api/v1/audit?patient=" + patient, ENGLISH[0], ENGLISH[1], AS, "lise").text())
        .contains("POST /api/v1/audit/search");
  }

  @Test
  void an_invalid_number_is_a_400_that_does_not_echo_it() {
    var response = search("12345678901", "lise");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.body()).doesNotContain("12345678901");
  }

  @Test
  void anonymous_callers_and_the_ehr_are_refused() {
    var patient = patientAt(FJORDBY, "kari");
    assertThat(search(patient, "nobody").status()).isEqualTo(401);
    assertThat(search(patient, "ehr").status()).isEqualTo(403);
  }
}

package no.forlop.pathway.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;

/**
 * The pathway search with the fødselsnummer in the body, not the address (issue 14, part D): the
 * same answer as {@code GET ?patient=}, for any staff role, scoped to the user's units.
 */
class PathwaySearchApiIT extends ApplicationTest {

  @Test
  void a_patients_pathways_are_found_by_a_search_in_the_body() {
    var patient = TestPatients.next();
    var created =
        post(
            "/api/v1/pathways",
            "{\"patient\":\""
                + patient
                + "\",\"pathway\":\"colorectal\",\"organisation\":\"910000012\"}");
    assertThat(created.status()).isEqualTo(201);

    var found = post("/api/v1/pathways/search", "{\"patient\":\"" + patient + "\"}");
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().get(0).get("patient").asString()).isEqualTo(patient);
    assertThat(found.body()).isEqualTo(get("/api/v1/pathways?patient=" + patient).body());

    // a leader reads (a POST that changes nothing); another unit's coordinator sees none
    assertThat(
            post("/api/v1/pathways/search", "{\"patient\":\"" + patient + "\"}", AS, "lise").json())
        .hasSize(1);
    assertThat(
            post("/api/v1/pathways/search", "{\"patient\":\"" + patient + "\"}", AS, "nina").json())
        .isEmpty();
    assertThat(
            post("/api/v1/pathways/search", "{\"patient\":\"" + patient + "\"}", AS, "ehr")
                .status())
        .isEqualTo(403);
    assertThat(
            post("/api/v1/pathways/search", "{\"patient\":\"" + patient + "\"}", AS, "nobody")
                .status())
        .isEqualTo(401);
  }

  @Test
  void a_search_needs_a_patient_or_an_organisation_and_a_short_one() {
    assertThat(post("/api/v1/pathways/search", "{}").reason()).isEqualTo("PATIENT_OR_ORGANISATION");
    var tooLong = post("/api/v1/pathways/search", "{\"patient\":\"" + "1".repeat(201) + "\"}");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.reason()).isEqualTo("TEXT_TOO_LONG");
    assertThat(
            post("/api/v1/pathways/search", "{\"patient\":\"" + "1".repeat(200) + "\"}").reason())
        .isEqualTo("INVALID_PATIENT_IDENTIFIER");
  }
}

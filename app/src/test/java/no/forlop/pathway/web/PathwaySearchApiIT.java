package no.forlop.pathway.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;

/**
 * The pathway search with the fødselsnummer in the body, not the address (issue 14, part D): for
 * any staff role, scoped to the user's units. {@code GET ?patient=} is refused (task G): the number
 * would end up in proxy and server logs.
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
    var id = created.json().get("id").asString();
    assertThat(found.json().get(0)).isEqualTo(get("/api/v1/pathways/" + id).json());

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

  @Test
  void a_patient_in_the_address_is_refused_without_echoing_the_number() {
    var patient = TestPatients.next();
    assertThat(
            post(
                    "/api/v1/pathways",
                    "{\"patient\":\""
                        + patient
                        + "\",\"pathway\":\"colorectal\",\"organisation\":\"910000012\"}")
                .status())
        .isEqualTo(201);

    for (var user : new String[] {"kari", "ola", "lise", "admin"}) {
      var byUrl = get("/api/v1/pathways?patient=" + patient, AS, user);
      assertThat(byUrl.status()).as(user).isEqualTo(400);
      assertThat(byUrl.reason()).as(user).isEqualTo("PATIENT_SEARCH_BY_POST");
      assertThat(byUrl.body()).as(user).doesNotContain(patient);
    }
    var norwegian = get("/api/v1/pathways?patient=" + patient);
    assertThat(norwegian.text())
        .isEqualTo(
            "Fødselsnummeret skal ikke stå i adressen. Søk etter pasientens forløp med POST"
                + " /api/v1/pathways/search med fødselsnummeret i feltet «patient» i innholdet"
                + " (JSON).");
    var english = get("/api/v1/pathways?patient=" + patient, ENGLISH);
    assertThat(english.text())
        .isEqualTo(
            "The national identity number must not be in the address. Search for the pathways of"
                + " the patient with POST /api/v1/pathways/search with the number in the field"
                + " \"patient\" of the body (JSON).");
    assertThat(english.body()).doesNotContain(patient);
    // with an organisation as well, with an invalid number, or an empty one: refused the same way
    assertThat(get("/api/v1/pathways?organisation=910000012&patient=" + patient).reason())
        .isEqualTo("PATIENT_SEARCH_BY_POST");
    var invalid = get("/api/v1/pathways?patient=12345678901");
    assertThat(invalid.reason()).isEqualTo("PATIENT_SEARCH_BY_POST");
    assertThat(invalid.body()).doesNotContain("12345678901");
    assertThat(get("/api/v1/pathways?patient=").reason()).isEqualTo("PATIENT_SEARCH_BY_POST");
    // who may not read pathways at all is refused before that
    assertThat(get("/api/v1/pathways?patient=" + patient, AS, "ehr").status()).isEqualTo(403);
    assertThat(get("/api/v1/pathways?patient=" + patient, AS, "nobody").status()).isEqualTo(401);

    // the other side: an organisation in the address is no personal data and still answers
    var byUnit = get("/api/v1/pathways?organisation=910000012", AS, "kari");
    assertThat(byUnit.status()).isEqualTo(200);
    assertThat(byUnit.body()).contains(patient);
  }
}

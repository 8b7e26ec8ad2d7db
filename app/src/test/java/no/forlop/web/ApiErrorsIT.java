package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;

/**
 * The API's own errors (body, parameters, method, media type, path, sign-in, role) in Norwegian
 * bokmål by default and in English with {@code Accept-Language: en}; the reason codes stay the same
 * in both.
 */
class ApiErrorsIT extends ApplicationTest {

  @Test
  void a_missing_field_of_the_body_is_named() {
    var body =
        "{\"patient\": \"%s\", \"organisation\": \"910000012\"}".formatted(TestPatients.next());
    var response = post("/api/v1/pathways", body);
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("INVALID_FIELD");
    assertThat(response.text())
        .isEqualTo("Feltet «pathway» mangler. Fyll det ut og send forespørselen på nytt.");
    assertThat(response.outcome().getIssueFirstRep().getExpression().get(0).getValue())
        .isEqualTo("pathway");
    var english = post("/api/v1/pathways", body, ENGLISH);
    assertThat(english.reason()).isEqualTo("INVALID_FIELD");
    assertThat(english.text())
        .isEqualTo("The field \"pathway\" is missing. Fill it in and send the request again.");
  }

  @Test
  void a_parameter_of_the_wrong_type_says_what_it_should_be() {
    var id = get("/api/v1/pathways/not-an-id");
    assertThat(id.status()).isEqualTo(400);
    assertThat(id.reason()).isEqualTo("INVALID_PARAMETER");
    assertThat(id.text()).isEqualTo("Parameteren «id» har en ugyldig verdi. Oppgi en ID (UUID).");
    assertThat(id.diagnostics()).contains("UUID");
    var english = get("/api/v1/pathways/not-an-id", ENGLISH);
    assertThat(english.reason()).isEqualTo("INVALID_PARAMETER");
    assertThat(english.text())
        .isEqualTo("The parameter \"id\" has an invalid value. Give an id (UUID).");

    var date = get("/api/v1/pathways?organisation=910000012&asOf=2024-13-01");
    assertThat(date.reason()).isEqualTo("INVALID_PARAMETER");
    assertThat(date.text())
        .isEqualTo("Parameteren «asOf» har en ugyldig verdi. Oppgi en dato (ÅÅÅÅ-MM-DD).");
    assertThat(get("/api/v1/pathways?organisation=910000012&asOf=2024-13-01", ENGLISH).text())
        .isEqualTo("The parameter \"asOf\" has an invalid value. Give a date (YYYY-MM-DD).");
  }

  @Test
  void a_missing_parameter_is_named() {
    var response = get("/api/v1/indicators?to=2024-12-31", AS, "lise");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("INVALID_PARAMETER");
    assertThat(response.text())
        .isEqualTo("Parameteren «from» mangler. Legg den til i forespørselen.");
    var english = get("/api/v1/indicators?to=2024-12-31", AS, "lise", ENGLISH[0], ENGLISH[1]);
    assertThat(english.reason()).isEqualTo("INVALID_PARAMETER");
    assertThat(english.text())
        .isEqualTo("The parameter \"from\" is missing. Add it to the request.");
  }

  @Test
  void a_method_the_path_does_not_take_names_those_it_does() {
    var response = delete("/api/v1/pathways");
    assertThat(response.status()).isEqualTo(405);
    assertThat(response.reason()).isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(response.text())
        .startsWith("Metoden DELETE kan ikke brukes her. Bruk ")
        .contains("GET")
        .contains("POST");
    var english = delete("/api/v1/pathways", ENGLISH);
    assertThat(english.reason()).isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(english.text()).startsWith("The method DELETE cannot be used here. Use ");
  }

  @Test
  void a_body_of_the_wrong_media_type_names_the_right_ones() {
    var response = post("/api/v1/pathways", "text/csv", "patient,pathway".getBytes());
    assertThat(response.status()).isEqualTo(415);
    assertThat(response.reason()).isEqualTo("MEDIA_TYPE_NOT_SUPPORTED");
    assertThat(response.text())
        .startsWith("Innholdet må ha en av typene ")
        .contains("application/json")
        .contains(", ikke text/csv")
        .endsWith(". Angi riktig Content-Type.");
    var english = post("/api/v1/pathways", "text/csv", "patient,pathway".getBytes(), ENGLISH);
    assertThat(english.reason()).isEqualTo("MEDIA_TYPE_NOT_SUPPORTED");
    assertThat(english.text())
        .startsWith("The body must be one of ")
        .contains(", not text/csv")
        .endsWith(". Set the right Content-Type.");
  }

  @Test
  void a_path_that_does_not_exist_is_not_found() {
    var response = get("/api/v1/nothing-here");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.reason()).isEqualTo("NOT_FOUND");
    assertThat(response.text())
        .isEqualTo(
            "Finnes ikke: /api/v1/nothing-here. Se API-dokumentasjonen (/swagger-ui.html) for"
                + " gyldige adresser.");
    var english = get("/api/v1/nothing-here", ENGLISH);
    assertThat(english.reason()).isEqualTo("NOT_FOUND");
    assertThat(english.text())
        .isEqualTo(
            "No such resource: /api/v1/nothing-here. See the API documentation (/swagger-ui.html)"
                + " for valid paths.");
  }

  @Test
  void a_poll_without_a_fhir_server_says_what_to_set() {
    // the shared test application has no forlop.pull.base-url
    var response = post("/api/v1/ingest/pull", "{}");
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.reason()).isEqualTo("PULL_NOT_CONFIGURED");
    assertThat(response.text())
        .isEqualTo("Innhentingen har ingen FHIR-server. Sett forlop.pull.base-url.");
    var english = post("/api/v1/ingest/pull", "{}", ENGLISH);
    assertThat(english.reason()).isEqualTo("PULL_NOT_CONFIGURED");
    assertThat(english.text())
        .isEqualTo("The pull connector has no FHIR server. Set forlop.pull.base-url.");
  }

  @Test
  void signing_in_and_roles_are_explained_in_the_clients_language() {
    var anonymous = get("/api/v1/pathways?organisation=910000012", AS, "nobody");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.reason()).isEqualTo("NOT_SIGNED_IN");
    assertThat(anonymous.text())
        .isEqualTo(
            "Du er ikke logget inn. API-et krever brukernavn og passord (HTTP Basic) eller, der HelseID er satt opp, et tilgangstoken (Bearer).");
    var anonymousEnglish =
        get("/api/v1/pathways?organisation=910000012", AS, "nobody", ENGLISH[0], ENGLISH[1]);
    assertThat(anonymousEnglish.reason()).isEqualTo("NOT_SIGNED_IN");
    assertThat(anonymousEnglish.text())
        .isEqualTo(
            "You are not signed in. This API needs a user name and password (HTTP Basic) or, where HelseID is set up, an access token (Bearer).");

    var integration = get("/api/v1/pathways?organisation=910000012", AS, "ehr");
    assertThat(integration.status()).isEqualTo(403);
    assertThat(integration.reason()).isEqualTo("NOT_ALLOWED");
    assertThat(integration.text()).isEqualTo("Rollen din gir ikke tilgang til dette.");
    var integrationEnglish =
        get("/api/v1/pathways?organisation=910000012", AS, "ehr", ENGLISH[0], ENGLISH[1]);
    assertThat(integrationEnglish.reason()).isEqualTo("NOT_ALLOWED");
    assertThat(integrationEnglish.text()).isEqualTo("Your role does not allow this.");
  }
}

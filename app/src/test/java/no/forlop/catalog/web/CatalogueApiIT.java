package no.forlop.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.Test;

/** The catalogue over REST and as a page: read, load a new version at run time, roll back. */
class CatalogueApiIT extends ApplicationTest {

  private static String bundled() throws IOException {
    try (var in = CatalogueApiIT.class.getResourceAsStream("/catalog/catalogue.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void the_catalogue_in_force_is_served_as_json() {
    var response = get("/api/v1/catalogue");
    assertThat(response.status()).isEqualTo(200);
    var catalogue = response.json();
    assertThat(catalogue.get("version").asString()).isNotBlank();
    assertThat(catalogue.get("pathways").size()).isEqualTo(35);
    var colorectal = catalogue.get("pathways").get(2);
    assertThat(colorectal.get("id").asString()).isEqualTo("colorectal");
    assertThat(colorectal.get("codePrefix").get("value").asString()).isEqualTo("A12");
    assertThat(colorectal.get("codePrefix").get("verified").asBoolean()).isTrue();
  }

  @Test
  void a_new_version_is_loaded_at_run_time_and_an_earlier_one_can_be_put_back() throws IOException {
    var before = get("/api/v1/catalogue").json().get("version").asString();
    var next =
        bundled()
            .replace("version: \"" + before + "\"", "version: \"it-next\"")
            .replace(
                "days: 9, dayType: CALENDAR, verified: true",
                "days: 8, dayType: CALENDAR, verified: true");

    var loaded =
        post(
            "/api/v1/catalogue/versions",
            "application/yaml",
            next.getBytes(StandardCharsets.UTF_8),
            AS,
            "admin");

    assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
    assertThat(loaded.json().get("loadedBy").asString()).isEqualTo("admin");
    assertThat(get("/api/v1/catalogue").json().get("version").asString()).isEqualTo("it-next");
    var versions = get("/api/v1/catalogue/versions").json();
    assertThat(versions.size()).isGreaterThanOrEqualTo(2);
    // the earlier version is kept and can be read
    assertThat(get("/api/v1/catalogue/versions/" + before).status()).isEqualTo(200);

    // the same document again changes nothing; other content under the same label is refused
    var again =
        post(
            "/api/v1/catalogue/versions",
            "application/yaml",
            next.getBytes(StandardCharsets.UTF_8));
    assertThat(again.status()).isEqualTo(201);
    assertThat(get("/api/v1/catalogue/versions").json().size()).isEqualTo(versions.size());
    var clash =
        post(
            "/api/v1/catalogue/versions",
            "application/yaml",
            next.replace("days: 8,", "days: 7,").getBytes(StandardCharsets.UTF_8));
    assertThat(clash.status()).isEqualTo(409);
    assertThat(clash.reason()).isEqualTo("CATALOGUE_VERSION_TAKEN");
    assertThat(clash.text()).contains("finnes allerede med annet innhold");
    var clashEnglish =
        post(
            "/api/v1/catalogue/versions",
            "application/yaml",
            next.replace("days: 8,", "days: 7,").getBytes(StandardCharsets.UTF_8),
            ENGLISH);
    assertThat(clashEnglish.reason()).isEqualTo("CATALOGUE_VERSION_TAKEN");
    assertThat(clashEnglish.text()).contains("already exists with different content");

    var back = post("/api/v1/catalogue/versions/" + before + "/activation", "{}");
    assertThat(back.status()).isEqualTo(200);
    assertThat(get("/api/v1/catalogue").json().get("version").asString()).isEqualTo(before);
  }

  @Test
  void an_invalid_catalogue_is_refused_with_every_problem_named() throws IOException {
    var broken =
        bundled()
            .replace("version: \"2026.12.2\"", "version: \"it-broken\"")
            .replaceFirst("days: 9, dayType: CALENDAR", "days: -9, dayType: CALENDAR")
            .replaceFirst("scheme: CANCER_ORGAN", "scheme: NO_SUCH_SCHEME");

    var response =
        post(
            "/api/v1/catalogue/versions",
            "application/yaml",
            broken.getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(400);
    var issues = response.outcome().getIssue();
    assertThat(issues).hasSizeGreaterThanOrEqualTo(2);
    // each problem for people in Norwegian, the validator's own words in diagnostics
    assertThat(issues)
        .allSatisfy(
            i -> {
              assertThat(i.getDetails().getCodingFirstRep().getCode())
                  .isEqualTo("INVALID_CATALOGUE");
              assertThat(i.getDetails().getText())
                  .startsWith("Forløpskatalogen kan ikke lastes fordi den har feil.");
            })
        .anySatisfy(i -> assertThat(i.getDiagnostics()).contains("NO_SUCH_SCHEME"))
        .anySatisfy(i -> assertThat(i.getDiagnostics()).contains("between 0 and 730"));
    var missing = get("/api/v1/catalogue/versions/it-broken");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.reason()).isEqualTo("CATALOGUE_VERSION_NOT_FOUND");
    assertThat(missing.text()).startsWith("Forløpskatalogen har ingen versjon «it-broken».");
    assertThat(get("/api/v1/catalogue/versions/it-broken", ENGLISH).text())
        .startsWith("The catalogue has no version \"it-broken\".");
  }

  @Test
  void a_document_with_an_unknown_field_is_refused() {
    var response =
        post(
            "/api/v1/catalogue/versions",
            "application/json",
            "{\"version\": \"x1\", \"pathwayz\": []}".getBytes(StandardCharsets.UTF_8));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.text()).contains("kan ikke lastes");
    assertThat(response.diagnostics()).contains("unknown field 'pathwayz'");
    var english =
        post(
            "/api/v1/catalogue/versions",
            "application/json",
            "{\"version\": \"x1\", \"pathwayz\": []}".getBytes(StandardCharsets.UTF_8),
            ENGLISH);
    assertThat(english.reason()).isEqualTo("INVALID_CATALOGUE");
    assertThat(english.text()).startsWith("The catalogue cannot be loaded because it has errors.");
  }

  @Test
  void the_catalogue_page_lists_pathways_with_their_verification_status() {
    var page = get("/catalogue");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Nasjonal forløpskatalog")
        .contains("Pakkeforløp for tykk- og endetarmskreft")
        .contains("A12CK")
        .contains("Ikke verifisert")
        .contains("Verifisert");
    // dates as the pages write them; the English source notes say they are English (issue 16)
    assertThat(page.body())
        .containsPattern(">\\d{2}\\.\\d{2}\\.\\d{4}<")
        .doesNotContainPattern(">\\d{4}-\\d{2}-\\d{2}<")
        .contains("<small lang=\"en\">");
  }

  @Test
  void the_catalogue_page_is_in_english_on_request() {
    var page = get("/catalogue?lang=en");
    assertThat(page.body())
        .contains("National pathway catalogue")
        .contains("Colorectal cancer pathway");
    // or when the browser prefers English
    assertThat(get("/catalogue", "Accept-Language", "en-US,en;q=0.9").body())
        .contains("National pathway catalogue");
  }

  @Test
  void an_unknown_api_path_is_an_operation_outcome() {
    var response = get("/api/v1/nothing-here");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.reason()).isEqualTo("NOT_FOUND");
  }

  @Test
  void the_api_is_documented_with_openapi() {
    var docs = get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body()).contains("/api/v1/pathways").contains("/api/v1/catalogue");
  }
}

package no.forlop.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The official code list in, over REST: a fictional kodeverk 8480 in each published form becomes a
 * new catalogue version with the prefixes it fills, each sourced to the file; what it cannot place
 * is reported; bad files and requests are refused with an OperationOutcome.
 */
class CodeListApiIT extends ApplicationTest {

  private static final String URL = "/api/v1/catalogue/code-lists";

  private static byte[] resource(String name) throws IOException {
    try (var in = CodeListApiIT.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static JsonNode pathway(JsonNode catalogue, String id) {
    for (var p : catalogue.get("pathways")) {
      if (p.get("id").asString().equals(id)) {
        return p;
      }
    }
    throw new AssertionError("no pathway " + id);
  }

  @Test
  void an_official_code_system_fills_the_prefixes_it_names_as_a_new_verified_version()
      throws IOException {
    var before = get("/api/v1/catalogue").json().get("version").asString();
    try {
      var response =
          post(
              URL
                  + "?version=it-codelist-fhir&name=fictional-8480.json&official=true"
                  + "&source=https://example.test/kodeverk/8480.json",
              "application/fhir+json",
              resource("/codelist/fictional-8480.json"));

      assertThat(response.status()).as(response.body()).isEqualTo(201);
      assertThat(response.location()).endsWith("/api/v1/catalogue/versions/it-codelist-fhir");
      var result = response.json();
      assertThat(result.get("basedOn").asString()).isEqualTo(before);
      assertThat(result.get("verified").asBoolean()).isTrue();
      assertThat(result.get("systemVersion").asString()).isEqualTo("TEST-1");
      assertThat(result.get("filled").size()).isEqualTo(2);
      assertThat(result.get("filled").get(0).get("pathway").asString()).isEqualTo("breast");
      assertThat(result.get("confirmed").get(0).get("prefix").asString()).isEqualTo("A12");
      assertThat(result.get("findings").size()).isEqualTo(3);
      assertThat(result.get("findings").get(2).get("kind").asString()).isEqualTo("PREFIX_CONFLICT");

      var catalogue = get("/api/v1/catalogue").json();
      assertThat(catalogue.get("version").asString()).isEqualTo("it-codelist-fhir");
      var breast = pathway(catalogue, "breast").get("codePrefix");
      assertThat(breast.get("value").asString()).isEqualTo("Z91");
      assertThat(breast.get("verified").asBoolean()).isTrue();
      assertThat(breast.get("source").asString())
          .isEqualTo("https://example.test/kodeverk/8480.json");
      assertThat(breast.get("note").asString())
          .contains("'fictional-8480.json'", "version TEST-1", "by admin", "Z91A");
      // what the file could not place stays as it was
      assertThat(pathway(catalogue, "kidney").get("codePrefix").path("value").asString(null))
          .isNull();
      assertThat(pathway(catalogue, "colorectal").get("codePrefix").get("value").asString())
          .isEqualTo("A12");
    } finally {
      post("/api/v1/catalogue/versions/" + before + "/activation", "{}");
    }
    assertThat(get("/api/v1/catalogue").json().get("version").asString()).isEqualTo(before);
  }

  @Test
  void a_plain_export_not_declared_official_fills_prefixes_unverified() throws IOException {
    var before = get("/api/v1/catalogue").json().get("version").asString();
    try {
      var response =
          post(
              URL + "?version=it-codelist-csv&name=fictional-8480.csv",
              "text/csv",
              resource("/codelist/fictional-8480.csv"));

      assertThat(response.status()).as(response.body()).isEqualTo(201);
      assertThat(response.json().get("verified").asBoolean()).isFalse();
      assertThat(response.json().get("findings").get(0).get("kind").asString())
          .isEqualTo("UNKNOWN_SUFFIX");
      var kidney = pathway(get("/api/v1/catalogue").json(), "kidney").get("codePrefix");
      assertThat(kidney.get("value").asString()).isEqualTo("Z96");
      assertThat(kidney.get("verified").asBoolean()).isFalse();
      assertThat(kidney.get("source").asString()).isEqualTo("file:fictional-8480.csv");
      assertThat(kidney.get("note").asString()).contains("not declared the official list");
    } finally {
      post("/api/v1/catalogue/versions/" + before + "/activation", "{}");
    }
  }

  @Test
  void bad_files_and_requests_are_refused_and_nothing_is_loaded() {
    var before = get("/api/v1/catalogue").json().get("version").asString();
    var unreadable =
        post(
            URL + "?version=it-bad",
            "text/csv",
            "Kode;Tekst\nz91a;Brystkreft\n".getBytes(StandardCharsets.UTF_8));
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(unreadable.reason()).isEqualTo("UNREADABLE_CODE_LIST");
    assertThat(unreadable.text()).startsWith("Kodelisten kan ikke leses.");
    assertThat(unreadable.diagnostics()).startsWith("line 2: 'z91a' is not a pathway code");

    var nothing =
        post(
            URL + "?version=it-nothing",
            "text/csv",
            "Z93A;Pakkeforløp for fiktiv kreft – start\n".getBytes(StandardCharsets.UTF_8),
            ENGLISH);
    assertThat(nothing.status()).isEqualTo(422);
    assertThat(nothing.reason()).isEqualTo("CODE_LIST_FILLS_NOTHING");
    assertThat(nothing.text()).startsWith("The code list fills no code prefix");
    assertThat(nothing.diagnostics()).startsWith("NO_PATHWAY_NAMED: ");

    var noSource =
        post(
            URL + "?version=it-nosource&official=true",
            "text/csv",
            "Z91A;Pakkeforløp for brystkreft – start\n".getBytes(StandardCharsets.UTF_8));
    assertThat(noSource.status()).isEqualTo(400);
    assertThat(noSource.reason()).isEqualTo("CODE_LIST_SOURCE_REQUIRED");

    var badVersion =
        post(
            URL + "?version=../x",
            "text/csv",
            "Z91A;Pakkeforløp for brystkreft – start\n".getBytes(StandardCharsets.UTF_8));
    assertThat(badVersion.status()).isEqualTo(400);
    assertThat(badVersion.reason()).isEqualTo("CODE_LIST_VERSION_INVALID");

    var taken =
        post(
            URL + "?version=" + before,
            "text/csv",
            "Z91A;Pakkeforløp for brystkreft – start\n".getBytes(StandardCharsets.UTF_8));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.reason()).isEqualTo("CATALOGUE_VERSION_TAKEN");

    var coordinator =
        post(
            URL + "?version=it-kari",
            "text/csv",
            "Z91A;Pakkeforløp for brystkreft – start\n".getBytes(StandardCharsets.UTF_8),
            AS,
            "kari");
    assertThat(coordinator.status()).isEqualTo(403);

    assertThat(get("/api/v1/catalogue").json().get("version").asString()).isEqualTo(before);
  }
}

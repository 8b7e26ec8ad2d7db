package no.forlop.referral.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import no.forlop.ingest.referral.ReferralBundles;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * End to end, as a GP and a hospital would: the GP's page writes the referral (a POST with the
 * page's CSRF token, no sign-in), the GP's system posts the file to {@code /fhir} with its own
 * credentials (the integration user), and the pathway starts at the receiving hospital by the
 * existing rules; the hospital's receipt (a Task naming the referral by its identifier) then dates
 * the start. Today is 2024-12-31 (10:00 UTC, 11:00 in Oslo).
 */
class GpReferralIT extends ApplicationTest {

  private static final String FJORDBY = "910000012";
  private static final String PRACTICE = "974600951";
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** A browser without a user: keeps the session cookie between the page and its form. */
  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  private HttpResponse<String> write(String pathway, List<String> ticks, String... fields) {
    var page = call(HttpRequest.newBuilder(uri("/henvisning/" + pathway)).GET());
    assertThat(page.statusCode()).isEqualTo(200);
    var token = CSRF.matcher(page.body());
    assertThat(token.find()).as("the referral form carries a CSRF token").isTrue();
    var form = new ArrayList<String>();
    form.add("_csrf=" + token.group(1));
    ticks.forEach(t -> form.add("funn=" + t));
    for (int i = 0; i + 1 < fields.length; i += 2) {
      form.add(fields[i] + "=" + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
    }
    return call(
        HttpRequest.newBuilder(uri("/henvisning/" + pathway))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(String.join("&", form))));
  }

  private HttpResponse<String> call(HttpRequest.Builder request) {
    try {
      return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String[] patient(String fnr) {
    return new String[] {
      "fodselsnummer", fnr,
      "navn", "Kari Testesen",
      "fodselsdato", "1950-01-01",
      "fraOrgnr", PRACTICE,
      "fraNavn", "Fjordby legesenter",
      "tilOrgnr", FJORDBY,
      "tilNavn", "Fjordby sykehus HF"
    };
  }

  private static String[] with(String[] fields, String... more) {
    var all = new ArrayList<>(List.of(fields));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private Response postFhir(String bundle) {
    return post(
        "/fhir", "application/fhir+json", bundle.getBytes(StandardCharsets.UTF_8), AS, "ehr");
  }

  private static JsonNode only(JsonNode pathways, String pathway) {
    JsonNode found = null;
    for (var p : pathways) {
      if (p.get("pathway").asString().equals(pathway)) {
        assertThat(found).as("one %s pathway in %s", pathway, pathways).isNull();
        found = p;
      }
    }
    assertThat(found).as("a %s pathway in %s", pathway, pathways).isNotNull();
    return found;
  }

  private static JsonNode code(JsonNode pathway, String code) {
    for (var c : pathway.get("codes")) {
      if (code.equals(c.path("code").asString())) {
        return c;
      }
    }
    throw new AssertionError("no " + code + " in " + pathway);
  }

  @Test
  void the_gp_page_writes_a_referral_that_starts_the_pathway_when_posted_to_fhir() {
    var fnr = TestPatients.next();

    var written =
        write(
            "colorectal",
            List.of("colorectal-age-over-40", "colorectal-bleeding"),
            with(patient(fnr), "icd10", "c18"));

    assertThat(written.statusCode()).isEqualTo(200);
    assertThat(written.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/fhir+json");
    assertThat(written.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "henvisning-colorectal.json");
    assertThat(written.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
    var bundle = written.body();
    assertThat(bundle)
        .contains("\"A12A\"", "\"PK\"", "\"C18\"", "Kriteriene for begrunnet mistanke er oppfylt.")
        .doesNotContain("fastlegens kliniske vurdering");
    assertThat(pathwaysOf(fnr).json()).as("nothing stored by writing the referral").isEmpty();

    var sent = postFhir(bundle);

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    var pathway = only(pathwaysOf(fnr).json(), "colorectal");
    assertThat(pathway.get("organisation").asString()).isEqualTo(FJORDBY);
    assertThat(code(pathway, "A12A").get("date").asString()).isEqualTo("2024-12-31");

    assertThat(code(pathway, "A12A").get("rule").asString())
        .as("without the hospital's receipt, the day the GP wrote it")
        .isEqualTo("START-REFERRAL-AUTHORED");
  }

  @Test
  void with_the_hospitals_receipt_the_pathway_starts_the_day_the_referral_was_received() {
    var fnr = TestPatients.next();
    var bundle = write("colorectal", List.of("colorectal-age-over-40"), patient(fnr)).body();
    var id =
        JSON.readTree(bundle)
            .get("entry")
            .get(3)
            .get("resource")
            .get("identifier")
            .get(0)
            .get("value")
            .asString();
    assertThat(id).matches("[0-9a-f-]{36}");
    // the hospital's system says it received the referral, naming it by its identifier (ADR 0018:
    // the receipt may come before or after the referral itself)
    var receipt =
        """
        {"resourceType": "Bundle", "type": "transaction", "entry": [
          {"fullUrl": "https://ehr.fjordby.example/fhir/Organization/org-hf1",
           "resource": {"resourceType": "Organization", "id": "org-hf1",
             "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.101", "value": "910000012"}]},
           "request": {"method": "PUT", "url": "Organization/org-hf1"}},
          {"fullUrl": "https://ehr.fjordby.example/fhir/Task/gp-%s",
           "resource": {"resourceType": "Task", "id": "gp-%s", "status": "received",
             "intent": "order",
             "focus": {"type": "ServiceRequest",
               "identifier": {"system": "%s", "value": "%s"}},
             "owner": {"reference": "Organization/org-hf1"},
             "authoredOn": "2024-12-31T11:00:00+01:00"},
           "request": {"method": "PUT", "url": "Task/gp-%s"}}]}
        """
            .formatted(id, id, ReferralBundles.IDENTIFIER_SYSTEM, id, id);
    assertThat(postFhir(receipt).status()).isEqualTo(200);

    var sent = postFhir(bundle);

    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    var start = code(only(pathwaysOf(fnr).json(), "colorectal"), "A12A");
    assertThat(start.get("date").asString()).isEqualTo("2024-12-31");
    assertThat(start.get("rule").asString()).isEqualTo("START-REFERRAL-RECEIVED");
    assertThat(start.get("inputs").get("receivedOn").asString()).isEqualTo("2024-12-31");
  }

  @Test
  void the_referral_says_which_items_of_required_content_the_gp_confirms_it_includes() {
    var fnr = TestPatients.next();

    var bundle =
        JSON.readTree(
            write(
                    "colorectal",
                    List.of("colorectal-age-over-40"),
                    with(
                        patient(fnr),
                        "innhold",
                        "colorectal-referral-hb",
                        "innhold",
                        "colorectal-referral-findings"))
                .body());

    var response = bundle.get("entry").get(4).get("resource");
    JsonNode group = null;
    for (var item : response.get("item")) {
      if (item.get("linkId").asString().equals(ReferralBundles.REQUIRED_CONTENT)) {
        group = item;
      }
    }
    assertThat(group).as("a group of required content in %s", response).isNotNull();
    var answers = new java.util.LinkedHashMap<String, Boolean>();
    for (var item : group.get("item")) {
      answers.put(
          item.get("linkId").asString(), item.get("answer").get(0).get("valueBoolean").asBoolean());
    }
    assertThat(answers)
        .as("every item of the pathway's required content, confirmed or not")
        .containsEntry("colorectal-referral-hb", true)
        .containsEntry("colorectal-referral-findings", true)
        .containsEntry("colorectal-referral-family", false)
        .containsEntry("colorectal-referral-general", false);
  }

  @Test
  void criteria_not_met_still_give_a_referral_that_says_it_rests_on_the_gps_judgement() {
    var fnr = TestPatients.next();

    var written = write("lung", List.of(), with(patient(fnr), "icd10", "C34.1"));

    assertThat(written.statusCode()).isEqualTo(200);
    assertThat(written.body())
        .contains(
            "Kriteriene for begrunnet mistanke er ikke oppfylt.",
            "Filtersteg som ikke er krysset av som gjort",
            "fastlegens kliniske vurdering",
            "\"lung-filter-ct\"",
            "\"PK\"",
            "\"C34.1\"")
        .doesNotContain("urn:oid:2.16.578.1.12.4.1.1.8480");
  }

  @Test
  void a_lung_referral_without_a_known_pathway_code_is_proposed_from_pk_and_its_icd10_reason() {
    var fnr = TestPatients.next();
    var bundle =
        write("lung", List.of("lung-filter-ct", "lung-imaging"), with(patient(fnr), "icd10", "C34"))
            .body();

    assertThat(postFhir(bundle).status()).isEqualTo(200);

    var lung = only(pathwaysOf(fnr).json(), "lung");
    assertThat(lung.get("organisation").asString()).isEqualTo(FJORDBY);
    var start = lung.get("codes").get(0);
    assertThat(start.get("milestone").asString()).as(lung.toString()).isEqualTo("PATHWAY_START");
    assertThat(start.get("rule").asString()).isEqualTo("START-PK-INFERRED");
    assertThat(start.get("state").asString()).isEqualTo("PROPOSED");
    assertThat(start.get("date").asString()).isEqualTo("2024-12-31");
  }

  @Test
  void a_form_with_problems_is_the_page_again_naming_every_problem_and_writes_nothing() {
    var written =
        write(
            "colorectal",
            List.of("colorectal-bleeding"),
            "fodselsnummer",
            "12345678901",
            "navn",
            " ",
            "fodselsdato",
            "2030-01-01",
            "icd10",
            "kreft",
            "fraOrgnr",
            "910000012",
            "fraNavn",
            "x".repeat(201),
            "tilOrgnr",
            "910000012");

    assertThat(written.statusCode()).isEqualTo(400);
    assertThat(written.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(written.body())
        .contains(
            "id=\"problem-fodselsnummer\"",
            "id=\"problem-navn\"",
            "id=\"problem-fodselsdato\"",
            "id=\"problem-icd10\"",
            "id=\"problem-sameOrganisation\"",
            "id=\"problem-organisationName\"",
            "value=\"colorectal-bleeding\"")
        .doesNotContain("id=\"problem-fraOrgnr\"");
  }

  @Test
  void a_name_with_a_control_character_is_a_problem_not_a_referral_the_hospital_would_refuse() {
    var written =
        write(
            "colorectal",
            List.of("colorectal-bleeding"),
            "fodselsnummer",
            TestPatients.next(),
            "navn",
            "Kari\u0000Testesen",
            "fraOrgnr",
            "974600951",
            "fraNavn",
            "Legekontoret\nFjordby",
            "tilOrgnr",
            "910000012");

    assertThat(written.statusCode()).isEqualTo(400);
    assertThat(written.body())
        .contains("id=\"problem-navn\"", "id=\"problem-organisationName\"")
        .doesNotContain("id=\"problem-fodselsnummer\"");
  }

  @Test
  void without_the_pages_csrf_token_the_form_is_refused() {
    var refused =
        call(
            HttpRequest.newBuilder(uri("/henvisning/colorectal"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("fodselsnummer=1")));
    assertThat(refused.statusCode()).isEqualTo(403);
  }
}

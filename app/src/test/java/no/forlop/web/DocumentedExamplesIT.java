package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The documentation works as written (issue 16, item 7): every {@code curl} in the README and the
 * docs is run as printed, with the real {@code curl}, against the application; the OpenAPI document
 * asks for nothing the caller does not send; the sample FHIR Bundle is taken; the catalogue's JSON
 * loads back; and {@code asOf} shows a pathway as it stood that day.
 */
class DocumentedExamplesIT extends ApplicationTest {

  /** The repository, seen from the module the tests run in. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The invented patient of docs/fhir/sample-transaction.json (no test makes this number). */
  static final String SAMPLE_PATIENT = "15065204182";

  /** A {@code curl} command of a document: where it is, and its text as printed. */
  record Example(String where, String command) {}

  /**
   * The README, CONTRIBUTING and every Markdown file under docs/: the {@code curl} commands of
   * their fenced code blocks (continued lines joined), in order. A {@code curl} in running text
   * (not in a fenced block) is returned with an empty command, so the test can ask for it to be
   * moved into one, where it is run.
   */
  static List<Example> curls() throws IOException {
    var files = new ArrayList<Path>();
    files.add(ROOT.resolve("README.md"));
    files.add(ROOT.resolve("CONTRIBUTING.md"));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    var examples = new ArrayList<Example>();
    for (var file : files) {
      var lines = Files.readAllLines(file);
      boolean fenced = false;
      for (int i = 0; i < lines.size(); i++) {
        var line = lines.get(i).strip();
        var where = ROOT.relativize(file) + ":" + (i + 1);
        if (line.startsWith("```")) {
          fenced = !fenced;
        } else if (fenced && line.startsWith("curl ")) {
          var command = new StringBuilder(line);
          while (command.toString().endsWith("\\") && i + 1 < lines.size()) {
            command.setLength(command.length() - 1);
            command.append(' ').append(lines.get(++i).strip());
          }
          examples.add(new Example(where, command.toString()));
        } else if (!fenced && line.contains("`curl ")) {
          examples.add(new Example(where, ""));
        }
      }
    }
    return examples;
  }

  /**
   * Runs one example as a shell runs it, in a folder that has the repository's {@code app/}, {@code
   * docs/} and {@code bin/} (the README's commands are run from the repository's folder) and the
   * reader's own files the docs name. Returns the HTTP status and the body.
   */
  private String[] run(Path folder, String command, int n) throws Exception {
    var body = folder.resolve("body-" + n);
    var shell =
        command
                .replace("http://localhost:8080", "http://localhost:" + port)
                // the reader's own values
                .replace("https://…", "https://example.test/kodeverk")
                .replace("version=2027.01.1", "version=docs-" + RUN + "-" + n)
            + " -sS -o '"
            + body
            + "' -w '%{http_code}'";
    var process =
        new ProcessBuilder("bash", "-c", shell)
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .start();
    var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(command).isTrue();
    var answer = Files.exists(body) ? Files.readString(body) : "";
    return new String[] {out.strip(), answer};
  }

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void every_curl_in_the_readme_and_the_docs_runs_as_printed(@TempDir Path folder)
      throws Exception {
    var examples = curls();
    assertThat(examples)
        .as("a curl in running text is not run: put it in a fenced code block")
        .allSatisfy(e -> assertThat(e.command()).as(e.where()).isNotEmpty());
    // the examples the issue found failing are among them
    assertThat(examples)
        .anySatisfy(e -> assertThat(e.command()).contains("/api/v1/catalogue/versions"))
        .anySatisfy(e -> assertThat(e.command()).contains("docs/fhir/sample-transaction.json"))
        .anySatisfy(e -> assertThat(e.command()).contains("/api/v1/indicators?"));

    assertThat(examples).hasSizeGreaterThanOrEqualTo(7);
    var links = List.of("app", "docs", "bin");
    for (var name : links) {
      Files.createSymbolicLink(folder.resolve(name), ROOT.resolve(name));
    }
    // the files a reader brings: the official code list and a ConceptMap (the one the docs show)
    Files.copy(
        ROOT.resolve(TEST_RESOURCES + "codelist/fictional-8480.csv"), folder.resolve("8480.csv"));
    Files.copy(
        ROOT.resolve(TEST_RESOURCES + "codelist/fictional-8480.json"), folder.resolve("8480.json"));
    Files.writeString(folder.resolve("conceptmap.json"), conceptMapOfTheDocs());

    var catalogue = get("/api/v1/catalogue").json().get("version").asString();
    var conceptMap = get("/api/v1/terminology").json().path("conceptMapVersion").asString(null);
    var failed = new ArrayList<String>();
    try {
      int n = 0;
      for (var example : examples) {
        var result = run(folder, example.command(), ++n);
        if (!result[0].matches("2\\d\\d")) {
          failed.add(
              example.where() + ": " + example.command() + "\n  -> " + result[0] + " " + result[1]);
        }
        // the shared application keeps its catalogue (a code list makes a new version in force)
        post("/api/v1/catalogue/versions/" + catalogue + "/activation", "{}");
      }
    } finally {
      post("/api/v1/catalogue/versions/" + catalogue + "/activation", "{}");
      if (conceptMap != null) {
        post("/api/v1/terminology/concept-maps/" + conceptMap + "/activation", "{}");
      }
      for (var name : links) {
        Files.delete(folder.resolve(name)); // the links, not what they point at
      }
    }
    assertThat(failed).as("curl examples that do not work as printed").isEmpty();
    assertThat(get("/api/v1/catalogue").json().get("version").asString()).isEqualTo(catalogue);
  }

  static final String TEST_RESOURCES = "app/src/test/resources/";

  /** The ConceptMap docs/terminology.md shows after its curl. */
  private static String conceptMapOfTheDocs() throws IOException {
    var text = Files.readString(ROOT.resolve("docs/terminology.md"));
    var start = text.indexOf("```json", text.indexOf("/api/v1/terminology/concept-maps"));
    assertThat(start).isPositive();
    var from = text.indexOf('\n', start) + 1;
    return text.substring(from, text.indexOf("```", from));
  }

  @Test
  void the_openapi_document_asks_for_no_actor() {
    var docs = get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    var names = new ArrayList<String>();
    docs.json()
        .get("paths")
        .forEach(path -> path.forEach(operation -> parameters(operation, names)));
    assertThat(names).as("parameters of the OpenAPI document").contains("asOf", "from", "pathway");
    assertThat(names).doesNotContain("actor");
    assertThat(docs.body()).doesNotContain("\"Actor\"");
    // in its place: the purpose of the access, an optional header with the purposes one may name
    JsonNode purpose = null;
    for (var parameter :
        docs.json().get("paths").get("/api/v1/pathways/{id}").get("get").get("parameters")) {
      if (parameter.get("name").asString().equals("X-Forlop-Purpose")) {
        purpose = parameter;
      }
    }
    assertThat(purpose).as("the purpose header of GET /api/v1/pathways/{id}").isNotNull();
    assertThat(purpose.get("in").asString()).isEqualTo("header");
    assertThat(purpose.path("required").asBoolean(false)).isFalse();
    assertThat(purpose.get("schema").get("enum").toString())
        .contains("PATIENT_CARE", "STATISTICS")
        .doesNotContain("EMERGENCY_ACCESS");
  }

  private static void parameters(JsonNode operation, List<String> names) {
    for (var parameter : operation.path("parameters")) {
      names.add(parameter.path("name").asString());
    }
  }

  @Test
  void the_sample_transaction_bundle_is_taken_and_its_codes_derived() throws IOException {
    var bundle = Files.readAllBytes(ROOT.resolve("docs/fhir/sample-transaction.json"));

    var answer = post("/fhir", "application/fhir+json", bundle, AS, "ehr");

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("type").asString()).isEqualTo("transaction-response");
    var pathways = pathwaysOf(SAMPLE_PATIENT, AS, "kari");
    assertThat(pathways.status()).isEqualTo(200);
    var colorectal = pathways.json().get(0);
    assertThat(colorectal.get("pathway").asString()).isEqualTo("colorectal");
    assertThat(codes(colorectal)).contains("A12A", "A12S");
    assertThat(colorectal.get("codes").findValuesAsString("date"))
        .contains("2024-03-04", "2024-03-11");
  }

  @Test
  void the_catalogue_as_the_api_gives_it_loads_back() {
    var before = get("/api/v1/catalogue");
    assertThat(before.body()).doesNotContain("\"known\"");
    var document = (ObjectNode) before.json();
    var version = before.json().get("version").asString();
    document.put("version", "docs-round-trip-" + RUN);
    try {
      var loaded = post("/api/v1/catalogue/versions", JSON.writeValueAsString(document));
      assertThat(loaded.status()).as(loaded.body()).isEqualTo(201);
      var after = get("/api/v1/catalogue").json();
      assertThat(after.get("version").asString()).isEqualTo("docs-round-trip-" + RUN);
      assertThat(after.get("pathways").size()).isEqualTo(document.get("pathways").size());
    } finally {
      post("/api/v1/catalogue/versions/" + version + "/activation", "{}");
    }
    assertThat(get("/api/v1/catalogue").json().get("version").asString()).isEqualTo(version);
  }

  @Test
  void as_of_shows_a_pathway_as_it_stood_that_day() {
    var id =
        post(
                "/api/v1/pathways",
                "{\"patient\": \"%s\", \"pathway\": \"colorectal\", \"organisation\": \"910000012\"}"
                    .formatted(TestPatients.next()))
            .json()
            .get("id")
            .asString();
    for (var code :
        List.of("A12A:2024-03-04", "A12S:2024-03-11", "A12CK:2024-03-20", "A12FK:2024-04-05")) {
      var parts = code.split(":");
      var registered =
          post(
              "/api/v1/pathways/" + id + "/codes",
              "{\"code\": \"%s\", \"date\": \"%s\"}".formatted(parts[0], parts[1]));
      assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    }

    var then = get("/api/v1/pathways/" + id + "?asOf=2024-03-15").json();
    assertThat(codes(then)).containsExactly("A12A", "A12S");
    assertThat(then.get("state").asString()).isNotEqualTo("IN_TREATMENT");
    assertThat(then.get("history").findValuesAsString("date"))
        .doesNotContain("2024-03-20", "2024-04-05");
    assertThat(then.get("asOf").asString()).isEqualTo("2024-03-15");

    // the day of the last code: every code
    var later = get("/api/v1/pathways/" + id + "?asOf=2024-04-05").json();
    assertThat(codes(later)).containsExactly("A12A", "A12S", "A12CK", "A12FK");
    assertThat(later.get("state").asString()).isEqualTo("IN_TREATMENT");
    // without asOf: today, every code
    assertThat(get("/api/v1/pathways/" + id).json().get("codes").size()).isEqualTo(4);
  }

  /** The codes of a pathway as the API gives it, in its order. */
  private static List<String> codes(JsonNode pathway) {
    var codes = new ArrayList<String>();
    pathway.get("codes").forEach(c -> codes.add(c.path("code").asString()));
    return codes;
  }

  private static final String INDICATORS = "/api/v1/indicators?from=2024-01-01&to=2024-12-31";

  @Test
  void indicator_parameters_within_what_is_allowed_are_answered() {
    for (var query :
        List.of(
            "&pathway=colorectal",
            "&pathway=mh-adults&organisation=910000012&organisation=910000020",
            "&ageBand=AGE_60_69&sex=MALE",
            "&ageBand=AGE_80_PLUS&sex=FEMALE&format=csv")) {
      var answer = get(INDICATORS + query, AS, "lise");
      assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(200);
    }
    assertThat(
            get("/api/v1/indicators/burden?from=2024-01-01&to=2024-12-31&group=CANCER", AS, "lise")
                .status())
        .isEqualTo(200);
    assertThat(
            get(
                    "/api/v1/indicators/patient-level?from=2024-01-01&to=2024-12-31&pathway=colorectal",
                    AS,
                    "kari")
                .status())
        .isEqualTo(200);
  }

  @Test
  void indicator_parameters_outside_what_is_allowed_are_refused_naming_the_value_and_the_allowed() {
    var unknown = get(INDICATORS + "&pathway=tonsils", AS, "lise");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.reason()).isEqualTo("INVALID_PARAMETER");
    assertThat(unknown.text()).contains("«pathway»", "«tonsils»", "colorectal", "mh-adults");

    var prefix = get(INDICATORS + "&pathway=A12", AS, "lise");
    assertThat(prefix.status()).isEqualTo(400);
    assertThat(prefix.text()).contains("«A12»", "«colorectal»");
    assertThat(get(INDICATORS + "&pathway=A12", AS, "lise", "Accept-Language", "en").text())
        .contains("\"A12\"", "\"colorectal\"");

    var otherUnit = get(INDICATORS + "&organisation=910000020", AS, "kari");
    assertThat(otherUnit.status()).isEqualTo(400);
    assertThat(otherUnit.text()).contains("«910000020»", "910000012");

    var table = get(INDICATORS + "&table=ACTIVITY", AS, "lise");
    assertThat(table.status()).isEqualTo(400);
    assertThat(table.text()).contains("«table»", "ageBand", "sex", "format");

    var ageBand = get(INDICATORS + "&ageBand=60-69", AS, "lise");
    assertThat(ageBand.status()).isEqualTo(400);
    assertThat(ageBand.text()).contains("«ageBand»", "«60-69»", "AGE_60_69", "AGE_80_PLUS");

    var sex = get(INDICATORS + "&sex=M", AS, "lise", "Accept-Language", "en");
    assertThat(sex.status()).isEqualTo(400);
    assertThat(sex.text()).contains("\"sex\"", "\"M\"", "FEMALE, MALE");

    assertThat(
            get("/api/v1/indicators/burden?from=2024-01-01&to=2024-12-31&pathway=A12", AS, "lise")
                .status())
        .isEqualTo(400);
    assertThat(
            get(
                    "/api/v1/indicators/patient-level?from=2024-01-01&to=2024-12-31&organisation=1",
                    AS,
                    "kari")
                .status())
        .isEqualTo(400);
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.web.context.WebApplicationContext context;

  @Test
  void a_dashboard_download_of_an_unknown_table_is_a_bad_request() throws Exception {
    var mvc =
        org.springframework.test.web.servlet.setup.MockMvcBuilders.webAppContextSetup(context)
            .apply(
                org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers
                    .springSecurity())
            .build();
    var lise =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .user("lise")
            .roles("LEADER");
    var activity =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/dashboard/export.csv?from=2024-01-01&to=2024-12-31&table=ACTIVITY")
                    .with(lise))
            .andReturn()
            .getResponse();
    assertThat(activity.getStatus()).isEqualTo(200);
    assertThat(activity.getHeader("Content-Disposition")).contains("forlop-statistikk-activity");
    assertThat(activity.getContentAsString(StandardCharsets.UTF_8))
        .contains("Aktivitet")
        .doesNotContain("Datakvalitet");

    var unknown =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/dashboard/export.csv?from=2024-01-01&to=2024-12-31&table=tonsils")
                    .with(lise))
            .andReturn()
            .getResponse();
    assertThat(unknown.getStatus()).isEqualTo(400);
  }
}

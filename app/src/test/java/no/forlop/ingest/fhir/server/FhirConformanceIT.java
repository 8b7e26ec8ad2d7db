package no.forlop.ingest.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import no.forlop.testing.ColorectalHistory;
import no.forlop.testing.TestPatients;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The FHIR endpoint keeps R4's rules the way an integration engine meets them: one bad entry never
 * costs the good ones in a batch, a transaction may not name a resource twice, JSON may not repeat
 * a property, a time needs its zone, an id keeps R4's pattern, a body has a limit, interactions it
 * does not offer are 405, a conditional create finds what exists, and the CapabilityStatement says
 * exactly that. Every refusal is an OperationOutcome with a reason code.
 */
class FhirConformanceIT extends FhirEndpointSupport {

  private static final String FHIR_JSON = "application/fhir+json";
  private static final String EHR = "ehr";

  private Response fhir(String path, String json, String... headers) {
    var all = new ArrayList<>(List.of(AS, EHR));
    all.addAll(List.of(headers));
    return post(path, FHIR_JSON, json.getBytes(StandardCharsets.UTF_8), all.toArray(String[]::new));
  }

  private static String bundle(String type, List<String> entries) {
    return "{\"resourceType\":\"Bundle\",\"type\":\""
        + type
        + "\",\"entry\":["
        + String.join(",", entries)
        + "]}";
  }

  private static String put(String resource) {
    var node = JSON.readTree(resource);
    return "{\"fullUrl\":\"urn:uuid:"
        + java.util.UUID.randomUUID()
        + "\",\"resource\":"
        + resource
        + ",\"request\":{\"method\":\"PUT\",\"url\":"
        + JSON.writeValueAsString(
            node.get("resourceType").asString() + "/" + node.get("id").asString())
        + "}}";
  }

  /** A colorectal history of an invented patient, as JSON resources (organisation first). */
  private static List<String> history(String patient, String organisation) {
    var resources = new ArrayList<String>();
    resources.add(ColorectalHistory.json(ColorectalHistory.organisation(organisation)));
    ColorectalHistory.of(patient, organisation)
        .forEach(r -> resources.add(ColorectalHistory.json(r)));
    return resources;
  }

  private boolean hasPathway(String patient) {
    return pathwaysOf(patient).json().size() > 0;
  }

  private static String encounter(String id, String start) {
    return """
        {"resourceType":"Encounter","id":"%s","status":"finished",
         "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
         "subject":{"reference":"Patient/p-conformance"},"period":{"start":"%s"}}"""
        .formatted(id, start)
        .replace("\n", "");
  }

  @Test
  void a_batch_with_a_nul_in_one_entry_stores_the_others_and_answers_200() {
    var patient = TestPatients.next();
    var good = history(patient, "conf-org-1");
    var entries = new ArrayList<>(good.stream().map(FhirConformanceIT::put).toList());
    entries.add(3, put(encounter("e-nul\\u0000id", "2024-03-11T09:00:00+01:00")));

    var answer = fhir("/fhir", bundle("batch", entries));

    assertThat(answer.status()).isEqualTo(200);
    var statuses = new ArrayList<String>();
    answer.json().get("entry").forEach(e -> statuses.add(e.at("/response/status").asString()));
    assertThat(statuses.get(3)).isEqualTo("400 Bad Request");
    assertThat(
            answer
                .json()
                .get("entry")
                .get(3)
                .at("/response/outcome/issue/0/details/coding/0/code")
                .asString())
        .isEqualTo("NUL_CHARACTER");
    assertThat(statuses).filteredOn(s -> s.startsWith("2")).hasSize(good.size());
    assertThat(hasPathway(patient)).isTrue();
  }

  @Test
  void a_transaction_naming_one_resource_twice_is_refused_and_stores_nothing() {
    var byId =
        bundle(
            "transaction",
            List.of(
                put(encounter("e-twice", "2024-03-11T09:00:00+01:00")),
                put(encounter("e-twice", "2024-03-12T09:00:00+01:00"))));
    var byFullUrl =
        bundle(
            "transaction",
            List.of(
                "{\"fullUrl\":\"urn:uuid:0d6e3b7c-1f32-4e0a-9a8e-0c1b2a3d4e5f\",\"resource\":"
                    + encounter("e-a", "2024-03-11T09:00:00+01:00")
                    + ",\"request\":{\"method\":\"POST\",\"url\":\"Encounter\"}}",
                "{\"fullUrl\":\"urn:uuid:0d6e3b7c-1f32-4e0a-9a8e-0c1b2a3d4e5f\",\"resource\":"
                    + encounter("e-b", "2024-03-11T09:00:00+01:00")
                    + ",\"request\":{\"method\":\"POST\",\"url\":\"Encounter\"}}"));

    for (var transaction : List.of(byId, byFullUrl)) {
      var answer = fhir("/fhir", transaction);

      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.reason()).isEqualTo("DUPLICATE_RESOURCE");
      assertThat(answer.text()).contains("Oppføring 2", "oppføring 1");
    }
    // a batch may name a resource twice: the later version is stored after the earlier
    var batch =
        fhir(
            "/fhir",
            bundle(
                "batch",
                List.of(
                    put(encounter("e-twice-batch", "2024-03-11T09:00:00+01:00")),
                    put(encounter("e-twice-batch", "2024-03-12T09:00:00+01:00")))));
    assertThat(batch.status()).isEqualTo(200);
  }

  @Test
  void a_refusal_is_in_the_language_the_client_prefers_where_the_resource_stood_too() {
    var noId =
        bundle(
            "transaction",
            List.of(
                "{\"resource\":{\"resourceType\":\"Observation\",\"status\":\"final\"},"
                    + "\"request\":{\"method\":\"POST\",\"url\":\"Observation\"}}"));

    var norwegian = fhir("/fhir", noId, "Accept-Language", "nb-NO,nb;q=0.9,en;q=0.8");
    assertThat(norwegian.status()).isEqualTo(400);
    assertThat(norwegian.reason()).isEqualTo("NO_ID");
    assertThat(norwegian.text()).startsWith("Observation i oppføring 1 har ingen id");
    var english = fhir("/fhir", noId, "Accept-Language", "en-GB,en;q=0.9,nb;q=0.5");
    assertThat(english.reason()).isEqualTo("NO_ID");
    assertThat(english.text()).startsWith("Observation in entry 1 has no id");
  }

  @Test
  void a_property_named_twice_is_refused_with_where_it_stands() {
    var answer =
        fhir(
            "/fhir/Encounter",
            encounter("e-dup-key", "2024-03-11T09:00:00+01:00")
                .replaceFirst("\\{", "{\"status\":\"planned\","),
            ENGLISH);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.reason()).isEqualTo("DUPLICATE_PROPERTY");
    assertThat(answer.text()).contains("names a property twice", "line 1");
  }

  @Test
  void a_body_nested_deeper_than_the_reader_follows_is_refused_saying_which_limit() {
    var deep = "{\"a\":".repeat(600) + "1" + "}".repeat(600);
    var resource =
        encounter("e-deep", "2024-03-11T09:00:00+01:00")
            .replaceFirst(
                "\\{",
                "{\"extension\":[{\"url\":\"urn:x\",\"valueString\":\"x\","
                    + "\"z\":"
                    + deep
                    + "}],");

    var entry =
        "{\"resource\":"
            + resource
            + ",\"request\":{\"method\":\"PUT\",\"url\":\"Encounter/e-deep\"}}";

    var answer = fhir("/fhir", bundle("batch", List.of(entry)), ENGLISH);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.reason()).isEqualTo("UNREADABLE_BODY");
    assertThat(answer.text()).contains("limit of the JSON reader", "nesting depth");
  }

  @Test
  void a_time_without_a_time_zone_is_refused_and_a_day_is_not() {
    var zoneless = fhir("/fhir/Encounter", encounter("e-zoneless", "2024-03-11T09:00:00"));
    var day = fhir("/fhir/Encounter", encounter("e-day", "2024-03-11"));

    assertThat(zoneless.status()).isEqualTo(400);
    assertThat(zoneless.reason()).isEqualTo("DATE_WITHOUT_ZONE");
    assertThat(zoneless.text()).contains("period.start", "tidssone");
    assertThat(day.status()).isEqualTo(201);
  }

  @ParameterizedTest
  @CsvSource({"x10000", "x65", "bad id with spaces", "a/b"})
  void an_id_outside_r4s_pattern_is_a_400_and_never_a_500(String id) {
    var value =
        switch (id) {
          case "x10000" -> "x".repeat(10_000);
          case "x65" -> "x".repeat(65);
          default -> id;
        };

    var answer = fhir("/fhir/Encounter", encounter(value, "2024-03-11T09:00:00+01:00"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.reason()).isEqualTo("INVALID_ID");
    assertThat(answer.location()).isEmpty();
    assertThat(answer.body())
        .doesNotContain("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  }

  @Test
  void an_id_of_64_characters_is_taken() {
    var answer = fhir("/fhir/Encounter", encounter("y".repeat(64), "2024-03-11T09:00:00+01:00"));

    assertThat(answer.status()).isEqualTo(201);
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /fhir/Encounter/e1",
    "GET, /fhir/Encounter?status=finished",
    "GET, /fhir/Patient?identifier=urn:oid:2.16.578.1.12.4.1.4.1|01017012345",
    "GET, /fhir/Encounter/e1/_history",
    "DELETE, /fhir/Encounter/e1",
    "PATCH, /fhir/Encounter/e1",
    "POST, /fhir/Encounter/$validate",
    "GET, /fhir"
  })
  void an_interaction_the_endpoint_does_not_offer_is_a_405_operation_outcome(
      String method, String path) throws IOException {
    var answer = raw(method, path, "{}");

    assertThat(answer).startsWith("HTTP/1.1 405");
    assertThat(answer).containsIgnoringCase("Allow: POST, PUT");
    assertThat(answer).contains("application/fhir+json", "INTERACTION_NOT_SUPPORTED");
  }

  @Test
  void a_broken_percent_encoding_in_the_query_is_a_400_operation_outcome() throws IOException {
    var answer = raw("GET", "/fhir/Encounter?status=%zz", null);

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).contains("application/fhir+json", "MALFORMED_QUERY");
  }

  @Test
  void a_body_larger_than_the_limit_is_refused_with_413_before_it_is_read() throws IOException {
    var answer =
        rawHead(
            "POST", "/fhir", "Content-Length: " + (100L * 1024 * 1024 + 1), "Accept-Language: en");

    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).contains("BODY_TOO_LARGE", "100 MB");
  }

  @Test
  void a_conditional_create_stores_once_and_then_points_to_what_exists() {
    var identifier =
        "{\"system\":\"urn:ehr:encounter\",\"value\":\"cond-" + System.nanoTime() + "\"}";
    var first =
        encounter("e-cond-1", "2024-03-11T09:00:00+01:00")
            .replaceFirst("\"status\"", "\"identifier\":[" + identifier + "],\"status\"");
    var again = first.replace("e-cond-1", "e-cond-2");
    var criteria =
        "identifier=urn:ehr:encounter|" + JSON.readTree(identifier).get("value").asString();

    var created = fhir("/fhir/Encounter", first, "If-None-Exist", criteria);
    var found = fhir("/fhir/Encounter", again, "If-None-Exist", criteria);
    var inBatch =
        fhir(
            "/fhir",
            bundle(
                "batch",
                List.of(
                    "{\"resource\":"
                        + again
                        + ",\"request\":{\"method\":\"POST\",\"url\":\"Encounter\",\"ifNoneExist\":\""
                        + criteria
                        + "\"}}")));
    var unsupported = fhir("/fhir/Encounter", again, "If-None-Exist", "status=finished");

    assertThat(created.status()).isEqualTo(201);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.location()).contains("Encounter/e-cond-1");
    assertThat(found.reason()).isEqualTo("ALREADY_EXISTS");
    var entry = inBatch.json().get("entry").get(0).get("response");
    assertThat(entry.get("status").asString()).isEqualTo("200 OK");
    assertThat(entry.get("location").asString()).isEqualTo("Encounter/e-cond-1");
    assertThat(unsupported.status()).isEqualTo(400);
    assertThat(unsupported.reason()).isEqualTo("CONDITIONAL_NOT_SUPPORTED");
  }

  @Test
  void a_conditional_create_that_matches_several_is_a_412() {
    var value = "multi-" + System.nanoTime();
    for (var system : List.of("urn:ehr:a", "urn:ehr:b")) {
      var resource =
          encounter("e-" + system.substring(8) + "-" + value, "2024-03-11T09:00:00+01:00")
              .replaceFirst(
                  "\"status\"",
                  "\"identifier\":[{\"system\":\""
                      + system
                      + "\",\"value\":\""
                      + value
                      + "\"}],\"status\"");
      assertThat(fhir("/fhir/Encounter", resource).status()).isEqualTo(201);
    }

    var third =
        fhir(
            "/fhir/Encounter",
            encounter("e-c-" + value, "2024-03-11T09:00:00+01:00"),
            "If-None-Exist",
            "identifier=" + value);

    assertThat(third.status()).isEqualTo(412);
    assertThat(third.reason()).isEqualTo("CONDITIONAL_MULTIPLE_MATCHES");
  }

  @Test
  void a_resource_forlop_does_not_use_is_answered_200_with_why_and_no_location() {
    var answer =
        fhir(
            "/fhir/ServiceRequest",
            """
            {"resourceType":"ServiceRequest","id":"sr-plan","status":"active","intent":"plan",
             "subject":{"reference":"Patient/p-conformance"},"authoredOn":"2024-03-01"}""");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.location()).isEmpty();
    assertThat(answer.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(answer.reason()).isEqualTo("NOT_AN_ORDER");
  }

  @Test
  void the_capability_statement_says_exactly_what_works_and_how_to_sign_in() {
    var statement = client().capabilities().ofType(CapabilityStatement.class).execute();
    var rest = statement.getRestFirstRep();

    assertThat(rest.getSecurity().getServiceFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("Basic");
    assertThat(rest.getSecurity().getCors()).isFalse();
    assertThat(rest.getInteraction())
        .extracting(i -> i.getCode().toCode())
        .containsExactlyInAnyOrder("transaction", "batch");
    assertThat(rest.getResource())
        .isNotEmpty()
        .allSatisfy(
            resource -> {
              // the EHR writes every type; only a GP searches, and only Task (ADR 0043)
              var gpSearch = resource.getType().equals("Task");
              assertThat(resource.getInteraction())
                  .extracting(i -> i.getCode().toCode())
                  .containsExactlyInAnyOrderElementsOf(
                      gpSearch
                          ? List.of("create", "update", "search-type")
                          : List.of("create", "update"));
              assertThat(resource.getConditionalCreate()).isTrue();
              assertThat(resource.getSearchParam())
                  .extracting(p -> p.getName())
                  .containsExactlyInAnyOrderElementsOf(
                      gpSearch ? List.of("requester", "based-on") : List.of());
            });
    assertThat(rest.getResource()).anyMatch(r -> r.getType().equals("Task"));
  }

  /** One request over a plain socket, so that nothing is encoded or refused by the client. */
  private String raw(String method, String path, String body) throws IOException {
    var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    return rawHead(
        method,
        path,
        "Content-Type: " + FHIR_JSON,
        "Content-Length: " + bytes.length,
        "\n" + (body == null ? "" : body));
  }

  private String rawHead(String method, String path, String... lines) throws IOException {
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      var head =
          method
              + " "
              + path
              + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: "
              + basic(EHR)
              + "\r\n";
      var rest = new StringBuilder();
      var body = "";
      for (var line : lines) {
        if (line.startsWith("\n")) {
          body = line.substring(1);
        } else {
          rest.append(line).append("\r\n");
        }
      }
      var out = socket.getOutputStream();
      out.write((head + rest + "\r\n" + body).getBytes(StandardCharsets.UTF_8));
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /**
   * The response's head and body, read as far as its Content-Length (the server need not close the
   * connection while a declared body is still to come).
   */
  private static String read(InputStream in) throws IOException {
    var head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      var b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    var length =
        head.toString()
            .lines()
            .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
            .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip()))
            .findFirst();
    var body =
        length.isPresent()
            ? new String(in.readNBytes(length.get()), StandardCharsets.UTF_8)
            : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    return (head + body).lines().collect(Collectors.joining("\n"));
  }
}

package no.forlop.ingest.fhir;

import static no.forlop.ingest.fhir.FhirJson.encounter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import no.forlop.ingest.fhir.Delivery.Accepted;
import no.forlop.ingest.fhir.Delivery.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the database cannot keep, or FHIR R4 does not allow, is refused for the one resource that
 * has it, before anything is stored, with a stable reason code, the line it stood on and a text in
 * Norwegian and English; the lines beside it are read as usual.
 */
class IntakeChecksTest {

  private final FhirDeliveryReader reader = new FhirDeliveryReader();

  private static final String GOOD = encounter("good", "2024-04-05T09:00:00+02:00");

  /** Three NDJSON lines: a good one, the one given, a good one. */
  private Delivery between(String line) {
    var good2 = encounter("good2", "2024-04-06T09:00:00+02:00");
    var ndjson = String.join("\n", oneLine(GOOD), line, oneLine(good2)) + "\n";
    return reader.readLines(ndjson.getBytes(StandardCharsets.UTF_8), 41);
  }

  private static String oneLine(String json) {
    return json.replace("\n", " ");
  }

  private static Rejected middle(Delivery delivery) {
    assertThat(delivery.items()).hasSize(3);
    assertThat(delivery.items().get(0)).isInstanceOf(Accepted.class);
    assertThat(delivery.items().get(2)).isInstanceOf(Accepted.class);
    assertThat(delivery.items().get(1)).isInstanceOf(Rejected.class);
    return (Rejected) delivery.items().get(1);
  }

  @Test
  void a_nul_escaped_in_the_id_is_refused_with_the_line_and_never_repeated() {
    var rejected =
        middle(between(oneLine(encounter("e-nul\\u0000id", "2024-04-05T09:00:00+02:00"))));

    assertThat(rejected.reason().code()).isEqualTo("NUL_CHARACTER");
    assertThat(rejected.position()).isEqualTo("line 42");
    assertThat(rejected.source()).isEqualTo("Encounter in line 42").doesNotContain("\u0000");
    assertThat(rejected.reason().english())
        .isEqualTo(
            "Encounter in line 42: id holds a NUL character (\\u0000), which FHIR text may not"
                + " contain");
    assertThat(rejected.reason().norwegian())
        .isEqualTo(
            "Encounter i linje 42: id inneholder et NUL-tegn (\\u0000), som FHIR-tekst ikke kan"
                + " inneholde");
  }

  @Test
  void a_raw_nul_byte_is_no_json_and_is_refused_on_its_line() {
    var line = oneLine(encounter("e-raw\u0000id", "2024-04-05T09:00:00+02:00"));

    var rejected = middle(between(line));

    assertThat(rejected.reason().code()).isEqualTo("NOT_JSON");
    assertThat(rejected.position()).isEqualTo("line 42");
    assertThat(rejected.reason().norwegian()).startsWith("Linje 42");
  }

  @Test
  void a_nul_deep_inside_a_resource_is_named_by_its_path() {
    var line =
        oneLine(
            encounter("e1", "2024-04-05T09:00:00+02:00")
                .replace("\"class\": {", "\"class\": {\"display\": \"a\\u0000b\", "));

    var rejected = middle(between(line));

    assertThat(rejected.reason().code()).isEqualTo("NUL_CHARACTER");
    assertThat(rejected.source()).isEqualTo("Encounter/e1");
    assertThat(rejected.reason().english()).contains("class.display holds a NUL character");
  }

  @ParameterizedTest
  @ValueSource(strings = {"bad id with spaces", "a/b", "é", "x", "65"})
  void an_id_outside_the_r4_pattern_is_refused(String kind) {
    var id =
        switch (kind) {
          case "x" -> "x".repeat(10_000);
          case "65" -> "a".repeat(65);
          default -> kind;
        };
    var rejected = middle(between(oneLine(encounter(id, "2024-04-05T09:00:00+02:00"))));

    assertThat(rejected.reason().code()).isEqualTo("INVALID_ID");
    assertThat(rejected.source()).isEqualTo("Encounter in line 42");
    assertThat(rejected.reason().english()).hasSizeLessThan(200);
  }

  @Test
  void an_id_of_64_characters_is_a_valid_id() {
    var delivery = between(oneLine(encounter("a".repeat(64), "2024-04-05T09:00:00+02:00")));

    assertThat(delivery.items().get(1)).isInstanceOf(Accepted.class);
  }

  @Test
  void a_string_over_one_megabyte_is_refused_and_one_of_one_megabyte_is_not() {
    var over =
        oneLine(
            encounter("e1", "2024-04-05T09:00:00+02:00")
                .replace(
                    "\"class\": {",
                    "\"class\": {\"display\": \"" + "a".repeat(1024 * 1024 + 1) + "\", "));
    var exactly =
        oneLine(
            encounter("e2", "2024-04-05T09:00:00+02:00")
                .replace(
                    "\"class\": {",
                    "\"class\": {\"display\": \"" + "a".repeat(1024 * 1024) + "\", "));

    assertThat(middle(between(over)).reason().code()).isEqualTo("STRING_TOO_LONG");
    assertThat(between(exactly).items().get(1)).isInstanceOf(Accepted.class);
  }

  @Test
  void an_identifier_longer_than_the_index_holds_is_refused() {
    var line =
        oneLine(
            encounter("e1", "2024-04-05T09:00:00+02:00")
                .replace(
                    "\"status\":",
                    "\"identifier\": [{\"system\": \"urn:x\", \"value\": \""
                        + "v".repeat(1100)
                        + "\"}], \"status\":"));

    var rejected = middle(between(line));

    assertThat(rejected.reason().code()).isEqualTo("IDENTIFIER_TOO_LONG");
    assertThat(rejected.reason().english()).contains("identifier[0]").contains("1024 bytes");
  }

  @Test
  void a_time_without_a_time_zone_is_refused_and_a_day_without_a_time_is_not() {
    var zoneless = middle(between(oneLine(encounter("e1", "2024-04-05T09:00:00"))));
    var day = between(oneLine(encounter("e2", "2024-04-05")));

    assertThat(zoneless.reason().code()).isEqualTo("DATE_WITHOUT_ZONE");
    assertThat(zoneless.reason().english())
        .contains("period.start has a time of day but no time zone");
    assertThat(day.items().get(1)).isInstanceOf(Accepted.class);
  }

  @Test
  void a_property_named_twice_in_one_object_is_refused() {
    var line =
        oneLine(encounter("e1", "2024-04-05T09:00:00+02:00"))
            .replaceFirst("\\{", "{\"id\": \"e1\", ");

    var rejected = middle(between(line));

    assertThat(rejected.reason().code()).isEqualTo("DUPLICATE_PROPERTY");
  }

  @Test
  void a_urn_fullurl_that_is_no_uuid_gives_no_key() {
    var bundle =
        "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"fullUrl\":\"urn:uuid:"
            + "z".repeat(5000)
            + "\",\"resource\":"
            + encounter("x", "2024-04-05T09:00:00+02:00").replace("\"id\": \"x\",", "")
            + "}]}";

    var delivery = reader.read(bundle.getBytes(StandardCharsets.UTF_8));

    var rejected = (Rejected) delivery.items().get(0);
    assertThat(rejected.reason().code()).isEqualTo("INVALID_FULL_URL");
    assertThat(rejected.source()).isEqualTo("Encounter in entry 1");
  }

  @Test
  void every_reason_reads_in_english_when_asked() {
    var rejected = middle(between(oneLine(encounter("a b", "2024-04-05T09:00:00+02:00"))));

    assertThat(rejected.reason().text(Locale.ENGLISH)).isEqualTo(rejected.reason().english());
    assertThat(rejected.reason().text(Locale.forLanguageTag("nb")))
        .isEqualTo(rejected.reason().norwegian())
        .isNotEqualTo(rejected.reason().english());
  }

  /** The encounter with a {@code length} whose value is the number given, as JSON. */
  private static String withLength(String id, String number) {
    return oneLine(
        encounter(id, "2024-04-05T09:00:00+02:00")
            .replace(
                "\"status\":",
                "\"length\": {\"value\": " + number + ", \"unit\": \"min\"}, \"status\":"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e1000000000", "-1E+1000000000", "1e-1000000000", "1e1000", "1e-1000"})
  void a_number_of_more_than_a_thousand_digits_written_out_is_refused_at_once(String number) {
    var rejected =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20), () -> middle(between(withLength("e1", number))));

    assertThat(rejected.reason().code()).isEqualTo("NUMBER_TOO_LONG");
    assertThat(rejected.source()).isEqualTo("Encounter/e1");
    assertThat(rejected.reason().english())
        .isEqualTo(
            "Encounter/e1: length.value is a number with more digits than Forløp reads (at most"
                + " 1000 when written out without an exponent)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999", "1e-999", "12.5", "0.000001", "15"})
  void a_number_of_at_most_a_thousand_digits_written_out_is_read(String number) {
    var delivery = between(withLength("e1", number));

    assertThat(delivery.items().get(1)).isInstanceOf(Accepted.class);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "\"code\": \"AMB\" | \"code\": 42 | class.code | a string | a number",
        "\"code\": \"AMB\" | \"code\": \"AMB\", \"display\": true | class.display | a string | true or false",
        "\"system\": \"http://terminology.hl7.org/CodeSystem/v3-ActCode\" | \"system\": {} | class.system | a string | a JSON object",
        "{\"reference\": \"Patient/p1\"} | {\"reference\": null} | subject.reference | a string | null",
        "\"period\": {\"start\" | \"period\": [{\"start\" | period | x | x"
      })
  void a_value_of_the_wrong_json_type_is_refused_not_dropped(
      String from, String to, String path, String expected, String found) {
    var resource = oneLine(encounter("e1", "2024-04-05T09:00:00+02:00"));
    var changed = resource.replace(from, to);
    if (path.equals("period")) {
      changed = changed.replace("\"}}", "\"}]}");
    }

    var rejected = middle(between(changed));

    if (path.equals("period")) {
      assertThat(rejected.reason().code()).isEqualTo("LIST_FOR_SINGLE");
      return;
    }
    assertThat(rejected.reason().code()).isEqualTo("WRONG_JSON_TYPE");
    assertThat(rejected.reason().english())
        .isEqualTo("Encounter/e1: " + path + " should be " + expected + ", not " + found);
  }

  @Test
  void a_null_in_a_list_of_complex_elements_is_refused_and_in_a_list_of_primitives_is_not() {
    var impression =
        """
        {"resourceType": "ClinicalImpression", "id": "ci1", "status": "completed",
         "subject": {"reference": "Patient/p1"}, "date": "2024-04-05",
         "finding": [null]}"""
            .replace("\n", " ");
    var patient =
        """
        {"resourceType": "Patient", "id": "p1",
         "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.1", "value": "13116900216"}],
         "name": [{"given": ["Kari", null],
                   "_given": [null, {"extension": [{"url": "http://example.org/x",
                                                    "valueString": "y"}]}]}]}"""
            .replace("\n", " ");

    var rejected = middle(between(impression));
    var accepted = between(patient);

    assertThat(rejected.reason().code()).isEqualTo("WRONG_JSON_TYPE");
    assertThat(rejected.reason().english())
        .contains("finding[0] should be a JSON object, not null");
    assertThat(accepted.items().get(1)).isInstanceOf(Accepted.class);
  }
}

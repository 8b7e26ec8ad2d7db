package no.forlop.ingest.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/** Builds FHIR JSON deliveries for tests: bundles of resources, and the fixtures under fhir/r4. */
final class FhirJson {

  static final String BASE = "https://ehr.fjordby.example/fhir/";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private FhirJson() {}

  /** A collection bundle, each resource with the absolute fullUrl of its type and id. */
  static byte[] collection(String... resources) {
    var entries =
        Arrays.stream(resources)
            .map(
                resource -> {
                  var node = JSON.readTree(resource);
                  var fullUrl =
                      BASE
                          + node.path("resourceType").asString()
                          + "/"
                          + node.path("id").asString();
                  return "{\"fullUrl\":\"" + fullUrl + "\",\"resource\":" + resource + "}";
                })
            .collect(Collectors.joining(","));
    return utf8(
        "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[" + entries + "]}");
  }

  static byte[] fixture(String name) {
    try (var in = FhirJson.class.getResourceAsStream("/fhir/r4/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture fhir/r4/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A patient with a valid invented fødselsnummer. */
  static String patient(String id, String fodselsnummer) {
    return """
        {"resourceType": "Patient", "id": "%s",
         "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.1", "value": "%s"}]}
        """
        .formatted(id, fodselsnummer);
  }

  /** A finished ambulatory encounter of patient p1 at org-hf1, with the given start. */
  static String encounter(String id, String start) {
    return """
        {"resourceType": "Encounter", "id": "%s", "status": "finished",
         "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
         "subject": {"reference": "Patient/p1"},
         "serviceProvider": {"reference": "Organization/org-hf1"},
         "period": {"start": "%s"}}
        """
        .formatted(id, start);
  }
}

package no.forlop.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import no.forlop.ingest.fhir.Delivery.Accepted;
import no.forlop.ingest.fhir.Delivery.Item;
import no.forlop.ingest.fhir.Delivery.Rejected;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every input of every acceptance scenario (shared/acceptance/scenarios, beside the repository)
 * translates: the resources its expected.json lists as rejected are rejected, every other resource
 * of a type Forløp reads is accepted, and nothing is lost.
 */
class AcceptanceScenariosTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> READ =
      Set.of(
          "Patient",
          "Organization",
          "ServiceRequest",
          "Task",
          "Encounter",
          "ImagingStudy",
          "Procedure",
          "ClinicalImpression",
          "Condition",
          "QuestionnaireResponse",
          "Medication",
          "MedicationAdministration",
          "Appointment",
          "EpisodeOfCare");

  private final FhirDeliveryReader reader = new FhirDeliveryReader();

  @TestFactory
  Stream<DynamicTest> every_scenario_translates_with_the_expected_rejections() throws IOException {
    try (var scenarios = Files.list(scenariosFolder())) {
      var tests =
          scenarios
              .filter(folder -> Files.isRegularFile(folder.resolve("expected.json")))
              .sorted()
              .map(
                  folder ->
                      DynamicTest.dynamicTest(folder.getFileName().toString(), () -> check(folder)))
              .toList();
      assertThat(tests).as("scenarios found").isNotEmpty();
      return tests.stream();
    }
  }

  @Test
  void bad_resources_are_reported_rejects_the_encounter_without_subject_and_the_impossible_date()
      throws IOException {
    var delivery =
        reader.read(
            Files.readAllBytes(
                scenariosFolder().resolve("bad-resources-are-reported/events.json")));

    assertThat(delivery.rejected())
        .map(Rejected::source)
        .containsExactly("Encounter/bad10", "Encounter/bad10b");
    assertThat(delivery.items().stream().filter(Accepted.class::isInstance))
        .map(Item::source)
        .containsExactly(
            "Patient/p10",
            "Organization/org-hf1",
            "ServiceRequest/sr10",
            "Task/t10",
            "Encounter/e10");
    assertThat(delivery.rejected().get(0).reason().english())
        .isEqualTo("Encounter/bad10 has no subject: which patient was seen?");
    assertThat(delivery.rejected().get(1).reason().english()).contains("period.start");
  }

  private void check(Path scenario) throws IOException {
    var expected = JSON.readTree(scenario.resolve("expected.json").toFile());
    var expectedRejected =
        expected.path("rejected").valueStream().map(r -> r.path("source").asString()).toList();
    var unreadable = expected.path("exitCode").asInt(0) == 2;
    var rejected = new ArrayList<String>();
    var readable = 0;
    for (var input : inputs(scenario, expected)) {
      var bytes = Files.readAllBytes(input);
      if (unreadable && !looksLikeJson(bytes)) {
        assertThatThrownBy(() -> reader.read(bytes))
            .isInstanceOf(UnreadableDeliveryException.class);
        continue;
      }
      var delivery = reader.read(bytes);
      readable++;
      var resources = resourceTypes(bytes);
      assertThat(delivery.items()).as("%s: one item per resource", input).hasSize(resources.size());
      var notRead = resources.stream().filter(type -> !READ.contains(type)).count();
      assertThat(delivery.ignored()).as("%s: ignored", input).hasSize((int) notRead);
      delivery.rejected().forEach(r -> rejected.add(r.source()));
    }
    assertThat(rejected).as("rejected").containsExactlyInAnyOrderElementsOf(expectedRejected);
    if (!unreadable) {
      assertThat(readable).as("inputs read").isPositive();
    }
  }

  private static List<Path> inputs(Path scenario, JsonNode expected) throws IOException {
    var input = expected.path("input");
    if (input.isString()) {
      return List.of(scenario.resolve(input.asString()));
    }
    if (input.isArray()) {
      return input.valueStream().map(name -> scenario.resolve(name.asString())).toList();
    }
    try (var files = Files.list(scenario)) {
      return files
          .filter(file -> file.getFileName().toString().startsWith("events"))
          .sorted()
          .toList();
    }
  }

  /** The resource types of a bundle's entries or of NDJSON lines, counted independently. */
  private static List<String> resourceTypes(byte[] bytes) {
    var text = new String(bytes, StandardCharsets.UTF_8);
    try {
      var document = JSON.readTree(text);
      if ("Bundle".equals(document.path("resourceType").asString(""))) {
        return document
            .path("entry")
            .valueStream()
            .map(entry -> entry.path("resource").path("resourceType").asString("?"))
            .toList();
      }
      return List.of(document.path("resourceType").asString("?"));
    } catch (RuntimeException notOneDocument) {
      return text.lines()
          .filter(line -> !line.isBlank())
          .map(
              line -> {
                try {
                  return JSON.readTree(line).path("resourceType").asString("?");
                } catch (RuntimeException broken) {
                  return "?";
                }
              })
          .toList();
    }
  }

  private static boolean looksLikeJson(byte[] bytes) {
    try {
      JSON.readTree(bytes);
      return true;
    } catch (RuntimeException e) {
      return new String(bytes, StandardCharsets.UTF_8).strip().startsWith("{");
    }
  }

  /** The shared acceptance scenarios ({@link no.forlop.testing.AcceptanceFolder}). */
  static Path scenariosFolder() {
    return no.forlop.testing.AcceptanceFolder.find().resolve("scenarios");
  }
}

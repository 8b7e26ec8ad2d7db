package no.forlop.ingest.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every acceptance scenario of ../shared/acceptance, each file posted to the FHIR endpoint as a
 * batch (the same bundle with type batch, and each entry a PUT of its resource), and the pathways
 * read back through the REST API: the codes of expected.json, and the bad resources answered with a
 * 4xx of their own while the good ones are stored. The scenario folder beside the project is
 * required: without it this test fails rather than skips.
 */
class FhirScenariosIT extends FhirEndpointSupport {

  static Stream<String> scenarios() throws IOException {
    try (var dirs = Files.list(scenarioRoot())) {
      return dirs
          .filter(Files::isDirectory)
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void an_acceptance_scenario_posted_as_batches_gives_the_expected_codes(String scenario)
      throws IOException {
    var dir = scenarioRoot().resolve(scenario);
    var expected = JSON.readTree(dir.resolve("expected.json").toFile());
    var answers = new ArrayList<BundleEntryComponent>();

    for (var file : inputs(dir, expected)) {
      var batch = asBatch(Files.readString(file));
      var answer = send(batch);
      assertThat(answer.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
      assertThat(answer.getEntry()).hasSize(JSON.readTree(batch).path("entry").size());
      answers.addAll(answer.getEntry());
    }

    for (var rejected : expected.path("rejected")) {
      var source = rejected.get("source").asString();
      assertThat(answers)
          .as("a 4xx answer naming %s", source)
          .anySatisfy(
              entry -> {
                assertThat(entry.getResponse().getStatus()).startsWith("4");
                var issue =
                    ((OperationOutcome) entry.getResponse().getOutcome()).getIssueFirstRep();
                inOurShape(issue);
                assertThat(issue.getDetails().getText()).contains(source);
              });
    }
    var asOf = expected.get("asOf").asString();
    for (var want : expected.path("pathways")) {
      var pathway =
          pathway(
              pathways(want.get("patient").asString(), asOf),
              want.get("pathway").asString(),
              want.get("organisation").asString());
      var codes = pathway.get("codes");
      for (var code : want.path("codes")) {
        var matching = codesNamed(codes, code.get("code").asString());
        assertThat(matching).as("%s in %s", code, codes).hasSize(1);
        if (code.has("date")) {
          assertThat(matching.get(0).get("date").asString())
              .as("%s", code)
              .isEqualTo(code.get("date").asString());
        }
        if (code.has("state")) {
          assertThat(matching.get(0).get("state").asString())
              .as("%s", code)
              .isEqualTo(code.get("state").asString());
        }
      }
      for (var mustNot : want.path("mustNot")) {
        for (var got : codesNamed(codes, mustNot.get("code").asString())) {
          if (mustNot.has("date")) {
            assertThat(got.get("date").asString())
                .as("must not: %s", mustNot)
                .isNotEqualTo(mustNot.get("date").asString());
          } else {
            throw new AssertionError("must not appear: " + mustNot + " in " + codes);
          }
        }
      }
      if (want.path("exactCodes").asBoolean(false)) {
        var allowed = new ArrayList<String>();
        want.path("codes").forEach(c -> allowed.add(c.get("code").asString()));
        assertThat(codes).allSatisfy(c -> assertThat(allowed).contains(c.get("code").asString()));
      }
    }
    for (var patient : expected.path("noPathwayFor")) {
      assertThat(pathways(patient.asString(), asOf)).as("pathways of %s", patient).isEmpty();
    }
  }

  /** The scenario's files, in order: expected.json's input (one or a list), else events.json. */
  private static List<Path> inputs(Path dir, JsonNode expected) {
    var input = expected.path("input");
    var files = new ArrayList<Path>();
    if (input.isArray()) {
      input.forEach(name -> files.add(dir.resolve(name.asString())));
    } else if (input.isString()) {
      files.add(dir.resolve(input.asString()));
    } else {
      files.add(dir.resolve("events.json"));
    }
    assertThat(files).allSatisfy(file -> assertThat(file).exists());
    return files;
  }

  /** The bundle as a batch: each entry without a request becomes a PUT of its resource. */
  private static String asBatch(String bundle) {
    var node = (ObjectNode) JSON.readTree(bundle);
    node.put("type", "batch");
    for (var entry : node.path("entry")) {
      var resource = entry.path("resource");
      if (!entry.has("request") && resource.has("resourceType") && resource.has("id")) {
        ((ObjectNode) entry)
            .putObject("request")
            .put("method", "PUT")
            .put(
                "url",
                resource.get("resourceType").asString() + "/" + resource.get("id").asString());
      }
    }
    return node.toString();
  }

  private static List<JsonNode> codesNamed(JsonNode codes, String code) {
    var found = new ArrayList<JsonNode>();
    codes.forEach(
        c -> {
          if (code.equals(c.path("code").asString())) {
            found.add(c);
          }
        });
    return found;
  }

  private static Path scenarioRoot() {
    return no.forlop.testing.AcceptanceFolder.find().resolve("scenarios");
  }
}

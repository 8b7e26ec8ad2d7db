package no.forlop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The example deployment in {@code deploy/} as the tests read it. */
record KubernetesManifests(List<JsonNode> documents) {

  private static final YAMLMapper YAML = YAMLMapper.builder().build();

  static KubernetesManifests read() {
    var documents = new ArrayList<JsonNode>();
    documents.addAll(documents("deploy/kubernetes/deployment.yaml"));
    documents.addAll(documents("deploy/kubernetes/config.yaml"));
    return new KubernetesManifests(documents);
  }

  static List<JsonNode> documents(String path) {
    try (var parser =
        YAML.createParser(Files.newBufferedReader(Dockerfile.repository().resolve(path)))) {
      var documents = new ArrayList<JsonNode>();
      YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
      return documents;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode compose() {
    return documents("deploy/compose.yaml").get(0);
  }

  JsonNode kind(String kind) {
    return documents.stream()
        .filter(document -> document.path("kind").asString().equals(kind))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in deploy/kubernetes"));
  }

  JsonNode container() {
    return kind("Deployment").path("spec").path("template").path("spec").path("containers").get(0);
  }

  /** Each probe of the Forløp container and the path it calls. */
  Map<String, String> probePaths() {
    var probes = new LinkedHashMap<String, String>();
    for (var probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      var path = container().path(probe).path("httpGet").path("path");
      if (!path.isMissingNode()) {
        probes.put(probe, path.asString());
      }
    }
    return probes;
  }

  /** The names of the environment variables the Forløp container is given. */
  List<String> environmentNames() {
    var names = new ArrayList<String>();
    container().path("env").forEach(variable -> names.add(variable.path("name").asString()));
    return names;
  }

  static Path path(String relative) {
    return Dockerfile.repository().resolve(relative);
  }
}

package no.forlop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The example deployment (deploy/) fits the image and the application: the probes call the health
 * groups the application has, on the port the image listens on; the configuration is mounted where
 * the image reads it; and every environment variable the manifests, the compose file and the
 * Dockerfile set is one the application or its entrypoint reads, and is documented in
 * docs/operations.md. ContainerStartIT calls the probes on a started image.
 */
class DeploymentManifestsTest {

  private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([A-Z][A-Z0-9_]*)` \\|");

  private final Dockerfile image = Dockerfile.read();
  private final KubernetesManifests kubernetes = KubernetesManifests.read();

  @Test
  void probesCallTheApplicationsHealthGroupsOnItsPort() throws IOException {
    assertThat(kubernetes.probePaths())
        .containsEntry("readinessProbe", "/actuator/health/readiness")
        .containsEntry("livenessProbe", "/actuator/health/liveness")
        .containsEntry("startupProbe", "/actuator/health/liveness");
    // the groups are on in the application's settings, not only when Kubernetes is detected
    var settings =
        YAMLMapper.builder()
            .build()
            .readTree(KubernetesManifests.path("app/src/main/resources/application.yml").toFile());
    assertThat(settings.at("/management/endpoint/health/probes/enabled").asBoolean()).isTrue();
    // ... and open without sign-in
    var security =
        Files.readString(
            KubernetesManifests.path(
                "app/src/main/java/no/forlop/access/SecurityConfiguration.java"));
    assertThat(security)
        .contains("\"/actuator/health/liveness\"", "\"/actuator/health/readiness\"");

    var container = kubernetes.container();
    assertThat(container.path("ports").get(0).path("containerPort").asInt())
        .isEqualTo(Integer.parseInt(image.environment().get("PORT")));
    for (var probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
      assertThat(container.path(probe).path("httpGet").path("port").asString())
          .isEqualTo(container.path("ports").get(0).path("name").asString());
    }
    assertThat(
            kubernetes
                .kind("Service")
                .path("spec")
                .path("ports")
                .get(0)
                .path("targetPort")
                .asString())
        .isEqualTo("http");
    var compose = KubernetesManifests.compose().path("services").path("forlop");
    assertThat(compose.path("ports").get(0).asString())
        .endsWith(":" + image.environment().get("PORT"));
  }

  @Test
  void theConfigurationIsMountedWhereTheImageReadsIt() {
    var configFolder = image.workdir() + "/config";
    assertThat(kubernetes.container().path("volumeMounts").get(0).path("mountPath").asString())
        .isEqualTo(configFolder);
    assertThat(
            KubernetesManifests.compose()
                .path("services")
                .path("forlop")
                .path("volumes")
                .get(0)
                .asString())
        .endsWith(":" + configFolder + ":ro");
    // the example's file is a valid settings file with users and units, and no plain passwords
    var file =
        YAMLMapper.builder()
            .build()
            .readTree(kubernetes.kind("ConfigMap").path("data").path("application.yml").asString());
    assertThat(file.at("/forlop/access/units").size()).isPositive();
    var users = file.at("/forlop/access/users");
    assertThat(users.size()).isPositive();
    users.forEach(user -> assertThat(user.path("password").asString()).startsWith("{bcrypt}"));
  }

  @Test
  void theImageRunsAsAnUnprivilegedUser() throws IOException {
    var dockerfile = Files.readString(KubernetesManifests.path("Dockerfile"));
    var user = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile);
    assertThat(user.find()).isTrue();
    assertThat(user.group(1)).doesNotStartWith("0").isNotEqualTo("root");
    assertThat(image.entrypoint()).containsExactly(image.workdir() + "/entrypoint.sh");
    assertThat(image.copies()).containsEntry("deploy/image/entrypoint.sh", "entrypoint.sh");
    assertThat(
            kubernetes
                .kind("Deployment")
                .at("/spec/template/spec/securityContext/runAsNonRoot")
                .asBoolean())
        .isTrue();
  }

  @Test
  void everyEnvironmentVariableIsReadAndDocumented() throws IOException {
    var set = new TreeSet<String>();
    set.addAll(image.environment().keySet());
    set.addAll(kubernetes.environmentNames());
    KubernetesManifests.compose()
        .path("services")
        .path("forlop")
        .path("environment")
        .propertyNames()
        .forEach(set::add);
    var documented = documented();
    assertThat(documented).containsAll(set);
    var known = known();
    for (var name : documented) {
      assertThat(known.contains(name) || isSpringBootProperty(name))
          .as(name + " is read by the entrypoint, application.yml or a Spring Boot property")
          .isTrue();
    }
    assertThat(known)
        .contains(
            "FORLOP_MAX_RAM_PERCENTAGE",
            "JAVA_OPTS",
            "PORT",
            "FORLOP_DEMO",
            "FORLOP_REPLAY_CDS",
            "FORLOP_USER",
            "FORLOP_PASSWORD");
    assertThat(isSpringBootProperty("SPRING_DATASOURCE_URL")).isTrue();
    assertThat(isSpringBootProperty("SPRING_DATASOURCE_NONSENSE")).isFalse();
  }

  /** The variables in docs/operations.md's table of environment variables. */
  private static List<String> documented() throws IOException {
    var names = new ArrayList<String>();
    for (var line : Files.readAllLines(KubernetesManifests.path("docs/operations.md"))) {
      var name = DOCUMENTED.matcher(line);
      if (name.find()) {
        names.add(name.group(1));
      }
    }
    assertThat(names).isNotEmpty();
    return names;
  }

  /**
   * The variables the entrypoint and bin/forlop read and those application.yml names as ${NAME...},
   * and those the command-line tools read from the environment (import, report, codelist: {@code
   * FORLOP_USER}, {@code FORLOP_PASSWORD}).
   */
  private static Set<String> known() throws IOException {
    var names = new HashSet<String>();
    var reference = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    for (var file :
        List.of(
            "deploy/image/entrypoint.sh", "bin/forlop", "app/src/main/resources/application.yml")) {
      var matcher = reference.matcher(Files.readString(KubernetesManifests.path(file)));
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    var read = Pattern.compile("\\.get(?:OrDefault)?\\(\"([A-Z][A-Z0-9_]*)\"");
    for (var file :
        List.of(
            "app/src/main/java/no/forlop/ingest/bulk/ImportCommand.java",
            "app/src/main/java/no/forlop/reporting/cli/ReportCommand.java",
            "app/src/main/java/no/forlop/catalog/cli/CodeListCommand.java")) {
      var matcher = read.matcher(Files.readString(KubernetesManifests.path(file)));
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  /** Whether Spring Boot's property metadata has a property this variable binds to. */
  private static boolean isSpringBootProperty(String name) throws IOException {
    var json = JsonMapper.builder().build();
    for (var url :
        Collections.list(
            DeploymentManifestsTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
      JsonNode metadata;
      try (var in = url.openStream()) {
        metadata = json.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      for (var property : metadata.path("properties")) {
        var variable =
            property
                .path("name")
                .asString()
                .replace("-", "")
                .replace('.', '_')
                .toUpperCase(Locale.ROOT);
        if (variable.equals(name)) {
          return true;
        }
      }
    }
    return false;
  }
}

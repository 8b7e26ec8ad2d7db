package no.forlop.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.forlop.testing.ForlopProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The container image, without Docker (no base image can be pulled where the tests run; ADR 0041):
 * the built jar is unpacked by the Dockerfile's build-stage command and script, laid out in one
 * folder as the final stage's COPY lines lay it out in {@code /app}, and started with exactly the
 * Dockerfile's ENTRYPOINT and ENV, plus what an operator adds at run time: the port, and the users
 * and units in a mounted {@code config/application.yml}. It is ready by the Kubernetes manifest's
 * own probe paths, without signing in, takes the mounted file's user and no demo user, keeps the
 * embedded database in the image's volume, and stops on SIGTERM as a container is stopped.
 */
class ContainerStartIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path folder;

  @Test
  void theImagesLayersStartWithTheImagesCommandAndEnvironment() throws Exception {
    var image = Dockerfile.read();
    var repository = Dockerfile.repository();

    // the build stage: COPY app/target/forlop-exec.jar forlop.jar, COPY ... extract.sh, RUN
    var build = Files.createDirectories(folder.resolve("build"));
    Files.copy(ForlopProcess.jar(), build.resolve("forlop.jar"));
    Files.copy(repository.resolve("deploy/image/extract.sh"), build.resolve("extract.sh"));
    assertThat(image.buildCommand()).isEqualTo("sh extract.sh forlop.jar extracted");
    run(build, image.buildCommand().split(" "));

    // the final stage: the layers in the Dockerfile's order, then its own files, in WORKDIR
    assertThat(image.layers())
        .containsExactly(
            "dependencies", "spring-boot-loader", "snapshot-dependencies", "application");
    var app = Files.createDirectories(folder.resolve("app"));
    for (var layer : image.layers()) {
      copyTree(build.resolve("extracted").resolve(layer), app);
    }
    for (var copy : image.copies().entrySet()) {
      Files.copy(
          repository.resolve(copy.getKey()),
          app.resolve(copy.getValue()),
          StandardCopyOption.COPY_ATTRIBUTES);
    }
    assertThat(app.resolve("org/springframework/boot/loader/launch/JarLauncher.class"))
        .isRegularFile();
    assertThat(app.resolve("BOOT-INF/lib")).isDirectory();

    // without a mounted users file the image refuses to start (it would run with the demo users)
    var port = freePort();
    var refused = container(image, app, port, folder.resolve("refused.log")).start();
    assertThat(refused.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(refused.exitValue()).isEqualTo(64);
    assertThat(Files.readString(folder.resolve("refused.log")))
        .contains("no users file")
        .contains("FORLOP_DEMO_USERS=true");

    // the operator's mounted file: a unit and a user of its own, with a bcrypt password
    var config = Files.createDirectories(app.resolve("config"));
    var password = "drift-" + System.nanoTime();
    Files.writeString(
        config.resolve("application.yml"),
        """
        forlop:
          access:
            units:
              - id: "974000001"
                name: "Testby sykehus HF"
            users:
              - username: drift
                password: "{bcrypt}%s"
                name: "Drift"
                roles: [LEADER]
                units: ["974000001"]
        """
            .formatted(new BCryptPasswordEncoder().encode(password)),
        StandardCharsets.UTF_8);

    var log = folder.resolve("forlop.log");
    var process = container(image, app, port, log);
    var forlop = process.start();
    try {
      var probes = KubernetesManifests.read().probePaths();
      assertThat(probes).containsOnlyKeys("readinessProbe", "livenessProbe", "startupProbe");
      awaitReady(forlop, port, probes.get("readinessProbe"), log);
      for (var path : probes.values()) {
        var answer = get(port, path, null);
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        assertThat(answer.body()).as(path).contains("\"status\":\"UP\"");
      }
      // the container's settings reached the JVM: the entrypoint's, not a plain java -jar
      assertThat(forlop.info().commandLine().orElse(""))
          .contains("-XX:MaxRAMPercentage=" + image.environment().get("FORLOP_MAX_RAM_PERCENTAGE"))
          .contains("-XX:+ExitOnOutOfMemoryError")
          .contains("org.springframework.boot.loader.launch.JarLauncher");
      // users and units come from the mounted file, which replaces the demo users
      assertThat(get(port, "/api/v1/entry-criteria", "drift:" + password).statusCode())
          .isEqualTo(200);
      assertThat(get(port, "/api/v1/entry-criteria", "kari:demo").statusCode()).isEqualTo(401);
      assertThat(get(port, "/api/v1/entry-criteria", "drift:wrong").statusCode()).isEqualTo(401);
      // without the demo hospital (FORLOP_DEMO=false), its data in the image's volume
      assertThat(image.environment()).containsEntry("FORLOP_DEMO", "false");
      assertThat(app.resolve("data/postgres/PG_VERSION")).isRegularFile();
    } finally {
      forlop.destroy(); // SIGTERM, as docker stop and Kubernetes send it
      var stopped = forlop.waitFor(60, TimeUnit.SECONDS);
      if (!stopped) {
        forlop.destroyForcibly();
      }
      assertThat(stopped).as("stops on SIGTERM within a minute").isTrue();
    }
    assertThat(Files.readString(log)).contains("Forløp is running at http://localhost:" + port);
    // a normal stop: the embedded PostgreSQL was stopped with it
    assertThat(app.resolve("data/postgres/postmaster.pid")).doesNotExist();
  }

  /**
   * The image's ENTRYPOINT (its {@code /app} this folder) with the image's ENV only, and the port.
   */
  private static ProcessBuilder container(Dockerfile image, Path app, int port, Path log) {
    var command = new ArrayList<String>();
    for (var part : image.entrypoint()) {
      command.add(
          part.startsWith(image.workdir() + "/")
              ? app.resolve(part.substring(image.workdir().length() + 1)).toString()
              : part);
    }
    var process = new ProcessBuilder(command).directory(app.toFile());
    var environment = process.environment();
    environment.clear();
    // the image's java is on its PATH; here, the JDK that runs the tests
    environment.put(
        "PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/local/bin:/usr/bin:/bin");
    environment.putAll(image.environment());
    environment.put("PORT", Integer.toString(port)); // docker run -e PORT=..., here a free port
    return process.redirectErrorStream(true).redirectOutput(log.toFile());
  }

  private static void awaitReady(Process forlop, int port, String path, Path log)
      throws IOException, InterruptedException {
    var deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
    while (System.nanoTime() < deadline) {
      if (!forlop.isAlive()) {
        throw new AssertionError("Forløp ended:\n" + tail(log));
      }
      try {
        if (get(port, path, null).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("not ready in time:\n" + tail(log));
  }

  private static HttpResponse<String> get(int port, String path, String credentials)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(10));
    if (credentials != null) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void run(Path directory, String... command)
      throws IOException, InterruptedException {
    var process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (var file : (Iterable<Path>) files::iterator) {
        var target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package no.forlop.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.forlop.testing.AcceptanceFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the acceptance scenarios of ../shared/acceptance, and the project's own scenarios of the
 * same kind (app/src/test/resources/acceptance), through {@code bin/forlop replay} (the packaged
 * jar), exactly as the contract describes, and fails if one fails. The shared scenario folder
 * beside the project is required: without it this test fails rather than skips, saying where it
 * looked and how to name another folder ({@code -Dforlop.acceptance.dir=...} or {@code
 * FORLOP_ACCEPTANCE_DIR}; see {@link AcceptanceFolder}).
 *
 * <p>The contract's own {@code run-all.sh} runs every scenario, unchanged; to use both cores the
 * scenarios are dealt out to {@value #DEFAULT_SHARDS} folders of links (scenario names in order, in
 * turn), and one {@code run-all.sh} runs each folder at the same time ({@code
 * -Dforlop.acceptance.shards=1}: one after another, as before; ADR 0033).
 */
class AcceptanceIT {

  static final int DEFAULT_SHARDS = 2;

  @TempDir Path shards;

  @Test
  void every_shared_acceptance_scenario_passes() throws Exception {
    run(null);
  }

  @Test
  void every_scenario_of_the_projects_own_passes() throws Exception {
    run("app/src/test/resources/acceptance");
  }

  private void run(String scenarios) throws Exception {
    var root = Path.of("").toAbsolutePath();
    if (!Files.exists(root.resolve("bin/forlop"))) {
      root = root.getParent();
    }
    var acceptance = AcceptanceFolder.find(root, System::getProperty, System::getenv);
    var script = acceptance.resolve("run-all.sh");
    assertThat(root.resolve("app/target/forlop-exec.jar")).as("the packaged jar").exists();
    var folder =
        scenarios == null
            ? acceptance.resolve("scenarios")
            : root.resolve(scenarios).toAbsolutePath();

    var folders = deal(folder, Integer.getInteger("forlop.acceptance.shards", DEFAULT_SHARDS));
    var readers = Executors.newFixedThreadPool(folders.size());
    try {
      var runs = new ArrayList<Future<List<String>>>();
      for (var shard : folders) {
        var command = List.of("bash", script.toString(), shard.toString());
        var process =
            new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        runs.add(readers.submit(() -> lines(process)));
      }
      var passed = 0;
      for (var run : runs) {
        var lines = run.get(30, TimeUnit.MINUTES);
        assertThat(lines).last().asString().startsWith("acceptance: ").endsWith(" 0 failed");
        passed += Integer.parseInt(lines.get(lines.size() - 1).split(" ")[1]);
      }
      assertThat(passed).as("scenarios passed").isEqualTo(scenarios(folder).size());
    } finally {
      readers.shutdownNow();
      unlink(folders);
    }
  }

  /**
   * The scenarios of a folder dealt out to {@code count} folders of links (one folder: the folder
   * itself).
   */
  private List<Path> deal(Path folder, int count) throws IOException {
    if (count <= 1) {
      return List.of(folder);
    }
    var shardFolders = new ArrayList<Path>();
    for (int i = 0; i < count; i++) {
      shardFolders.add(Files.createDirectory(shards.resolve(folder.getFileName() + "-" + i)));
    }
    var names = scenarios(folder);
    for (int i = 0; i < names.size(); i++) {
      var scenario = names.get(i);
      Files.createSymbolicLink(
          shardFolders.get(i % count).resolve(scenario.getFileName()), scenario);
    }
    return shardFolders;
  }

  /** Removes the links (JUnit warns about each link it finds when it cleans up). */
  private void unlink(List<Path> folders) throws IOException {
    for (var folder : folders) {
      if (!folder.startsWith(shards)) {
        continue;
      }
      try (Stream<Path> links = Files.list(folder)) {
        for (var link : links.filter(Files::isSymbolicLink).toList()) {
          Files.delete(link);
        }
      }
    }
  }

  private static List<Path> scenarios(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.filter(s -> Files.isRegularFile(s.resolve("expected.json"))).sorted().toList();
    }
  }

  /** The output of one run-all.sh, printed as it comes, and its exit code checked. */
  private static List<String> lines(Process process) {
    var lines = new ArrayList<String>();
    try (var out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        System.out.println(line);
        lines.add(line);
      }
      assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
    return lines;
  }
}

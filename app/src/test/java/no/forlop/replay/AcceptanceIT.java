package no.forlop.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import no.forlop.testing.AcceptanceFolder;
import org.junit.jupiter.api.Test;

/**
 * Runs the acceptance scenarios of ../shared/acceptance, and the project's own scenarios of the
 * same kind (app/src/test/resources/acceptance), through {@code bin/forlop replay} (the packaged
 * jar), exactly as the contract describes, and fails if one fails. The shared scenario folder
 * beside the project is required: without it this test fails rather than skips, saying where it
 * looked and how to name another folder ({@code -Dforlop.acceptance.dir=...} or {@code
 * FORLOP_ACCEPTANCE_DIR}; see {@link AcceptanceFolder}).
 */
class AcceptanceIT {

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
    var script =
        AcceptanceFolder.find(root, System::getProperty, System::getenv).resolve("run-all.sh");
    assertThat(root.resolve("app/target/forlop-exec.jar")).as("the packaged jar").exists();

    var command = new ArrayList<String>(java.util.List.of("bash", script.toString()));
    if (scenarios != null) {
      command.add(root.resolve(scenarios).toString());
    }
    var process =
        new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
    var lines = new ArrayList<String>();
    try (var out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        System.out.println(line);
        lines.add(line);
      }
    }
    assertThat(process.waitFor(30, TimeUnit.MINUTES)).isTrue();

    assertThat(lines).last().asString().startsWith("acceptance: ").endsWith(" 0 failed");
    assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
  }
}

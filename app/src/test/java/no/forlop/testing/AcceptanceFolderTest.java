package no.forlop.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance tests find the shared scenarios, or say where they looked and what to do. */
class AcceptanceFolderTest {

  private static final UnaryOperator<String> NOTHING_SET = name -> null;

  @TempDir Path dir;

  private static UnaryOperator<String> only(String name, String value) {
    return Map.of(name, value)::get;
  }

  /** An acceptance folder: the runner and the scenarios. */
  private Path acceptanceFolder(Path folder) throws IOException {
    Files.createDirectories(folder.resolve("scenarios"));
    Files.writeString(folder.resolve("run-all.sh"), "#!/usr/bin/env bash\n");
    return folder;
  }

  @Test
  void the_scenarios_beside_the_project_are_found_without_any_setting() throws IOException {
    var project = Files.createDirectories(dir.resolve("forlop"));
    var folder = acceptanceFolder(dir.resolve("shared/acceptance"));

    assertThat(AcceptanceFolder.find(project, NOTHING_SET, NOTHING_SET)).isEqualTo(folder);
  }

  @Test
  void missing_scenarios_fail_saying_where_they_were_looked_for_and_how_to_name_them() {
    var project = dir.resolve("forlop");

    assertThatThrownBy(() -> AcceptanceFolder.find(project, NOTHING_SET, NOTHING_SET))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("in " + dir.resolve("shared/acceptance") + " (the default")
        .hasMessageContaining("-Dforlop.acceptance.dir=")
        .hasMessageContaining("FORLOP_ACCEPTANCE_DIR")
        .hasMessageContaining("does not skip");
  }

  @Test
  void a_folder_with_the_runner_but_no_scenarios_is_not_taken() throws IOException {
    var project = Files.createDirectories(dir.resolve("forlop"));
    Files.createDirectories(dir.resolve("shared/acceptance"));
    Files.writeString(dir.resolve("shared/acceptance/run-all.sh"), "");

    assertThatThrownBy(() -> AcceptanceFolder.find(project, NOTHING_SET, NOTHING_SET))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("no run-all.sh and scenarios/");
  }

  @Test
  void the_system_property_names_another_folder_and_wins_over_the_environment() throws IOException {
    var folder = acceptanceFolder(dir.resolve("elsewhere"));

    var found =
        AcceptanceFolder.find(
            dir.resolve("forlop"),
            only(AcceptanceFolder.PROPERTY, folder.toString()),
            only(AcceptanceFolder.VARIABLE, dir.resolve("nowhere").toString()));

    assertThat(found).isEqualTo(folder);
  }

  @Test
  void the_environment_variable_names_another_folder_when_the_property_is_not_set()
      throws IOException {
    var folder = acceptanceFolder(dir.resolve("elsewhere"));

    var found =
        AcceptanceFolder.find(
            dir.resolve("forlop"), NOTHING_SET, only(AcceptanceFolder.VARIABLE, "../elsewhere"));

    assertThat(found).isEqualTo(folder);
  }

  @Test
  void a_named_folder_without_the_scenarios_fails_naming_the_setting_that_chose_it() {
    var named = dir.resolve("typo");

    assertThatThrownBy(
            () ->
                AcceptanceFolder.find(
                    dir.resolve("forlop"),
                    only(AcceptanceFolder.PROPERTY, named.toString()),
                    NOTHING_SET))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("in " + named + " (named by the system property")
        .hasMessageContaining("forlop.acceptance.dir");
  }
}

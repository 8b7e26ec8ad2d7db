package no.forlop.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Where the shared acceptance material is ({@code run-all.sh}, {@code check.py}, {@code
 * scenarios/}): the folder {@code ../shared/acceptance} beside the project, or the folder named by
 * the system property {@value #PROPERTY} or else the environment variable {@value #VARIABLE}
 * (relative to the project root, or absolute). CI must run the scenarios, so a folder that is not
 * there fails the test that needs it with a message saying where it looked and how to name another
 * folder, rather than skipping it or failing on a missing file.
 */
public final class AcceptanceFolder {

  /** The system property naming the folder: {@code ./mvnw verify -Dforlop.acceptance.dir=...}. */
  public static final String PROPERTY = "forlop.acceptance.dir";

  /** The environment variable naming the folder, when the property is not set. */
  public static final String VARIABLE = "FORLOP_ACCEPTANCE_DIR";

  /** Where the folder is unless the property or the variable says otherwise. */
  public static final String BESIDE_THE_PROJECT = "../shared/acceptance";

  private AcceptanceFolder() {}

  /** The project's root folder: the working folder, or its parent when tests run in {@code app}. */
  public static Path projectRoot() {
    var root = Path.of("").toAbsolutePath();
    return Files.exists(root.resolve("bin/forlop")) ? root : root.getParent();
  }

  /** The acceptance folder of this run (system property, environment, or beside the project). */
  public static Path find() {
    return find(projectRoot(), System::getProperty, System::getenv);
  }

  /**
   * The acceptance folder.
   *
   * @param projectRoot the project's root folder, which a relative folder is read from
   * @param properties the system properties
   * @param environment the environment variables
   * @throws AssertionError saying where it looked and how to name another folder, if there is no
   *     {@code run-all.sh} and {@code scenarios} folder there
   */
  public static Path find(
      Path projectRoot, UnaryOperator<String> properties, UnaryOperator<String> environment) {
    var property = blankAsNull(properties.apply(PROPERTY));
    var variable = blankAsNull(environment.apply(VARIABLE));
    String named;
    String by;
    if (property != null) {
      named = property;
      by = "named by the system property " + PROPERTY;
    } else if (variable != null) {
      named = variable;
      by = "named by the environment variable " + VARIABLE;
    } else {
      named = BESIDE_THE_PROJECT;
      by = "the default, " + BESIDE_THE_PROJECT + " from the project root " + projectRoot;
    }
    var folder = projectRoot.resolve(named).toAbsolutePath().normalize();
    if (!Files.isRegularFile(folder.resolve("run-all.sh"))
        || !Files.isDirectory(folder.resolve("scenarios"))) {
      throw new AssertionError(
          "The shared acceptance scenarios were not found: no run-all.sh and scenarios/ in "
              + folder
              + " ("
              + by
              + "). Put the shared folder beside the project (so that "
              + BESIDE_THE_PROJECT
              + " is it), or name it with -D"
              + PROPERTY
              + "=/path/to/acceptance on the Maven command line or the environment variable "
              + VARIABLE
              + ". The test does not skip without them: CI must run the scenarios.");
    }
    return folder;
  }

  private static @Nullable String blankAsNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

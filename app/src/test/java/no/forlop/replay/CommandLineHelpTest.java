package no.forlop.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/forlop help} is complete and the documentation names only options the commands take
 * (issue 16): every option a command's code parses appears in that command's part of the help, and
 * every {@code bin/forlop <command> --option} in the README and docs is one the command parses.
 */
class CommandLineHelpTest {

  /** The repository, seen from the module the tests run in. */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** Each command and the source that reads its command line. */
  private static final Map<String, Path> COMMANDS = new LinkedHashMap<>();

  static {
    var main = ROOT.resolve("app/src/main/java/no/forlop");
    COMMANDS.put("replay", main.resolve("replay/Replay.java"));
    COMMANDS.put("import", main.resolve("ingest/bulk/ImportCommand.java"));
    COMMANDS.put("report", main.resolve("reporting/cli/ReportCommand.java"));
    COMMANDS.put("codelist", main.resolve("catalog/cli/CodeListCommand.java"));
  }

  /** An option as the code compares it: {@code "--name"} or {@code "--name="}. */
  private static final Pattern PARSED = Pattern.compile("\"(--[a-z][a-z-]*)=?\"");

  private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--[a-z][a-z-]*");

  /** The options the code of a command compares its arguments with (help aside). */
  static TreeSet<String> parsedOptions(String command) throws IOException {
    var options = new TreeSet<String>();
    var matcher = PARSED.matcher(Files.readString(COMMANDS.get(command)));
    while (matcher.find()) {
      options.add(matcher.group(1));
    }
    options.remove("--help");
    return options;
  }

  /** What {@code bin/forlop help} prints, run as a user runs it. */
  static String help() throws IOException, InterruptedException {
    var process =
        new ProcessBuilder("bash", ROOT.resolve("bin/forlop").toString(), "help")
            .redirectErrorStream(true)
            .start();
    var text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(text).isZero();
    return text;
  }

  /** The help's lines about one command: its usage line and the indented lines after it. */
  static String helpOf(String help, String command) {
    var part = new StringBuilder();
    boolean in = false;
    for (var line : help.lines().toList()) {
      var stripped = line.strip();
      if (stripped.startsWith("bin/forlop ")) {
        in = stripped.startsWith("bin/forlop " + command + " ");
      } else if (!line.startsWith(" ")) {
        // the notes after the usage lines name options too
        in = in || line.contains(command);
      }
      if (in) {
        part.append(line).append('\n');
      }
    }
    return part.toString();
  }

  @Test
  void every_option_a_command_parses_is_in_its_part_of_the_help() throws Exception {
    var help = help();
    for (var command : COMMANDS.keySet()) {
      var options = parsedOptions(command);
      assertThat(options).as(command).isNotEmpty();
      var part = helpOf(help, command);
      assertThat(part).as("help of " + command).contains("bin/forlop " + command);
      for (var option : options) {
        assertThat(part)
            .as("bin/forlop help, " + command)
            .containsPattern(Pattern.quote(option) + "(?![a-z-])");
      }
    }
    // the options the issue found missing
    assertThat(helpOf(help, "replay")).contains("--compare");
    assertThat(helpOf(help, "report")).contains("--age-band", "--sex", "--lang");
  }

  @Test
  void the_docs_name_only_options_the_commands_take() throws Exception {
    var problems = new ArrayList<String>();
    var usage = Pattern.compile("bin/forlop (replay|import|report|codelist)\\b([^`]*)`");
    for (var file : documents()) {
      var text = Files.readString(file);
      var matcher = usage.matcher(text);
      while (matcher.find()) {
        var command = matcher.group(1);
        var parsed = parsedOptions(command);
        var options = OPTION.matcher(matcher.group(2));
        while (options.find()) {
          if (!parsed.contains(options.group()) && !options.group().equals("--help")) {
            problems.add(ROOT.relativize(file) + ": bin/forlop " + command + " " + options.group());
          }
        }
      }
    }
    assertThat(problems).as("options the docs name that the command does not take").isEmpty();
  }

  @Test
  void the_help_of_the_launcher_names_every_command_it_runs() throws Exception {
    var help = help();
    for (var command : List.of("serve", "replay", "import", "report", "codelist", "help")) {
      assertThat(help).contains("bin/forlop " + (command.equals("serve") ? "[serve]" : command));
    }
  }

  /** The README, CONTRIBUTING and every Markdown file under docs/ (ADRs included). */
  static List<Path> documents() throws IOException {
    var files = new ArrayList<Path>();
    files.add(ROOT.resolve("README.md"));
    files.add(ROOT.resolve("CONTRIBUTING.md"));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }
}

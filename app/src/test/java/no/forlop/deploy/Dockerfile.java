package no.forlop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's {@code Dockerfile} as the tests read it: its final stage's working folder,
 * environment, the layers it copies from the build stage (in order) and its entry point. Only the
 * instructions the Dockerfile uses are understood; anything else in the final stage fails the
 * parse, so the tests never silently start something the image would not.
 */
record Dockerfile(
    String buildCommand,
    String workdir,
    Map<String, String> environment,
    List<String> layers,
    Map<String, String> copies,
    List<String> entrypoint) {

  private static final Pattern LAYER =
      Pattern.compile("--from=build /build/extracted/([a-z-]+)/ \\./");

  static Path repository() {
    var here = Path.of("").toAbsolutePath();
    return Files.isRegularFile(here.resolve("Dockerfile")) ? here : here.getParent();
  }

  static Dockerfile read() {
    try {
      return parse(Files.readAllLines(repository().resolve("Dockerfile")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Dockerfile parse(List<String> lines) {
    // joined continuation lines, without comments
    var instructions = new ArrayList<String>();
    var current = new StringBuilder();
    for (var line : lines) {
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      current.append(line.strip());
      if (line.endsWith("\\")) {
        current.setLength(current.length() - 1);
        current.append(' ');
      } else {
        instructions.add(current.toString());
        current.setLength(0);
      }
    }
    var stages = 0;
    String buildCommand = null;
    String workdir = null;
    var environment = new LinkedHashMap<String, String>();
    var layers = new ArrayList<String>();
    var copies = new LinkedHashMap<String, String>();
    List<String> entrypoint = null;
    for (var instruction : instructions) {
      var parts = instruction.split("\\s+", 2);
      var keyword = parts[0];
      var argument = parts.length > 1 ? parts[1] : "";
      if (keyword.equals("FROM")) {
        stages++;
        continue;
      }
      if (stages == 1) {
        if (keyword.equals("RUN")) {
          buildCommand = argument;
        }
        continue;
      }
      switch (keyword) {
        case "WORKDIR" -> workdir = argument;
        case "ENV" -> {
          var pair = argument.split("=", 2);
          environment.put(pair[0], pair[1]);
        }
        case "COPY" -> {
          var layer = LAYER.matcher(argument);
          if (layer.matches()) {
            layers.add(layer.group(1));
          } else if (argument.startsWith("--")) {
            throw new IllegalArgumentException("a COPY the test does not know: " + instruction);
          } else {
            var fromTo = argument.split("\\s+");
            copies.put(fromTo[0], fromTo[1]);
          }
        }
        case "ENTRYPOINT" ->
            entrypoint = List.of(JsonMapper.builder().build().readValue(argument, String[].class));
        case "RUN", "USER", "EXPOSE", "VOLUME" -> {
          // the user, the folders and the port: what a container has around the process
        }
        default ->
            throw new IllegalArgumentException("an instruction the test does not know: " + keyword);
      }
    }
    if (stages != 2 || buildCommand == null || workdir == null || entrypoint == null) {
      throw new IllegalArgumentException("not the two-stage Dockerfile the test knows");
    }
    return new Dockerfile(buildCommand, workdir, environment, layers, copies, entrypoint);
  }
}

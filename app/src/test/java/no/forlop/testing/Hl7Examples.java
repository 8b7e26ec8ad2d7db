package no.forlop.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official HL7 FHIR R4 examples vendored under {@code hl7-r4-examples/} (npm package {@code
 * hl7.fhir.r4.examples} 4.0.1, CC0, unmodified), each with what Forløp must do with it, as written
 * in {@code expected.csv} from reading the example against the reader's rules.
 */
public final class Hl7Examples {

  /** The folder on the test class path. */
  public static final String FOLDER = "/hl7-r4-examples/";

  /** The mark of rows that depend on intake behaviour being built on the {@code shapes} branch. */
  public static final String SHAPES = "shapes";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern LINE_BREAK = Pattern.compile("\r?\n|\r");

  private Hl7Examples() {}

  /** What Forløp does with a resource. */
  public enum Outcome {
    STORED,
    IGNORED,
    REJECTED
  }

  /**
   * One vendored example and what Forløp must do with it.
   *
   * @param status the HTTP status of {@code PUT /fhir/{type}/{id}} (and of its batch entry)
   * @param reason the stable reason code when not stored, else empty
   * @param since {@code shapes} when the row depends on behaviour not merged yet, else empty
   * @param text what the English reason must contain (may be empty)
   * @param body the file's bytes as published
   */
  public record Example(
      String file,
      String type,
      String id,
      int status,
      Outcome outcome,
      String reason,
      String since,
      String text,
      String why,
      byte[] body) {

    /** {@code Type/id}, the key of the fact when it is stored. */
    public String key() {
      return type + "/" + id;
    }

    /** Whether the row waits for the {@code shapes} branch. */
    public boolean pending() {
      return SHAPES.equals(since);
    }

    /**
     * The example as one NDJSON line: its line breaks made spaces. A JSON string cannot hold a raw
     * line break, so only whitespace between tokens changes.
     */
    public String ndjsonLine() {
      return LINE_BREAK.matcher(new String(body, StandardCharsets.UTF_8)).replaceAll(" ");
    }

    /** What is expected, for messages: {@code 400 REJECTED MISSING_ELEMENT}. */
    public String expected() {
      return (status + " " + outcome + " " + reason).strip();
    }

    @Override
    public String toString() {
      return file;
    }
  }

  /** Every example, in the order of {@code expected.csv} (by file name). */
  public static List<Example> all() {
    var examples = new ArrayList<Example>();
    var lines = read("expected.csv").lines().toList();
    if (!lines.get(0).equals("file,status,outcome,reason,since,text,why")) {
      throw new IllegalStateException("expected.csv has another header: " + lines.get(0));
    }
    for (var line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      var cells = line.split(",", 7);
      if (cells.length != 7) {
        throw new IllegalStateException("expected.csv: not 7 cells in " + line);
      }
      var body = bytes(cells[0]);
      var resource = JSON.readTree(body);
      examples.add(
          new Example(
              cells[0],
              resource.path("resourceType").asString(),
              resource.path("id").asString(),
              Integer.parseInt(cells[1]),
              Outcome.valueOf(cells[2].toUpperCase(Locale.ROOT)),
              cells[3],
              cells[4],
              cells[5],
              cells[6],
              body));
    }
    return examples;
  }

  /** A file of the folder, as text. */
  public static String read(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** A file of the folder, byte for byte. */
  public static byte[] bytes(String name) {
    try (InputStream in = Hl7Examples.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no " + FOLDER + name + " on the class path");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

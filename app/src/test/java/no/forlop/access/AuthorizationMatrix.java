package no.forlop.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The authorization matrix of {@code security/authorization-matrix.md}: one row per route and
 * scope, one column per role, each cell the answer expected. Rows are read from the markdown table;
 * the rest of the file is documentation.
 */
record AuthorizationMatrix(List<Row> rows) {

  /** The roles of the columns, in order; {@code anonymous} sends no credentials. */
  static final List<String> ROLES =
      List.of(
          "anonymous", "COORDINATOR", "CLINICIAN", "LEADER", "ADMINISTRATOR", "INTEGRATION", "GP");

  static final String RESOURCE = "/security/authorization-matrix.md";

  private static final String HEADER =
      "| method | route | scope | call | body | " + String.join(" | ", ROLES) + " |";

  /**
   * One row: a route (method and pattern as the application declares it), the scope of the call
   * ({@code -}: no unit or patient; {@code own}: the unit of the role's demo user; {@code other}: a
   * unit of no demo user; {@code unknown}: a patient Forløp does not know), the call (path with
   * placeholders) and its body, and the answer expected per role.
   */
  record Row(
      int line,
      String method,
      String route,
      String scope,
      String call,
      String body,
      Map<String, String> expected) {

    String key() {
      return method + " " + route;
    }
  }

  static AuthorizationMatrix read() {
    try (var in = AuthorizationMatrix.class.getResourceAsStream(RESOURCE)) {
      Objects.requireNonNull(in, RESOURCE);
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static AuthorizationMatrix parse(String text) {
    var rows = new ArrayList<Row>();
    var lines = text.split("\n", -1);
    boolean inTable = false;
    for (int i = 0; i < lines.length; i++) {
      var line = lines[i].strip();
      if (!line.startsWith("|")) {
        inTable = false;
        continue;
      }
      var cells = cells(line);
      if (cells.get(0).equals("method")) {
        if (!line.replaceAll("\\s+", " ").equals(HEADER)) {
          throw new IllegalArgumentException(
              "line " + (i + 1) + ": the table's header must be " + HEADER);
        }
        inTable = true;
        continue;
      }
      if (!inTable || cells.get(0).startsWith("-")) {
        continue;
      }
      if (cells.size() != 5 + ROLES.size()) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": " + cells.size() + " cells, expected " + (5 + ROLES.size()));
      }
      var expected = new java.util.LinkedHashMap<String, String>();
      for (int r = 0; r < ROLES.size(); r++) {
        expected.put(ROLES.get(r), cells.get(5 + r));
      }
      rows.add(
          new Row(
              i + 1,
              cells.get(0),
              cells.get(1).replace("`", ""),
              cells.get(2),
              cells.get(3).replace("`", ""),
              cells.get(4).replace("`", ""),
              expected));
    }
    return new AuthorizationMatrix(List.copyOf(rows));
  }

  private static List<String> cells(String line) {
    var inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
  }

  Set<String> keys() {
    return rows.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
  }

  /** Rows to paste into the table for routes it lacks: the answers are left as {@code ?}. */
  static String missingRows(Collection<String> keys) {
    return keys.stream()
        .sorted()
        .map(
            key -> {
              var method = key.substring(0, key.indexOf(' '));
              var route = key.substring(key.indexOf(' ') + 1);
              return "| "
                  + method
                  + " | `"
                  + route
                  + "` | ? | `"
                  + route
                  + "` | - | "
                  + String.join(" | ", ROLES.stream().map(r -> "?").toList())
                  + " |";
            })
        .collect(Collectors.joining("\n"));
  }
}

package no.forlop.reporting.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes tables as CSV the way Excel in Norway opens it: UTF-8 with a byte-order mark, {@code ;}
 * between cells, CRLF line ends. The title and filters come first, then each table with its title
 * and header, a blank line between.
 */
public final class CsvTables {

  private CsvTables() {}

  public static byte[] write(Tables tables) {
    var csv = new StringBuilder("\uFEFF");
    line(csv, List.of(tables.title()));
    tables.filters().forEach(f -> line(csv, f));
    for (var table : tables.tables()) {
      csv.append("\r\n");
      line(csv, List.of(table.title()));
      line(csv, table.header());
      table.rows().forEach(r -> line(csv, r));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder csv, List<String> cells) {
    csv.append(String.join(";", cells.stream().map(CsvTables::cell).toList())).append("\r\n");
  }

  static String cell(String value) {
    var needsQuotes =
        value.contains(";") || value.contains("\"") || value.contains("\n") || value.contains("\r");
    var escaped = value.replace("\"", "\"\"");
    return needsQuotes ? "\"" + escaped + "\"" : escaped;
  }
}

package no.forlop.reporting.export;

import java.util.List;

/**
 * A table ready to be written: an id (for a file or sheet name), a title, the column headers and
 * the rows, all cells as text in the reader's language ("<3" for a suppressed count).
 */
public record Table(String id, String title, List<String> header, List<List<String>> rows) {

  public Table {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
  }
}

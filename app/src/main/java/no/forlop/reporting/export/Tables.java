package no.forlop.reporting.export;

import java.util.List;

/**
 * Tables to write to one file, with the filters they were made with written first (label and value
 * per line), so the file says what it shows.
 */
public record Tables(String title, List<List<String>> filters, List<Table> tables) {

  public Tables {
    filters = filters.stream().map(List::copyOf).toList();
    tables = List.copyOf(tables);
  }

  /** Only the table with this id (or all, if no table has it). */
  public Tables only(String id) {
    var one = tables.stream().filter(t -> t.id().equals(id)).toList();
    return one.isEmpty() ? this : new Tables(title, filters, one);
  }
}

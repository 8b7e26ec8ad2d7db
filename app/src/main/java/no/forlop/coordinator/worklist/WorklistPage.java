package no.forlop.coordinator.worklist;

import java.util.List;
import java.util.Map;

/**
 * A page of the worklist: its rows, how many pathways match the filters in its view, how many of
 * those are red, amber, green or without a deadline, and how many match in each view.
 *
 * @param needAction how many matching pathways need action (the default view)
 * @param allOpen how many match in all (the view "Alle åpne")
 */
public record WorklistPage(
    WorklistQuery query,
    List<WorklistRow> rows,
    long total,
    Map<Status, Long> counts,
    long needAction,
    long allOpen) {

  /** A page whose view is all open pathways. */
  public WorklistPage(
      WorklistQuery query, List<WorklistRow> rows, long total, Map<Status, Long> counts) {
    this(query, rows, total, counts, 0, total);
  }

  public int pages() {
    return (int) Math.max(1, (total + query.size() - 1) / query.size());
  }
}

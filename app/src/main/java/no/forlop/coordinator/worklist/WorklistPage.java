package no.forlop.coordinator.worklist;

import java.util.List;
import java.util.Map;

/**
 * A page of the worklist: its rows, how many pathways match the filters in all, and how many of
 * those are red, amber, green or without a deadline.
 */
public record WorklistPage(
    WorklistQuery query, List<WorklistRow> rows, long total, Map<Status, Long> counts) {

  public int pages() {
    return (int) Math.max(1, (total + query.size() - 1) / query.size());
  }
}

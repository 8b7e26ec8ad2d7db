package no.forlop.ingest.pull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one poll of the FHIR server did, in total and per resource type.
 *
 * @param fetched the resources the server returned (of the types asked for)
 * @param patientsDerived the patients whose facts changed, and whose codes were derived
 * @param complete every resource type was fetched to its last page
 */
record PollReport(
    String source,
    int fetched,
    int accepted,
    int rejected,
    int ignored,
    int patientsDerived,
    boolean complete,
    List<TypeResult> types) {

  /**
   * One resource type's part of the poll.
   *
   * @param pages the pages fetched
   * @param cursor the newest {@code meta.lastUpdated} received so far, as the server wrote it
   * @param failure why fetching this type stopped (its cursor did not move)
   */
  record TypeResult(
      String resourceType,
      int pages,
      int fetched,
      int accepted,
      int rejected,
      int ignored,
      @Nullable String cursor,
      @Nullable String failure) {}

  static PollReport of(String source, List<TypeResult> types, int patientsDerived) {
    return new PollReport(
        source,
        types.stream().mapToInt(TypeResult::fetched).sum(),
        types.stream().mapToInt(TypeResult::accepted).sum(),
        types.stream().mapToInt(TypeResult::rejected).sum(),
        types.stream().mapToInt(TypeResult::ignored).sum(),
        patientsDerived,
        types.stream().allMatch(t -> t.failure() == null),
        List.copyOf(types));
  }
}

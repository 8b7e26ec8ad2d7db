package no.forlop.referral;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The entry criteria exactly as written in {@code referral/entry-criteria.yaml}: what {@link
 * EntryCriteriaParser} reads and {@code GET /api/v1/entry-criteria} returns.
 */
public record EntryCriteriaDocument(
    String version,
    @Nullable LocalDate published,
    @Nullable String description,
    List<PathwayCriteria> pathways) {

  public EntryCriteriaDocument {
    pathways = pathways == null ? List.of() : List.copyOf(pathways);
  }
}

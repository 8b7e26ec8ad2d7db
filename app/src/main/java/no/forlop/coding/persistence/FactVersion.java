package no.forlop.coding.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One stored version of a fact, and which of two versions of the same resource is current: higher
 * version id, then later lastUpdated, then received later.
 */
record FactVersion(
    String key,
    String type,
    String payload,
    @Nullable String patient,
    @Nullable Long rank,
    @Nullable OffsetDateTime lastUpdated,
    long seq) {

  /** The order in which the current version of each resource comes first ({@code distinct on}). */
  static final String CURRENT_ORDER =
      "source_key, version_rank desc nulls last, last_updated desc nulls last, seq desc";

  static FactVersion of(ResultSet rs) throws SQLException {
    return new FactVersion(
        rs.getString("source_key"),
        rs.getString("type"),
        rs.getString("payload"),
        rs.getString("patient_key"),
        (Long) rs.getObject("version_rank"),
        rs.getObject("last_updated", OffsetDateTime.class),
        rs.getLong("seq"));
  }

  /**
   * The current of two versions: higher version id, then later lastUpdated, then received later.
   */
  static FactVersion newer(FactVersion a, FactVersion b) {
    int byRank = compareNullsFirst(a.rank, b.rank);
    if (byRank != 0) {
      return byRank > 0 ? a : b;
    }
    int byUpdate = compareNullsFirst(a.lastUpdated, b.lastUpdated);
    if (byUpdate != 0) {
      return byUpdate > 0 ? a : b;
    }
    return a.seq >= b.seq ? a : b;
  }

  /** The version id as a rank ({@code meta.versionId}), when it is a number. */
  static @Nullable Long rank(@Nullable String version) {
    if (version == null) {
      return null;
    }
    try {
      return Long.parseLong(version.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static <T extends Comparable<T>> int compareNullsFirst(@Nullable T a, @Nullable T b) {
    if (a == null && b == null) return 0;
    if (a == null) return -1;
    if (b == null) return 1;
    return a.compareTo(b);
  }
}

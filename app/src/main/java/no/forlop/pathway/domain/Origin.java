package no.forlop.pathway.domain;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a code came from: typed by a user ({@code MANUAL}), or derived from EHR events by a rule
 * ({@code DERIVED}, with the rule, the rule-set version and the source events).
 */
public record Origin(
    Kind kind, @Nullable String ruleId, @Nullable String rulesetVersion, List<String> sources) {

  /** Manual or derived. */
  public enum Kind {
    MANUAL,
    DERIVED
  }

  public static final Origin MANUAL = new Origin(Kind.MANUAL, null, null, List.of());

  public Origin {
    sources = sources == null ? List.of() : List.copyOf(sources);
    if (kind == Kind.DERIVED && (ruleId == null || rulesetVersion == null)) {
      throw new IllegalArgumentException("a derived code needs its rule id and rule-set version");
    }
  }

  public static Origin derived(String ruleId, String rulesetVersion, List<String> sources) {
    return new Origin(Kind.DERIVED, ruleId, rulesetVersion, sources);
  }
}

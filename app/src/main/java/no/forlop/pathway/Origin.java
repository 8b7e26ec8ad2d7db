package no.forlop.pathway;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where a code came from: typed by a user ({@code MANUAL}), or derived from EHR events by a rule
 * ({@code DERIVED}, with the rule, the rule-set version, the source events and the values the rule
 * looked at).
 */
public record Origin(
    Kind kind,
    @Nullable String ruleId,
    @Nullable String rulesetVersion,
    List<String> sources,
    Map<String, String> inputs) {

  /** Manual or derived. */
  public enum Kind {
    MANUAL,
    DERIVED
  }

  public static final Origin MANUAL = new Origin(Kind.MANUAL, null, null, List.of(), Map.of());

  public Origin {
    sources = sources == null ? List.of() : List.copyOf(sources);
    inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    if (kind == Kind.DERIVED && (ruleId == null || rulesetVersion == null)) {
      throw new IllegalArgumentException("a derived code needs its rule id and rule-set version");
    }
  }

  /** Whether a rule derived the code from EHR events (rather than a person typing it). */
  public boolean isDerived() {
    return kind == Kind.DERIVED;
  }

  public static Origin derived(
      String ruleId, String rulesetVersion, List<String> sources, Map<String, String> inputs) {
    return new Origin(Kind.DERIVED, ruleId, rulesetVersion, sources, inputs);
  }
}

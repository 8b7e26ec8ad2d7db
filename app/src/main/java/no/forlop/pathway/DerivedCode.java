package no.forlop.pathway;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.StartRule.StartBasis;
import org.jspecify.annotations.Nullable;

/**
 * A code the derivation found for a pathway instance, with its trace: which rule, from which
 * rule-set version, from which EHR events, with which inputs.
 *
 * @param key the code's key in the pathway's scheme (suffix, or milestone where unknown)
 * @param state registered, or only proposed (then {@code note} says why)
 * @param startBasis for a start: what dates it
 * @param note why the code is only proposed, when it is
 * @param rule the id of the rule that derived it
 * @param rulesetVersion the version of the rule set the rule belongs to
 * @param sources the source events, as {@code Type/id}
 * @param inputs the values the rule looked at (e.g. the ICD-10 code and the group it matched)
 */
public record DerivedCode(
    String key,
    Milestone milestone,
    LocalDate date,
    CodeState state,
    @Nullable StartBasis startBasis,
    @Nullable Remark note,
    String rule,
    String rulesetVersion,
    List<String> sources,
    Map<String, String> inputs) {

  public DerivedCode {
    sources = List.copyOf(sources);
    inputs = Map.copyOf(inputs);
  }

  /** Where the code came from, as the pathway keeps it with the code. */
  Origin origin() {
    return Origin.derived(rule, rulesetVersion, sources, inputs);
  }
}

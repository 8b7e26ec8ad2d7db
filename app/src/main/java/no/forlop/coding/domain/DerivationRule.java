package no.forlop.coding.domain;

import java.util.List;
import java.util.Map;
import no.forlop.catalog.Localized;
import no.forlop.pathway.CodeState;

/**
 * One reviewed derivation rule: its id, the plain-language question it answers, the milestone it
 * produces, whether its result is registered or proposed, its source, and its parameters.
 */
public record DerivationRule(
    String id,
    String milestone,
    CodeState state,
    Localized question,
    String source,
    Map<String, List<String>> parameters) {

  public DerivationRule {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
  }

  /** A parameter the rule must have. */
  public List<String> parameter(String name) {
    var value = parameters.get(name);
    if (value == null) {
      throw new IllegalStateException("rule " + id + " has no parameter '" + name + "'");
    }
    return value;
  }
}

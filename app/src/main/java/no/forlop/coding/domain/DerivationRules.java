package no.forlop.coding.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.forlop.terminology.domain.Concept;

/**
 * The reviewed rule set (coding/derivation-rules.yaml) in force: every rule the derivation knows,
 * each with the parameters it needs, under one version.
 */
public final class DerivationRules {

  /**
   * Every rule id the derivation implements, with the parameters it reads: derived from {@link
   * RuleId}.
   */
  public static final Map<String, Set<String>> KNOWN = RuleId.known();

  private final String version;
  private final String checksum;
  private final Map<String, DerivationRule> rules;

  private DerivationRules(String version, String checksum, Map<String, DerivationRule> rules) {
    this.version = version;
    this.checksum = checksum;
    this.rules = rules;
  }

  /**
   * The rule set, if it is complete and consistent.
   *
   * @throws InvalidRuleSetException naming every problem
   */
  public static DerivationRules of(String version, String checksum, List<DerivationRule> rules) {
    var problems = new ArrayList<String>();
    if (version == null || version.isBlank()) {
      problems.add("the rule set needs a version");
    }
    var byId = new LinkedHashMap<String, DerivationRule>();
    for (var rule : rules) {
      if (rule.id() == null || !KNOWN.containsKey(rule.id())) {
        problems.add(
            "rules[" + rule.id() + "]: no such rule in Forløp (known: " + KNOWN.keySet() + ")");
        continue;
      }
      if (byId.put(rule.id(), rule) != null) {
        problems.add("rules[" + rule.id() + "]: appears twice");
      }
      if (rule.question() == null
          || rule.question().nb() == null
          || rule.question().nb().isBlank()) {
        problems.add("rules[" + rule.id() + "]: needs a question in Norwegian ('question.nb')");
      }
      if (rule.state() == null) {
        problems.add("rules[" + rule.id() + "]: needs 'state' (REGISTERED or PROPOSED)");
      }
      if (rule.source() == null || rule.source().isBlank()) {
        problems.add("rules[" + rule.id() + "]: needs a 'source'");
      }
      for (var parameter : KNOWN.get(rule.id())) {
        var value = rule.parameters().get(parameter);
        if (value == null || value.isEmpty()) {
          problems.add("rules[" + rule.id() + "]: needs parameter '" + parameter + "'");
        }
      }
      for (var parameter : rule.parameters().keySet()) {
        if (!KNOWN.get(rule.id()).contains(parameter)) {
          problems.add("rules[" + rule.id() + "]: unknown parameter '" + parameter + "'");
        }
      }
      for (var concept : rule.parameters().getOrDefault("concepts", List.of())) {
        if (!Concept.isConcept(concept)) {
          problems.add(
              "rules["
                  + rule.id()
                  + "]: unknown concept '"
                  + concept
                  + "' (known: "
                  + Concept.names()
                  + ")");
        }
      }
    }
    for (var id : KNOWN.keySet()) {
      if (!byId.containsKey(id) && rules.stream().noneMatch(r -> id.equals(r.id()))) {
        problems.add("rules: rule " + id + " is missing");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRuleSetException(problems);
    }
    return new DerivationRules(version, checksum, Map.copyOf(byId));
  }

  public String version() {
    return version;
  }

  public String checksum() {
    return checksum;
  }

  public DerivationRule rule(String id) {
    var rule = rules.get(id);
    if (rule == null) {
      throw new IllegalArgumentException("no rule " + id);
    }
    return rule;
  }

  public List<DerivationRule> all() {
    return rules.values().stream()
        .sorted(java.util.Comparator.comparing(DerivationRule::id))
        .toList();
  }

  public List<String> parameter(String ruleId, String name) {
    return rule(ruleId).parameter(name);
  }

  /**
   * A parameter of a rule, which must be one the rule declares it reads (a misspelt name fails here
   * rather than reading nothing).
   */
  public List<String> parameter(RuleId rule, String name) {
    if (!rule.parameters().contains(name)) {
      throw new IllegalArgumentException(
          "rule " + rule.id() + " reads no parameter '" + name + "'");
    }
    return rule(rule.id()).parameter(name);
  }

  /** A rule set that was refused, with every problem. */
  public static final class InvalidRuleSetException extends RuntimeException {
    private final List<String> problems;

    public InvalidRuleSetException(List<String> problems) {
      super("The derivation rules are not valid:\n - " + String.join("\n - ", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }
}

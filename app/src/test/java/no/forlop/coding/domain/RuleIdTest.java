package no.forlop.coding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import no.forlop.coding.RuleSetLoader;
import org.junit.jupiter.api.Test;

/**
 * The typed rule ids and the reviewed rule file name the same rules, each with the same parameters:
 * a rule implemented but not reviewed, or reviewed but not implemented, fails here.
 */
class RuleIdTest {

  private static final Pattern ID = Pattern.compile("(?m)^\\s*- id:\\s*(\\S+)\\s*$");

  @Test
  void every_rule_id_is_in_the_yaml_and_every_rule_in_the_yaml_has_a_rule_id() throws IOException {
    String yaml;
    try (var in = RuleIdTest.class.getResourceAsStream("/coding/derivation-rules.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    var inYaml = ID.matcher(yaml).results().map(m -> m.group(1)).toList();

    assertThat(inYaml).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(RuleId.ids());
  }

  @Test
  void each_rule_in_the_yaml_has_exactly_the_parameters_its_rule_id_reads() {
    var rules = RuleSetLoader.bundled();
    for (var rule : RuleId.values()) {
      assertThat(rules.rule(rule.id()).parameters().keySet())
          .as(rule.id())
          .containsExactlyInAnyOrderElementsOf(rule.parameters());
    }
  }

  @Test
  void the_known_rules_are_the_rule_ids() {
    assertThat(DerivationRules.KNOWN.keySet())
        .containsExactlyElementsOf(Arrays.stream(RuleId.values()).map(RuleId::id).toList());
  }

  @Test
  void a_rule_reads_only_the_parameters_it_declares() {
    var rules = RuleSetLoader.bundled();

    assertThat(rules.parameter(RuleId.END_AT_DEATH, "pathwayKinds")).isNotEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> rules.parameter(RuleId.END_AT_DEATH, "statuses"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("END-AT-DEATH");
  }
}

package no.forlop.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import no.forlop.catalog.CatalogueParser;
import no.forlop.catalog.Milestone;
import no.forlop.coding.domain.DerivationRules;
import no.forlop.coding.domain.DerivationRules.InvalidRuleSetException;
import no.forlop.pathway.CodeState;
import org.junit.jupiter.api.Test;

/** The reviewed rule file is complete, consistent with the catalogue, and refused when broken. */
class RuleSetLoaderTest {

  private static String bundled() throws IOException {
    try (var in = RuleSetLoaderTest.class.getResourceAsStream("/coding/derivation-rules.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void the_bundled_rules_hold_every_rule_forlop_implements() {
    var rules = RuleSetLoader.bundled();
    assertThat(rules.all())
        .extracting(r -> r.id())
        .containsExactlyInAnyOrderElementsOf(DerivationRules.KNOWN.keySet());
    assertThat(rules.version()).isNotBlank();
    assertThat(rules.all())
        .allSatisfy(
            r -> {
              assertThat(r.question().nb()).isNotBlank();
              assertThat(r.question().en()).isNotBlank();
              assertThat(r.source()).isNotBlank();
            });
  }

  @Test
  void only_inferences_pasientutsatt_and_x_for_other_reasons_than_death_are_merely_proposed() {
    assertThat(RuleSetLoader.bundled().all())
        .filteredOn(r -> r.state() == CodeState.PROPOSED)
        .extracting(r -> r.id())
        .containsExactly(
            "END-OUTSIDE-PATHWAY",
            "END-PATIENT-DECLINED",
            "MH-DECISION-FROM-DIAGNOSIS",
            "MH-PATIENT-DELAY",
            "START-PK-INFERRED");
  }

  @Test
  void every_rule_produces_a_milestone_the_catalogue_has_codes_for_or_a_tracked_one()
      throws IOException {
    var catalogue =
        CatalogueParser.parse(
            getClass().getResourceAsStream("/catalog/catalogue.yaml").readAllBytes());
    var milestones =
        catalogue.document().schemes().stream()
            .flatMap(s -> s.codes().stream())
            .map(c -> c.milestone().name())
            .distinct()
            .toList();
    assertThat(RuleSetLoader.bundled().all())
        .allSatisfy(
            r ->
                assertThat(r.milestone())
                    .isIn(
                        java.util.stream.Stream.concat(
                                milestones.stream(),
                                no.forlop.pathway.TrackedMilestone.TYPES.stream())
                            .toList()));
    assertThat(Milestone.valueOf("PATHWAY_START")).isNotNull();
  }

  @Test
  void a_missing_rule_is_refused() throws IOException {
    var text = bundled();
    var start = text.indexOf("  - id: END-AT-DEATH");
    assertThatThrownBy(
            () -> RuleSetLoader.parse(text.substring(0, start).getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            InvalidRuleSetException.class,
            e -> assertThat(e.problems()).anyMatch(p -> p.contains("END-AT-DEATH is missing")));
  }

  @Test
  void an_unknown_rule_is_refused() throws IOException {
    var text = bundled().replace("id: END-AT-DEATH", "id: END-AT-BREAKFAST");
    assertThatThrownBy(() -> RuleSetLoader.parse(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            InvalidRuleSetException.class,
            e -> assertThat(e.problems()).anyMatch(p -> p.contains("END-AT-BREAKFAST")));
  }

  @Test
  void a_missing_parameter_is_refused() throws IOException {
    var text = bundled().replace("      atcPrefixes: [L01, L02]\n", "");
    assertThatThrownBy(() -> RuleSetLoader.parse(text.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            InvalidRuleSetException.class,
            e -> assertThat(e.problems()).anyMatch(p -> p.contains("atcPrefixes")));
  }

  @Test
  void an_unknown_parameter_or_field_is_refused() throws IOException {
    var parameter =
        bundled()
            .replace(
                "      atcPrefixes: [L01, L02]",
                "      atcPrefixes: [L01, L02]\n      atcSuffixes: [X]");
    assertThatThrownBy(() -> RuleSetLoader.parse(parameter.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("atcSuffixes");
    var field = bundled().replace("version: \"", "versjon: \"");
    assertThatThrownBy(() -> RuleSetLoader.parse(field.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("versjon");
  }

  @Test
  void an_unknown_milestone_is_refused() throws IOException {
    var text = bundled().replaceFirst("milestone: BIOPSY", "milestone: BIOPSI");
    assertThatThrownBy(() -> RuleSetLoader.parse(text.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("BIOPSI");
  }
}

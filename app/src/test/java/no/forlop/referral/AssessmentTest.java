package no.forlop.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A GP's ticks judged against a pathway: met, not met, unknown, and the filter steps missing. */
class AssessmentTest {

  private static final String DOC =
      """
      version: "t"
      published: 2026-12-07
      pathways:
        - pathway: colorectal
          filterSteps:
            - {id: gp-step, text: {nb: "a", en: "a"}, doneBy: GP, verified: false, source: "http://x.no/a", read: 2026-12-07, note: "n"}
            - {id: specialist-step, text: {nb: "b", en: "b"}, doneBy: SPECIALIST, verified: false, source: "http://x.no/a", read: 2026-12-07, note: "n"}
          criteria:
            requires:
              - {id: over-40, text: {nb: "c", en: "c"}, verified: false, source: "http://x.no/a", read: 2026-12-07, note: "n"}
            anyOf:
              - {id: bleeding, text: {nb: "d", en: "d"}, verified: false, source: "http://x.no/a", read: 2026-12-07, note: "n"}
              - {id: habit, text: {nb: "e", en: "e"}, verified: false, source: "http://x.no/a", read: 2026-12-07, note: "n"}
          unknownSections: {SIGNS: s, REFERRAL_CONTENT: r}
        - pathway: lung
          criteria:
            requires:
              - {id: only-required, text: {nb: "f", en: "f"}, verified: false, source: "http://x.no/a", read: 2026-12-07, note: "n"}
          unknownSections: {SIGNS: s, FILTER_STEPS: f, REFERRAL_CONTENT: r}
        - pathway: mh-adults
          unknown: "nothing found"
      """;

  private static final EntryCriteria CRITERIA =
      EntryCriteriaParser.parse(
          DOC.getBytes(StandardCharsets.UTF_8), Set.of("colorectal", "lung", "mh-adults"));

  private static Assessment assess(String pathway, String... ticked) {
    return EntryCriteria.assess(CRITERIA.pathway(pathway).orElseThrow(), Set.of(ticked));
  }

  @Test
  void met_when_every_required_finding_and_one_of_the_others_is_ticked() {
    var assessment = assess("colorectal", "over-40", "habit", "gp-step");
    assertThat(assessment.outcome()).isEqualTo(Assessment.Outcome.MET);
    assertThat(assessment.present()).extracting(Item::id).containsExactly("over-40", "habit");
    assertThat(assessment.missingFilterSteps()).isEmpty();
    assertThat(assessment.specialistSteps())
        .extracting(FilterStep::id)
        .containsExactly("specialist-step");
  }

  @Test
  void not_met_without_a_required_finding_even_with_all_the_others() {
    var assessment = assess("colorectal", "bleeding", "habit");
    assertThat(assessment.outcome()).isEqualTo(Assessment.Outcome.NOT_MET);
    assertThat(assessment.missingRequired()).extracting(Item::id).containsExactly("over-40");
  }

  @Test
  void not_met_with_the_required_finding_but_none_of_the_others() {
    assertThat(assess("colorectal", "over-40").outcome()).isEqualTo(Assessment.Outcome.NOT_MET);
    assertThat(assess("colorectal", "over-40").missingRequired()).isEmpty();
  }

  @Test
  void an_empty_any_of_list_needs_only_the_required_findings() {
    assertThat(assess("lung", "only-required").outcome()).isEqualTo(Assessment.Outcome.MET);
    assertThat(assess("lung").outcome()).isEqualTo(Assessment.Outcome.NOT_MET);
  }

  @Test
  void the_gps_filter_step_not_ticked_is_missing_and_a_specialists_never_is() {
    var assessment = assess("colorectal", "over-40", "bleeding");
    assertThat(assessment.outcome()).isEqualTo(Assessment.Outcome.MET);
    assertThat(assessment.missingFilterSteps())
        .extracting(FilterStep::id)
        .containsExactly("gp-step");
  }

  @Test
  void ids_of_other_pathways_count_for_nothing() {
    assertThat(assess("colorectal", "only-required", "nonsense").outcome())
        .isEqualTo(Assessment.Outcome.NOT_MET);
  }

  @Test
  void a_pathway_without_known_criteria_is_unknown_whatever_is_ticked() {
    var assessment = assess("mh-adults", "over-40");
    assertThat(assessment.outcome()).isEqualTo(Assessment.Outcome.UNKNOWN);
    assertThat(assessment.present()).isEmpty();
  }
}

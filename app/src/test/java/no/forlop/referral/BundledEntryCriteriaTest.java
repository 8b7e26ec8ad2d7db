package no.forlop.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.forlop.catalog.CatalogueParser;
import no.forlop.catalog.PathwayDefinition;
import org.junit.jupiter.api.Test;

/** The entry criteria shipped with Forløp are valid against the shipped catalogue, and complete. */
class BundledEntryCriteriaTest {

  private static byte[] resource(String path) throws IOException {
    try (var in = BundledEntryCriteriaTest.class.getResourceAsStream("/" + path)) {
      return in.readAllBytes();
    }
  }

  private static EntryCriteria bundled() throws IOException {
    var catalogue = CatalogueParser.parse(resource("catalog/catalogue.yaml"));
    Set<String> ids =
        catalogue.pathways().stream().map(PathwayDefinition::id).collect(Collectors.toSet());
    return EntryCriteriaParser.parse(resource(EntryCriteriaService.BUNDLED), ids);
  }

  @Test
  void the_bundled_file_is_valid_and_covers_the_eight_pathways_of_issue_17() throws IOException {
    var criteria = bundled();
    assertThat(criteria.pathways())
        .extracting(PathwayCriteria::pathway)
        .contains(
            "breast",
            "colorectal",
            "lung",
            "prostate",
            "melanoma",
            "lymphoma",
            "bladder",
            "diagnostic",
            "psychosis");
    for (var id :
        Set.of(
            "breast",
            "colorectal",
            "lung",
            "prostate",
            "melanoma",
            "lymphoma",
            "bladder",
            "diagnostic")) {
      assertThat(criteria.pathway(id).orElseThrow().criteriaKnown()).as(id).isTrue();
    }
  }

  @Test
  void every_verified_item_is_the_directorates_own_text() throws IOException {
    var items =
        bundled().pathways().stream()
            .flatMap(
                p ->
                    Stream.of(
                            p.signs().stream(),
                            p.criteria().requires().stream(),
                            p.criteria().anyOf().stream(),
                            p.referralContent().stream())
                        .flatMap(s -> s))
            .toList();
    assertThat(items).isNotEmpty();
    assertThat(items.stream().filter(Item::verified))
        .isNotEmpty()
        .allSatisfy(item -> assertThat(item.source()).contains("helsedirektoratet.no/"));
  }

  @Test
  void colorectal_needs_the_age_and_one_finding() throws IOException {
    var colorectal = bundled().pathway("colorectal").orElseThrow();
    assertThat(
            EntryCriteria.assess(
                    colorectal, Set.of("colorectal-age-over-40", "colorectal-bleeding"))
                .outcome())
        .isEqualTo(Assessment.Outcome.MET);
    assertThat(EntryCriteria.assess(colorectal, Set.of("colorectal-bleeding")).outcome())
        .isEqualTo(Assessment.Outcome.NOT_MET);
  }

  @Test
  void lungs_filter_step_is_the_ct_and_it_is_missing_until_ticked() throws IOException {
    var lung = bundled().pathway("lung").orElseThrow();
    var assessment = EntryCriteria.assess(lung, Set.of("lung-biopsy"));
    assertThat(assessment.outcome()).isEqualTo(Assessment.Outcome.MET);
    assertThat(assessment.missingFilterSteps())
        .extracting(FilterStep::id)
        .containsExactly("lung-filter-ct");
    assertThat(
            EntryCriteria.assess(lung, Set.of("lung-biopsy", "lung-filter-ct"))
                .missingFilterSteps())
        .isEmpty();
  }
}

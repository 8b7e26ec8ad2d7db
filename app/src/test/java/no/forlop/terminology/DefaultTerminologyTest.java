package no.forlop.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import no.forlop.terminology.domain.Coding;
import no.forlop.terminology.domain.Concept;
import org.junit.jupiter.api.Test;

/** The bundled default terminology: every value with its source and status, read strictly. */
class DefaultTerminologyTest {

  static final String NKPK = "urn:oid:2.16.578.1.12.4.1.1.7275";

  @Test
  void the_bundled_defaults_map_the_snomed_codes_the_rules_used_before_concepts() {
    var terminology = DefaultTerminology.bundled().terminology();

    for (var pair :
        List.of(
            List.of("387713003", Concept.SURGERY),
            List.of("86273004", Concept.BIOPSY),
            List.of("108290001", Concept.RADIOTHERAPY),
            List.of("75516001", Concept.MENTAL_HEALTH_TREATMENT),
            List.of("277132007", Concept.MENTAL_HEALTH_TREATMENT),
            List.of("386053000", Concept.EVALUATION))) {
      var match =
          terminology.match(
              List.of(new Coding("http://snomed.info/sct", (String) pair.get(0))),
              Set.of((Concept) pair.get(1)));
      assertThat(match).as(pair.toString()).get().satisfies(m -> assertThat(m.verified()).isTrue());
    }
  }

  @Test
  void the_bundled_defaults_map_ncmp_drug_treatment_verified_and_chapter_i_unverified() {
    var terminology = DefaultTerminology.bundled().terminology();

    assertThat(
            terminology.match(List.of(new Coding(NKPK, "WBOC05")), Set.of(Concept.DRUG_TREATMENT)))
        .get()
        .satisfies(m -> assertThat(m.verified()).isTrue());
    assertThat(
            terminology.match(
                List.of(new Coding(NKPK, "IBAA00")), Set.of(Concept.MENTAL_HEALTH_TREATMENT)))
        .get()
        .satisfies(m -> assertThat(m.verified()).isFalse());
    // NCSP surgery and biopsy groups were not found: an NCSP code alone counts for nothing
    assertThat(terminology.match(List.of(new Coding(NKPK, "JFB30")), Set.of(Concept.values())))
        .isEmpty();
  }

  @Test
  void every_bundled_value_says_where_it_was_read_and_every_unverified_one_why() {
    var defaults = DefaultTerminology.bundled();

    assertThat(defaults.mappings())
        .allSatisfy(
            m -> {
              if (m.verified()) {
                assertThat(m.source()).startsWith("http");
                assertThat(m.known()).isTrue();
              } else {
                assertThat(m.note()).isNotBlank();
              }
            });
    assertThat(defaults.mappings()).anyMatch(m -> !m.known());
    assertThat(defaults.systems()).extracting(DefaultTerminology.CodeSystem::uri).contains(NKPK);
  }

  @Test
  void
      a_file_with_an_unknown_concept_a_verified_value_without_source_or_an_unknown_field_is_refused() {
    var yaml =
        """
        version: "x"
        systems:
          - uri: "urn:test"
            name: "Test"
            verified: false
        mappings:
          - concept: SURGERYY
            system: "urn:test"
            code: "1"
            verified: false
            note: "n"
          - concept: BIOPSY
            system: "urn:test"
            code: "2"
            verified: true
          - concept: BIOPSY
            system: "urn:other"
            code: "3"
            verified: false
            note: "n"
        """;

    assertThatThrownBy(() -> DefaultTerminology.parse(yaml.getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("unknown concept 'SURGERYY'")
        .hasMessageContaining("a verified mapping needs a code or prefix and a source")
        .hasMessageContaining("the system 'urn:other' is not under 'systems'");
    assertThatThrownBy(
            () ->
                DefaultTerminology.parse(
                    "version: x\nsurprise: 1\n".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("unknown field 'surprise'");
  }
}

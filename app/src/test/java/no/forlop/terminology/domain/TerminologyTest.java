package no.forlop.terminology.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Which concept a code means: the defaults (SNOMED CT codes, NCSP/NCMP groups, unverified and
 * unknown values) and a hospital's ConceptMap on top of them.
 */
class TerminologyTest {

  static final String SNOMED = "http://snomed.info/sct";
  static final String NKPK = "urn:oid:2.16.578.1.12.4.1.1.7275";
  static final String LOCAL = "https://ehr.fjordby.example/codes/procedure";

  static ConceptMapping byDefault(Concept concept, String system, String code, boolean verified) {
    return new ConceptMapping(
        concept, system, code, null, false, verified, "default 1", "https://source", "note");
  }

  static ConceptMapping group(Concept concept, String system, String prefix, boolean verified) {
    return new ConceptMapping(
        concept, system, null, prefix, false, verified, "default 1", "https://source", "note");
  }

  static final Terminology DEFAULTS =
      Terminology.defaults(
          "1",
          List.of(
              byDefault(Concept.SURGERY, SNOMED, "387713003", true),
              group(Concept.DRUG_TREATMENT, NKPK, "WBOC", true),
              group(Concept.MENTAL_HEALTH_TREATMENT, NKPK, "IB", false),
              // an unknown value: shown, never used
              new ConceptMapping(
                  Concept.BIOPSY, NKPK, null, null, false, false, "default 1", null, "not found")));

  static ConceptMapping local(Concept concept, String code, boolean excludes) {
    return new ConceptMapping(
        concept, LOCAL, code, null, excludes, true, "ConceptMap 2025-1", null, null);
  }

  @Test
  void a_snomed_code_means_its_concept() {
    var match = DEFAULTS.match(List.of(new Coding(SNOMED, "387713003")), Set.of(Concept.SURGERY));

    assertThat(match).get().satisfies(m -> assertThat(m.verified()).isTrue());
    assertThat(match.get().inputs())
        .containsEntry("concept", "SURGERY")
        .containsEntry("coding", SNOMED + "|387713003")
        .containsEntry("terminology", "default 1")
        .doesNotContainKey("mappingVerified");
  }

  @Test
  void an_ncmp_code_in_a_group_means_the_group_s_concept_whatever_its_case_and_digits() {
    for (var code : List.of("WBOC05", "wboc20", " WBOC03 ")) {
      assertThat(DEFAULTS.match(List.of(new Coding(NKPK, code)), Set.of(Concept.DRUG_TREATMENT)))
          .as(code)
          .isPresent();
    }
    assertThat(DEFAULTS.match(List.of(new Coding(NKPK, "WBO")), Set.of(Concept.DRUG_TREATMENT)))
        .isEmpty();
    // the same code in another system is another code
    assertThat(DEFAULTS.match(List.of(new Coding(LOCAL, "WBOC05")), Set.of(Concept.DRUG_TREATMENT)))
        .isEmpty();
  }

  @Test
  void a_code_means_only_the_concepts_it_is_mapped_to() {
    assertThat(DEFAULTS.match(List.of(new Coding(SNOMED, "387713003")), Set.of(Concept.BIOPSY)))
        .isEmpty();
  }

  @Test
  void an_unmapped_code_means_nothing() {
    assertThat(
            DEFAULTS.match(
                List.of(new Coding(NKPK, "JFB30"), new Coding(LOCAL, "OP-1")),
                Set.of(Concept.values())))
        .isEmpty();
  }

  @Test
  void an_unknown_default_value_never_matches() {
    assertThat(DEFAULTS.match(List.of(new Coding(NKPK, "")), Set.of(Concept.BIOPSY))).isEmpty();
    assertThat(DEFAULTS.match(List.of(new Coding(NKPK, "JFA15")), Set.of(Concept.BIOPSY)))
        .isEmpty();
  }

  @Test
  void an_unverified_default_matches_and_says_it_is_unverified() {
    var match =
        DEFAULTS.match(
            List.of(new Coding(NKPK, "IBAA00")), Set.of(Concept.MENTAL_HEALTH_TREATMENT));

    assertThat(match).get().satisfies(m -> assertThat(m.verified()).isFalse());
    assertThat(match.get().inputs()).containsEntry("mappingVerified", "false");
  }

  @Test
  void a_verified_mapping_of_one_of_the_codes_wins_over_an_unverified_one() {
    var terminology =
        Terminology.defaults(
            "1",
            List.of(
                group(Concept.SURGERY, NKPK, "JF", false),
                byDefault(Concept.SURGERY, SNOMED, "387713003", true)));

    var match =
        terminology.match(
            List.of(new Coding(NKPK, "JFB30"), new Coding(SNOMED, "387713003")),
            Set.of(Concept.SURGERY));

    assertThat(match.get().coding().system()).isEqualTo(SNOMED);
  }

  @Test
  void a_local_code_means_a_concept_once_the_hospital_s_concept_map_says_so() {
    var code = List.of(new Coding(LOCAL, "OP-1"));
    assertThat(DEFAULTS.match(code, Set.of(Concept.SURGERY))).isEmpty();

    var withMap = DEFAULTS.with("2025-1", List.of(local(Concept.SURGERY, "OP-1", false)));

    var match = withMap.match(code, Set.of(Concept.SURGERY));
    assertThat(match).get().satisfies(m -> assertThat(m.verified()).isTrue());
    assertThat(match.get().inputs()).containsEntry("terminology", "ConceptMap 2025-1");
    assertThat(withMap.conceptMapVersion()).contains("2025-1");
    // the defaults still apply beside it
    assertThat(withMap.match(List.of(new Coding(SNOMED, "387713003")), Set.of(Concept.SURGERY)))
        .get()
        .satisfies(m -> assertThat(m.mapping().terminology()).isEqualTo("default 1"));
  }

  @Test
  void the_hospital_s_map_comes_before_the_defaults_among_a_resource_s_codes() {
    var withMap = DEFAULTS.with("2025-1", List.of(local(Concept.SURGERY, "OP-1", false)));

    var match =
        withMap.match(
            List.of(new Coding(SNOMED, "387713003"), new Coding(LOCAL, "OP-1")),
            Set.of(Concept.SURGERY));

    assertThat(match.get().mapping().terminology()).isEqualTo("ConceptMap 2025-1");
  }

  @Test
  void the_hospital_can_say_that_a_code_is_not_a_concept_overriding_a_default() {
    var withMap =
        DEFAULTS.with(
            "2025-2",
            List.of(
                new ConceptMapping(
                    Concept.DRUG_TREATMENT,
                    NKPK,
                    "WBOC30",
                    null,
                    true,
                    true,
                    "ConceptMap 2025-2",
                    null,
                    null)));

    assertThat(withMap.match(List.of(new Coding(NKPK, "WBOC30")), Set.of(Concept.DRUG_TREATMENT)))
        .isEmpty();
    assertThat(withMap.match(List.of(new Coding(NKPK, "WBOC05")), Set.of(Concept.DRUG_TREATMENT)))
        .isPresent();
  }
}

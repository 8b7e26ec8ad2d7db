package no.forlop.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import no.forlop.terminology.InvalidConceptMapException.Reason;
import no.forlop.terminology.domain.Concept;
import org.junit.jupiter.api.Test;

/** A hospital's ConceptMap, read strictly: what it maps, and every problem when it is wrong. */
class ConceptMapReaderTest {

  static final String LOCAL = "https://ehr.fjordby.example/codes/procedure";

  static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void a_concept_map_gives_a_mapping_per_target_and_disjoint_says_a_code_is_not_the_concept() {
    var read =
        ConceptMapReader.read(
            bytes(
                """
                {"resourceType": "ConceptMap", "url": "https://fjordby.example/ConceptMap/local",
                 "version": "2025-1", "status": "active",
                 "group": [{"source": "%s", "target": "%s", "element": [
                   {"code": "OP-1", "target": [{"code": "SURGERY", "equivalence": "equivalent"}]},
                   {"code": "BX-1", "target": [{"code": "BIOPSY", "equivalence": "wider"}]},
                   {"code": "CT-1", "target": [{"code": "SURGERY", "equivalence": "disjoint"}]}]}]}
                """
                    .formatted(LOCAL, Concept.SYSTEM)));

    assertThat(read.version()).isEqualTo("2025-1");
    assertThat(read.url()).isEqualTo("https://fjordby.example/ConceptMap/local");
    assertThat(read.mappings())
        .extracting(m -> m.code() + " " + m.concept() + " " + m.excludes() + " " + m.terminology())
        .containsExactly(
            "OP-1 SURGERY false ConceptMap 2025-1",
            "BX-1 BIOPSY false ConceptMap 2025-1",
            "CT-1 SURGERY true ConceptMap 2025-1");
    assertThat(read.mappings()).allMatch(m -> m.verified() && LOCAL.equals(m.system()));
  }

  @Test
  void every_problem_of_a_concept_map_is_named_with_where_it_is() {
    var refused =
        catchThrowableOfType(
            InvalidConceptMapException.class,
            () ->
                ConceptMapReader.read(
                    bytes(
                        """
                        {"resourceType": "ConceptMap", "status": "active",
                         "group": [
                          {"target": "%s", "element": [
                            {"code": "OP-1", "target": [{"code": "SURGERY", "equivalence": "equivalent"}]}]},
                          {"source": "%s", "target": "http://snomed.info/sct", "element": [
                            {"code": "OP-2", "target": [{"code": "OPERATION", "equivalence": "equivalent"}]},
                            {"code": "OP-3", "target": [{"code": "SURGERY", "equivalence": "unmatched"}]},
                            {"code": "OP-4"},
                            {"code": "OP-5", "target": [{"code": "SURGERY", "equivalence": "equivalent"}]},
                            {"code": "OP-5", "target": [{"code": "SURGERY", "equivalence": "narrower"}]}]}]}
                        """
                            .formatted(Concept.SYSTEM, LOCAL))));

    assertThat(refused.problems())
        .extracting(p -> p.reason() + " " + p.expression())
        .containsExactly(
            "CONCEPT_MAP_VERSION_MISSING ConceptMap.version",
            "SOURCE_SYSTEM_MISSING ConceptMap.group[0].source",
            "TARGET_SYSTEM_NOT_CONCEPTS ConceptMap.group[1].target",
            "UNKNOWN_TARGET_CONCEPT ConceptMap.group[1].element[0].target[0].code",
            "EQUIVALENCE_NOT_SUPPORTED ConceptMap.group[1].element[1].target[0].equivalence",
            "TARGET_MISSING ConceptMap.group[1].element[2].target",
            "DUPLICATE_MAPPING ConceptMap.group[1].element[4].target[0]");
  }

  @Test
  void content_that_is_not_a_concept_map_or_has_unknown_elements_is_unreadable() {
    for (var json :
        new String[] {
          "{\"resourceType\": \"Patient\"}",
          "not json",
          "{\"resourceType\": \"ConceptMap\", \"version\": \"1\", \"surprise\": true}"
        }) {
      var refused =
          catchThrowableOfType(
              InvalidConceptMapException.class, () -> ConceptMapReader.read(bytes(json)));
      assertThat(refused.problems())
          .as(json)
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.reason()).isEqualTo(Reason.UNREADABLE_CONCEPT_MAP);
                assertThat(p.diagnostics()).isNotBlank();
              });
    }
  }
}

package no.forlop.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.forlop.coding.RuleSetLoader;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;

/**
 * Forløp's own evaluation form (docs/fhir/Questionnaire-evaluering.json) is a FHIR R4 Questionnaire
 * whose canonical URL is the one rule MH-EVALUATION lists, so that a hospital can load it into its
 * EHR and every completed response to it is an evaluation point.
 */
class EvaluationQuestionnaireTest {

  @Test
  void the_published_evaluation_form_is_the_questionnaire_the_rule_lists() throws IOException {
    var root = Path.of("").toAbsolutePath();
    if (!Files.exists(root.resolve("docs"))) {
      root = root.getParent();
    }
    var json = Files.readString(root.resolve("docs/fhir/Questionnaire-evaluering.json"));

    var questionnaire =
        FhirContext.forR4Cached().newJsonParser().parseResource(Questionnaire.class, json);

    assertThat(questionnaire.getStatus())
        .isEqualTo(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.ACTIVE);
    assertThat(RuleSetLoader.bundled().parameter("MH-EVALUATION", "questionnaires"))
        .first()
        .isEqualTo(questionnaire.getUrl());
  }
}

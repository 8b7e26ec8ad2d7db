package no.forlop.ingest.fhir;

import java.util.List;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Assessment;
import no.forlop.coding.Code;
import org.hl7.fhir.r4.model.QuestionnaireResponse;

/**
 * Understands a FHIR QuestionnaireResponse as a documented assessment without findings: a form
 * answered ({@code status}: {@code completed}, {@code amended}, {@code in-progress} …) at its
 * {@code authored} time, in an encounter if given, of the kind named by the questionnaire it
 * answers: its canonical URL without the version, in {@link Code#QUESTIONNAIRE}. A completed
 * response to a questionnaire listed in rule MH-EVALUATION is an evaluation (docs/rules.md). The
 * answers themselves are not read, except in a response to Forløp's entry criteria of a pathway:
 * that is the GP's answers sent with a referral ({@link EntryCriteriaResponses}, ADR 0044).
 */
final class QuestionnaireResponseTranslator implements ResourceTranslator<QuestionnaireResponse> {

  @Override
  public Class<QuestionnaireResponse> resourceClass() {
    return QuestionnaireResponse.class;
  }

  @Override
  public ClinicalEvent translate(QuestionnaireResponse response, Reading reading) {
    var questionnaire = reading.optional(response.getQuestionnaireElement());
    if (questionnaire != null && EntryCriteriaResponses.answersEntryCriteria(questionnaire)) {
      return EntryCriteriaResponses.translate(response, questionnaire, reading);
    }
    var patient = reading.patient(response.getSubject(), "subject", "responsePatient");
    var status = reading.required(response.getStatusElement(), "status");
    var authored = reading.instant(response.getAuthoredElement(), "authored", "responseDate");
    return new Assessment(
        reading.source(),
        patient,
        status,
        authored,
        List.of(),
        reading.optional(response.getEncounter(), "encounter"),
        questionnaire == null
            ? List.of()
            : List.of(new Code(Code.QUESTIONNAIRE, Code.canonicalWithoutVersion(questionnaire))));
  }
}

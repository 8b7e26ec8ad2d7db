package no.forlop.ingest.fhir;

import no.forlop.coding.ClinicalEvent.ReferralResponse;
import no.forlop.coding.Code;
import no.forlop.ingest.referral.ReferralBundles;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;

/**
 * Understands a QuestionnaireResponse to Forløp's entry criteria of a pathway ({@link
 * ReferralBundles#QUESTIONNAIRE}) as the GP's answers sent with a referral (ADR 0044): the referral
 * it is {@code basedOn}, and of the group {@link ReferralBundles#REQUIRED_CONTENT} how many items
 * of the pathway's required content it lists and how many the GP confirmed as included. A response
 * based on no referral is ignored, with the reason.
 */
final class EntryCriteriaResponses {

  private EntryCriteriaResponses() {}

  /** Whether a questionnaire's canonical URL is the entry criteria of a pathway. */
  static boolean answersEntryCriteria(String questionnaire) {
    return questionnaire.startsWith(ReferralBundles.QUESTIONNAIRE);
  }

  static ReferralResponse translate(
      QuestionnaireResponse response, String questionnaire, Reading reading) {
    var patient = reading.patient(response.getSubject(), "subject", "responsePatient");
    var status = reading.required(response.getStatusElement(), "status");
    var authored = reading.instant(response.getAuthoredElement(), "authored", "responseDate");
    String referral = null;
    for (Reference basedOn : response.getBasedOn()) {
      var key = reading.optionalOfType(basedOn, "basedOn", "ServiceRequest");
      if (key == null) {
        key = reading.byIdentifier(basedOn, "basedOn", "ServiceRequest");
      }
      if (key != null) {
        referral = key;
        break;
      }
    }
    if (referral == null) {
      throw reading.ignored("RESPONSE_WITHOUT_REFERRAL");
    }
    var content = requiredContent(response);
    return new ReferralResponse(
        reading.source(),
        patient,
        status,
        referral,
        Code.canonicalWithoutVersion(questionnaire),
        authored,
        content[0],
        content[1]);
  }

  /**
   * The items of the required-content group and how many of them are answered {@code true}: an item
   * answered otherwise, or not at all, is listed but not confirmed.
   *
   * @return {listed, confirmed}; {0, 0} without the group
   */
  static int[] requiredContent(QuestionnaireResponse response) {
    int listed = 0;
    int confirmed = 0;
    for (var group : response.getItem()) {
      if (!ReferralBundles.REQUIRED_CONTENT.equals(group.getLinkId())) {
        continue;
      }
      for (var item : group.getItem()) {
        listed++;
        if (item.getAnswer().size() == 1
            && item.getAnswerFirstRep().getValue() instanceof BooleanType yes
            && yes.booleanValue()) {
          confirmed++;
        }
      }
    }
    return new int[] {listed, confirmed};
  }
}

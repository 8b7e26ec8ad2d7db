package no.forlop.ingest.fhir;

import java.util.List;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Assessment;
import org.hl7.fhir.r4.model.Condition;

/**
 * Understands a FHIR Condition as a documented diagnosis, an {@link Assessment}: its status is the
 * {@code verificationStatus} ({@code confirmed}, {@code provisional}, {@code refuted}, {@code
 * entered-in-error} …), its date the {@code recordedDate}, its findings the codes of {@code code}
 * (ICD-10, or a mental-health outcome such as {@code D11CP}), its kinds the codes of {@code
 * category}, in an encounter if given (docs/rules.md, MH-DECISION-OUTCOME and
 * MH-DECISION-FROM-DIAGNOSIS). Without a verification status or a recorded date the Condition is
 * rejected: whether and when the diagnosis was made are exactly what a decision needs.
 */
final class ConditionTranslator implements ResourceTranslator<Condition> {

  /** HL7's code system of {@code Condition.verificationStatus}. */
  static final String VERIFICATION_STATUS =
      "http://terminology.hl7.org/CodeSystem/condition-ver-status";

  @Override
  public Class<Condition> resourceClass() {
    return Condition.class;
  }

  @Override
  public ClinicalEvent translate(Condition condition, Reading reading) {
    var patient = reading.patient(condition.getSubject(), "subject", "diagnosisPatient");
    var status = verificationStatus(condition, reading);
    var recorded =
        reading.instant(condition.getRecordedDateElement(), "recordedDate", "diagnosisRecorded");
    return new Assessment(
        reading.source(),
        patient,
        status,
        recorded,
        Reading.codes(List.of(condition.getCode())),
        reading.optional(condition.getEncounter(), "encounter"),
        Reading.codes(condition.getCategory()));
  }

  private static String verificationStatus(Condition condition, Reading reading) {
    var question = "diagnosisConfirmed";
    if (!condition.hasVerificationStatus()) {
      throw reading.missing("verificationStatus", question);
    }
    return condition.getVerificationStatus().getCoding().stream()
        .filter(c -> VERIFICATION_STATUS.equals(c.getSystem()) && c.hasCode())
        .map(c -> c.getCode().strip())
        .findFirst()
        .orElseThrow(
            () ->
                reading.rejected("NO_CODE_FROM_SYSTEM", "verificationStatus", VERIFICATION_STATUS));
  }
}

package no.forlop.ingest.fhir;

import java.time.Instant;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Assessment;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.ClinicalImpression.ClinicalImpressionFindingComponent;

/**
 * Understands a FHIR ClinicalImpression as an assessment: the findings ({@code
 * finding.itemCodeableConcept}: ICD-10, or an outcome code) documented at its {@code date} (else
 * its {@code effective} time), in an encounter if given, and its kind ({@code code}: SNOMED
 * 386053000 makes it an evaluation in a mental-health pathway, docs/rules.md).
 */
final class ClinicalImpressionTranslator implements ResourceTranslator<ClinicalImpression> {

  @Override
  public Class<ClinicalImpression> resourceClass() {
    return ClinicalImpression.class;
  }

  @Override
  public ClinicalEvent translate(ClinicalImpression impression, Reading reading) {
    var patient = reading.patient(impression.getSubject(), "subject", "assessmentPatient");
    var status = reading.required(impression.getStatusElement(), "status");
    var findings =
        Reading.codes(
            impression.getFinding().stream()
                .filter(ClinicalImpressionFindingComponent::hasItemCodeableConcept)
                .map(ClinicalImpressionFindingComponent::getItemCodeableConcept)
                .toList());
    return new Assessment(
        reading.source(),
        patient,
        status,
        date(impression, reading),
        findings,
        reading.optional(impression.getEncounter(), "encounter"),
        impression.hasCode()
            ? Reading.codes(java.util.List.of(impression.getCode()))
            : java.util.List.of());
  }

  private static Instant date(ClinicalImpression impression, Reading reading) {
    var question = "assessmentDate";
    if (impression.hasDateElement()) {
      return reading.instant(impression.getDateElement(), "date", question);
    }
    if (impression.hasEffectiveDateTimeType()) {
      return reading.instant(impression.getEffectiveDateTimeType(), "effectiveDateTime", question);
    }
    if (impression.hasEffectivePeriod()) {
      return reading.instant(
          impression.getEffectivePeriod().getStartElement(), "effectivePeriod.start", question);
    }
    throw reading.missing("date", question);
  }
}

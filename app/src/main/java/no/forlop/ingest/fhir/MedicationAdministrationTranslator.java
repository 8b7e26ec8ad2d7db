package no.forlop.ingest.fhir;

import java.time.Instant;
import java.util.List;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.Code;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationPerformerComponent;

/**
 * Understands a FHIR MedicationAdministration as a drug given: which drug ({@code
 * medicationCodeableConcept}, ATC), when ({@code effectiveDateTime} or the start of {@code
 * effectivePeriod}), in which encounter ({@code context}) and by which organisations.
 */
final class MedicationAdministrationTranslator
    implements ResourceTranslator<MedicationAdministration> {

  @Override
  public Class<MedicationAdministration> resourceClass() {
    return MedicationAdministration.class;
  }

  @Override
  public ClinicalEvent translate(MedicationAdministration administration, Reading reading) {
    var patient = reading.patient(administration.getSubject(), "subject", "drugPatient");
    var status = reading.required(administration.getStatusElement(), "status");
    var performers =
        reading.organisations(
            administration.getPerformer().stream()
                .map(MedicationAdministrationPerformerComponent::getActor)
                .toList(),
            "performer.actor");
    return new DrugAdministered(
        reading.source(),
        patient,
        status,
        medication(administration, reading),
        effective(administration, reading),
        reading.optional(administration.getContext(), "context"),
        performers);
  }

  private static List<Code> medication(MedicationAdministration administration, Reading reading) {
    if (administration.hasMedicationCodeableConcept()) {
      return Reading.codes(List.of(administration.getMedicationCodeableConcept()));
    }
    if (administration.hasMedicationReference()) {
      throw reading.rejected("MEDICATION_REFERENCE");
    }
    throw reading.missing("medicationCodeableConcept", "drugGiven");
  }

  private static Instant effective(MedicationAdministration administration, Reading reading) {
    var question = "drugDate";
    if (administration.hasEffectiveDateTimeType()) {
      return reading.instant(
          administration.getEffectiveDateTimeType(), "effectiveDateTime", question);
    }
    if (administration.hasEffectivePeriod()) {
      return reading.instant(
          administration.getEffectivePeriod().getStartElement(), "effectivePeriod.start", question);
    }
    throw reading.missing(
        IntakeReason.Phrase.of("element.either", "effectiveDateTime", "effectivePeriod"), question);
  }
}

package no.forlop.ingest.fhir;

import java.time.Instant;
import java.util.List;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.NotDone;
import no.forlop.coding.Code;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationAdministration.MedicationAdministrationPerformerComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Understands a FHIR MedicationAdministration as a drug given: which drug ({@code
 * medicationCodeableConcept}, ATC; or {@code medicationReference} to a Medication), when ({@code
 * effectiveDateTime} or the start of {@code effectivePeriod}), in which encounter ({@code context})
 * and by which organisations. One with status {@code not-done} was not given: it is kept only to
 * replace an earlier version of itself, and counts for nothing.
 *
 * <p>A Medication {@code contained} in the administration ({@code #med1}) is read at once. One that
 * is a resource of its own (in the same bundle, or in another delivery, before or after) is named
 * by its key, or by its business identifier when the reference has only an {@code identifier}, and
 * joined when the codes are derived: an administration whose medication has not arrived yet is
 * accepted all the same.
 */
final class MedicationAdministrationTranslator
    implements ResourceTranslator<MedicationAdministration> {

  private static final String MEDICATION = "Medication";
  private static final String NOT_DONE = "not-done";
  private static final String ENTERED_IN_ERROR = "entered-in-error";

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
    if (NOT_DONE.equals(status)) {
      // kept with why it was not given and when, if said: a patient who declined the treatment
      // may stop a cancer pathway (X, proposed)
      return new NotDone(
          reading.source(),
          patient,
          status,
          Reading.codes(administration.getStatusReason()),
          administration.hasEffective() ? effective(administration, reading) : null,
          reading.optional(administration.getContext(), "context"),
          performers);
    }
    var drug = medication(administration, reading);
    return new DrugAdministered(
        reading.source(),
        patient,
        status,
        drug.codes(),
        effective(administration, reading),
        reading.optional(administration.getContext(), "context"),
        performers,
        drug.reference());
  }

  /** The drug: its codes where the administration holds them, or the key of its Medication. */
  private record Drug(List<Code> codes, @Nullable String reference) {}

  private static Drug medication(MedicationAdministration administration, Reading reading) {
    if (administration.hasMedicationCodeableConcept()) {
      return new Drug(Reading.codes(List.of(administration.getMedicationCodeableConcept())), null);
    }
    if (!administration.hasMedicationReference()) {
      throw reading.missing(
          IntakeReason.Phrase.of(
              "element.either", "medicationCodeableConcept", "medicationReference"),
          "drugGiven");
    }
    var reference = administration.getMedicationReference();
    var element = "medicationReference";
    if (reference.hasReference() && reference.getReference().startsWith("#")) {
      return new Drug(contained(administration, reference, reading).codes(), null);
    }
    var key = reading.optional(reference, element, MEDICATION);
    if (key == null) {
      key = reading.byIdentifier(reference, element, MEDICATION);
    }
    if (key == null) {
      throw reading.rejected("MEDICATION_REFERENCE");
    }
    return new Drug(List.of(), key);
  }

  /**
   * The Medication contained in the administration that the reference points to (HAPI links it when
   * parsing; a reference to a contained resource that is not there is rejected then). Its codes are
   * the drug's, unless it is entered in error.
   */
  private static Drug contained(
      MedicationAdministration administration, Reference reference, Reading reading) {
    var id = reference.getReference().substring(1);
    Resource target =
        reference.getResource() instanceof Resource linked
            ? linked
            : administration.getContained().stream()
                .filter(r -> id.equals(r.getIdElement().getIdPart().replaceFirst("^#", "")))
                .findFirst()
                .orElseThrow(
                    () -> reading.rejected("CONTAINED_NOT_FOUND", "medicationReference.reference"));
    if (!(target instanceof Medication medication)) {
      throw reading.rejected(
          "WRONG_REFERENCE_TYPE", "medicationReference", target.fhirType(), MEDICATION);
    }
    if (ENTERED_IN_ERROR.equals(reading.optional(medication.getStatusElement()))) {
      return new Drug(List.of(), null);
    }
    return new Drug(Reading.codes(List.of(medication.getCode())), null);
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

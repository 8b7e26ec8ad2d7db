package no.forlop.ingest.fhir;

import java.util.List;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.MedicationRecord;
import org.hl7.fhir.r4.model.Medication;

/**
 * Understands a FHIR Medication as the drug that administrations name by {@code
 * medicationReference}: its {@code code} (ATC, system {@code http://www.whocc.no/atc}, or another
 * drug terminology) and {@code status}. It is a fact of its own, about no patient, so that it may
 * arrive before or after the administrations that name it; a Medication without a code is kept too,
 * and gives no treatment.
 */
final class MedicationTranslator implements ResourceTranslator<Medication> {

  @Override
  public Class<Medication> resourceClass() {
    return Medication.class;
  }

  @Override
  public ClinicalEvent translate(Medication medication, Reading reading) {
    return new MedicationRecord(
        reading.source(),
        reading.optional(medication.getStatusElement()),
        Reading.codes(List.of(medication.getCode())));
  }
}

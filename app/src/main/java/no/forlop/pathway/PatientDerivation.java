package no.forlop.pathway;

import java.util.List;
import no.forlop.patient.PatientIdentifier;

/**
 * Every pathway instance the derivation finds for one patient: the patient's stored instances that
 * none of these match lose their derived codes.
 *
 * @param patient the patient's fødselsnummer or D-nummer
 */
public record PatientDerivation(PatientIdentifier patient, List<DerivedInstance> instances) {

  public PatientDerivation {
    instances = List.copyOf(instances);
  }
}

package no.forlop.pathway;

import java.util.List;

/**
 * Every pathway instance the derivation finds for one patient: the patient's stored instances that
 * none of these match lose their derived codes.
 *
 * @param patient the patient's fødselsnummer or D-nummer
 */
public record PatientDerivation(String patient, List<DerivedInstance> instances) {

  public PatientDerivation {
    instances = List.copyOf(instances);
  }
}

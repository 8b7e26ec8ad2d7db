package no.forlop.access;

/**
 * Understands what an emergency access (nødtilgang) opens: one patient's pathways at one
 * organisation, for a user who does not work there. It opens only what a user asks for by the
 * pathway; lists (the worklist, the statistics) do not grow from it (ADR 0028).
 *
 * @param patient the patient's fødselsnummer or D-nummer
 * @param organisation the organisation number of the unit the patient's pathway belongs to
 */
public record EmergencyAccess(String patient, String organisation) {

  public EmergencyAccess {
    if (patient == null || patient.isBlank() || organisation == null || organisation.isBlank()) {
      throw new IllegalArgumentException("an emergency access names a patient and a unit");
    }
  }
}

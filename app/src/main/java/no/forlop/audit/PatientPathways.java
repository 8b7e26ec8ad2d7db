package no.forlop.audit;

import java.util.Map;
import java.util.UUID;

/**
 * Which units a patient has (or had) a pathway in: what decides who may read the patient's audit
 * trail. The audit module asks; the pathway module, which owns the pathways, answers.
 */
public interface PatientPathways {

  /**
   * The organisation (organisasjonsnummer) of every pathway instance the patient has or had, by the
   * instance's id; empty for a patient with no pathway (or one Forløp does not know).
   */
  Map<UUID, String> organisationsOf(String patient);
}

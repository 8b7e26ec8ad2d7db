package no.forlop.mdt.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The decision an MDT meeting takes about one patient's pathway.
 *
 * @param outcome the clinical-decision code's key in the pathway's scheme (e.g. {@code CK})
 * @param discussedOn the day the decision was discussed with the patient; {@code null} while it has
 *     not been
 */
public record Decision(
    String outcome, TreatmentIntention intention, @Nullable LocalDate discussedOn) {

  public boolean discussedWithPatient() {
    return discussedOn != null;
  }
}

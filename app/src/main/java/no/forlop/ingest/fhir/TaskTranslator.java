package no.forlop.ingest.fhir;

import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import org.hl7.fhir.r4.model.Task;

/**
 * Understands a FHIR Task as the handling of a referral: its {@code status} (received, accepted …),
 * the referral it is about ({@code focus}), who handles it ({@code owner}) and when ({@code
 * authoredOn}). The patient ({@code for}) may be left to the referral.
 */
final class TaskTranslator implements ResourceTranslator<Task> {

  @Override
  public Class<Task> resourceClass() {
    return Task.class;
  }

  @Override
  public ClinicalEvent translate(Task task, Reading reading) {
    return new ReferralTask(
        reading.source(),
        reading.optionalPatient(task.getFor(), "for"),
        reading.required(task.getStatusElement(), "status"),
        reading.required(task.getFocus(), "focus", "taskFocus"),
        reading.organisation(task.getOwner(), "owner"),
        reading.instant(task.getAuthoredOnElement(), "authoredOn", "referralReceived"));
  }
}

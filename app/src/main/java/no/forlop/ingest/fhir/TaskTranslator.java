package no.forlop.ingest.fhir;

import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import org.hl7.fhir.r4.model.Task;

/**
 * Understands a FHIR Task as the handling of a referral: its {@code status} (received, accepted …),
 * the referral it is about ({@code focus}), who handles it ({@code owner}) and when ({@code
 * authoredOn}). The patient ({@code for}) may be left to the referral.
 *
 * <p>The focus is a reference to the ServiceRequest, or, where the EHR knows the referral only by
 * its business identifier, a {@code focus.identifier} (system and value) without a reference: the
 * task is then about the referral with that identifier, received before or after the task, and is
 * joined to it when the codes are derived ({@link no.forlop.coding.SourceRef#byIdentifier}).
 *
 * <p>{@code businessStatus} says what the assessment concluded beyond its status: Forløp's code
 * {@code direct-treatment} ({@code https://forlop.no/fhir/CodeSystem/referral-assessment}) marks
 * that the right to treatment was given directly (docs/rules.md, {@code
 * MH-DIRECT-TREATMENT-RIGHT}).
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
        focus(task, reading),
        reading.organisation(task.getOwner(), "owner"),
        reading.instant(task.getAuthoredOnElement(), "authoredOn", "referralReceived"),
        task.hasBusinessStatus()
            ? Reading.codes(java.util.List.of(task.getBusinessStatus()))
            : java.util.List.of());
  }

  private static String focus(Task task, Reading reading) {
    var byIdentifier = reading.byIdentifier(task.getFocus(), "focus", "ServiceRequest");
    return byIdentifier != null
        ? byIdentifier
        : reading.required(task.getFocus(), "focus", "taskFocus");
  }
}

package no.forlop.ingest.fhir;

import java.util.List;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.PlannedAppointment;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.r4.model.Reference;

/**
 * Understands a FHIR Appointment as a planned appointment of the patient (the participant whose
 * {@code actor} is a Patient): its {@code status} (booked, fulfilled, cancelled, noshow …), who
 * cancelled it ({@code cancelationReason}, e.g. "pat" in HL7's appointment-cancellation-reason),
 * when it was planned ({@code start}) and the referral it is based on ({@code basedOn}). A
 * cancelled or missed appointment of the patient's own making may give pasientutsatt
 * (docs/rules.md, {@code MH-PATIENT-DELAY}).
 */
final class AppointmentTranslator implements ResourceTranslator<Appointment> {

  @Override
  public Class<Appointment> resourceClass() {
    return Appointment.class;
  }

  @Override
  public ClinicalEvent translate(Appointment appointment, Reading reading) {
    var patients =
        appointment.getParticipant().stream()
            .map(AppointmentParticipantComponent::getActor)
            .map(actor -> reading.optionalPatient(actor, "participant.actor"))
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
    if (patients.isEmpty()) {
      throw reading.missing(
          IntakeReason.Phrase.of("element.patientParticipant"), "appointmentPatient");
    }
    if (patients.size() > 1) {
      throw reading.rejected("SEVERAL_PATIENTS", "participant.actor");
    }
    var status = reading.required(appointment.getStatusElement(), "status");
    var reasons =
        appointment.hasCancelationReason()
            ? Reading.codes(List.of(appointment.getCancelationReason()))
            : List.<no.forlop.coding.Code>of();
    var referral =
        appointment.getBasedOn().stream()
            .filter(Reference::hasReference)
            .map(r -> reading.optional(r, "basedOn"))
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse(null);
    return new PlannedAppointment(
        reading.source(),
        patients.get(0),
        status,
        reasons,
        reading.optionalInstant(appointment.getStartElement(), "start"),
        referral);
  }
}

package no.forlop.ingest.fhir;

import java.time.Instant;
import java.util.List;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.NotDone;
import no.forlop.coding.ClinicalEvent.ProcedurePerformed;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedurePerformerComponent;

/**
 * Understands a FHIR Procedure as a procedure performed: what it was ({@code code} and {@code
 * category}: biopsy, surgery, radiotherapy …), when ({@code performedDateTime} or the start of
 * {@code performedPeriod}), in which encounter and by which organisations. One with status {@code
 * not-done} was not performed: it is kept to replace an earlier version of itself (a procedure
 * first sent as completed), with why it was not done ({@code statusReason}) and when, if given: a
 * patient who declined may stop a cancer pathway (X, proposed).
 */
final class ProcedureTranslator implements ResourceTranslator<Procedure> {

  private static final String NOT_DONE = "not-done";

  @Override
  public Class<Procedure> resourceClass() {
    return Procedure.class;
  }

  @Override
  public ClinicalEvent translate(Procedure procedure, Reading reading) {
    var patient = reading.patient(procedure.getSubject(), "subject", "procedurePatient");
    var status = reading.required(procedure.getStatusElement(), "status");
    var performers =
        reading.organisations(
            procedure.getPerformer().stream().map(ProcedurePerformerComponent::getActor).toList(),
            "performer.actor");
    if (NOT_DONE.equals(status)) {
      // not performed, so it may well have no performed time; kept to replace an earlier version
      // that said it was done, and for why it was not done (the patient declined: X proposed)
      return new NotDone(
          reading.source(),
          patient,
          status,
          Reading.codes(List.of(procedure.getStatusReason())),
          procedure.hasPerformed() ? performed(procedure, reading) : null,
          reading.optional(procedure.getEncounter(), "encounter"),
          performers);
    }
    var codes = Reading.codes(List.of(procedure.getCode(), procedure.getCategory()));
    return new ProcedurePerformed(
        reading.source(),
        patient,
        status,
        codes,
        performed(procedure, reading),
        reading.optional(procedure.getEncounter(), "encounter"),
        performers);
  }

  private static Instant performed(Procedure procedure, Reading reading) {
    var question = "procedureDate";
    if (procedure.hasPerformedDateTimeType()) {
      return reading.instant(procedure.getPerformedDateTimeType(), "performedDateTime", question);
    }
    if (procedure.hasPerformedPeriod()) {
      return reading.instant(
          procedure.getPerformedPeriod().getStartElement(), "performedPeriod.start", question);
    }
    if (procedure.hasPerformed()) {
      throw reading.rejected("PERFORMED_TYPE", procedure.getPerformed().fhirType());
    }
    throw reading.missing(
        IntakeReason.Phrase.of("element.either", "performedDateTime", "performedPeriod"), question);
  }
}

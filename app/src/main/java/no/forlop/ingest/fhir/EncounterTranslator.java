package no.forlop.ingest.fhir;

import java.util.ArrayList;
import java.util.List;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Attendance;
import org.hl7.fhir.r4.model.Encounter;

/**
 * Understands a FHIR Encounter as an attendance: a visit or stay of the patient ({@code subject})
 * at an organisation ({@code serviceProvider}), of a class (AMB, IMP …), starting at {@code
 * period.start}.
 */
final class EncounterTranslator implements ResourceTranslator<Encounter> {

  @Override
  public Class<Encounter> resourceClass() {
    return Encounter.class;
  }

  @Override
  public ClinicalEvent translate(Encounter encounter, Reading reading) {
    var patient = reading.patient(encounter.getSubject(), "subject", "patientSeen");
    var status = reading.required(encounter.getStatusElement(), "status");
    var organisations = new ArrayList<String>();
    var provider = reading.organisation(encounter.getServiceProvider(), "serviceProvider");
    if (provider != null) {
      organisations.add(provider);
    }
    var attendanceClass =
        encounter.hasClass_() ? reading.optional(encounter.getClass_().getCodeElement()) : null;
    var types = new ArrayList<>(Reading.codes(encounter.getType()));
    if (encounter.hasServiceType()) {
      types.addAll(Reading.codes(List.of(encounter.getServiceType())));
    }
    var start =
        reading.instant(encounter.getPeriod().getStartElement(), "period.start", "attendanceStart");
    return new Attendance(
        reading.source(),
        patient,
        Attendance.Kind.ENCOUNTER,
        status,
        attendanceClass,
        organisations,
        start,
        types);
  }
}

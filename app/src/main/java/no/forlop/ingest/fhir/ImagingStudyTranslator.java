package no.forlop.ingest.fhir;

import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Attendance;
import org.hl7.fhir.r4.model.ImagingStudy;
import org.hl7.fhir.r4.model.ImagingStudy.ImagingStudySeriesComponent;
import org.hl7.fhir.r4.model.ImagingStudy.ImagingStudySeriesPerformerComponent;

/**
 * Understands a FHIR ImagingStudy as an attendance: an examination of the patient ({@code
 * subject}), {@code started} at a time, at the organisations that performed its series ({@code
 * series.performer.actor}).
 */
final class ImagingStudyTranslator implements ResourceTranslator<ImagingStudy> {

  @Override
  public Class<ImagingStudy> resourceClass() {
    return ImagingStudy.class;
  }

  @Override
  public ClinicalEvent translate(ImagingStudy study, Reading reading) {
    var patient = reading.patient(study.getSubject(), "subject", "patientExamined");
    var status = reading.required(study.getStatusElement(), "status");
    var actors =
        study.getSeries().stream()
            .map(ImagingStudySeriesComponent::getPerformer)
            .flatMap(performers -> performers.stream())
            .map(ImagingStudySeriesPerformerComponent::getActor)
            .toList();
    var organisations = reading.organisations(actors, "series.performer.actor");
    var start = reading.instant(study.getStartedElement(), "started", "examinationDate");
    return new Attendance(
        reading.source(), patient, Attendance.Kind.IMAGING, status, null, organisations, start);
  }
}

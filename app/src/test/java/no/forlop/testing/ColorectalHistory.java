package no.forlop.testing;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * An invented colorectal cancer pathway (A12) as the EHR records it, in FHIR R4: referral received
 * 2024-03-04 (Task), first attendance 2024-03-11 and another visit 2024-03-13, decision C18.7 on
 * 2024-03-20, surgery 2024-04-05 — so A12A 03-04, A12S 03-11, A12CK 03-20, A12FK 04-05.
 */
public final class ColorectalHistory {

  public static final String ORGANISATION_NUMBER = "910000012";
  public static final FhirContext FHIR = FhirContext.forR4Cached();

  private ColorectalHistory() {}

  /** The hospital (organisasjonsnummer 910000012). */
  public static Organization organisation(String id) {
    var organisation = new Organization();
    organisation.setId(id);
    organisation
        .addIdentifier()
        .setSystem("urn:oid:2.16.578.1.12.4.1.4.101")
        .setValue(ORGANISATION_NUMBER);
    organisation.setName("Fjordby sykehus HF");
    return organisation;
  }

  /** The ids of one patient's resources: {@code c<fødselsnummer>-p}, {@code …-sr}, … */
  public static String id(String patient, String suffix) {
    return "c" + patient + "-" + suffix;
  }

  /** Patient, ServiceRequest, Task, Encounter e1 and e2, ClinicalImpression, Procedure. */
  public static List<Resource> of(String patient, String organisationId) {
    var org = new Reference("Organization/" + organisationId);
    var subject = new Reference("Patient/" + id(patient, "p"));

    var person = new Patient();
    person.setId(id(patient, "p"));
    person.addIdentifier().setSystem("urn:oid:2.16.578.1.12.4.1.4.1").setValue(patient);

    var referral = new ServiceRequest();
    referral.setId(id(patient, "sr"));
    referral.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
    referral.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
    referral.setSubject(subject);
    referral.addPerformer(org);
    referral.setAuthoredOnElement(new DateTimeType("2024-03-01T14:05:00+01:00"));
    referral.setCode(
        new CodeableConcept(new Coding("urn:oid:2.16.578.1.12.4.1.1.8480", "A12A", null)));

    var received = new Task();
    received.setId(id(patient, "t"));
    received.setStatus(Task.TaskStatus.RECEIVED);
    received.setIntent(Task.TaskIntent.ORDER);
    received.setFocus(new Reference("ServiceRequest/" + id(patient, "sr")));
    received.setFor(subject);
    received.setOwner(org);
    received.setAuthoredOnElement(new DateTimeType("2024-03-04T09:10:00+01:00"));

    var decision = new ClinicalImpression();
    decision.setId(id(patient, "ci"));
    decision.setStatus(ClinicalImpression.ClinicalImpressionStatus.COMPLETED);
    decision.setSubject(subject);
    decision.setDateElement(new DateTimeType("2024-03-20T13:00:00+01:00"));
    decision.setEncounter(new Reference("Encounter/" + id(patient, "e2")));
    decision
        .addFinding()
        .setItemCodeableConcept(
            new CodeableConcept(new Coding("urn:oid:2.16.578.1.12.4.1.1.7110", "C18.7", null)));

    var surgery = new Procedure();
    surgery.setId(id(patient, "op"));
    surgery.setStatus(Procedure.ProcedureStatus.COMPLETED);
    surgery.setSubject(subject);
    surgery.setPerformed(new DateTimeType("2024-04-05T08:00:00+02:00"));
    surgery.setCategory(
        new CodeableConcept(new Coding("http://snomed.info/sct", "387713003", null)));

    return List.of(
        person,
        referral,
        received,
        encounter(patient, "e1", organisationId, "2024-03-11T08:30:00+01:00"),
        encounter(patient, "e2", organisationId, "2024-03-13T10:00:00+01:00"),
        decision,
        surgery);
  }

  /** A finished outpatient visit at the hospital. */
  public static Encounter encounter(
      String patient, String suffix, String organisationId, String start) {
    var visit = new Encounter();
    visit.setId(id(patient, suffix));
    visit.setStatus(Encounter.EncounterStatus.FINISHED);
    visit.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    visit.setSubject(new Reference("Patient/" + id(patient, "p")));
    visit.setServiceProvider(new Reference("Organization/" + organisationId));
    visit.setPeriod(new Period().setStartElement(new DateTimeType(start)));
    return visit;
  }

  /** The resources as a FHIR batch of PUTs by id, as JSON for {@code /fhir}. */
  public static byte[] batch(List<? extends Resource> resources) {
    var bundle = new org.hl7.fhir.r4.model.Bundle();
    bundle.setType(org.hl7.fhir.r4.model.Bundle.BundleType.BATCH);
    for (var resource : resources) {
      bundle
          .addEntry()
          .setResource(resource)
          .getRequest()
          .setMethod(org.hl7.fhir.r4.model.Bundle.HTTPVerb.PUT)
          .setUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }
    return FHIR.newJsonParser()
        .encodeResourceToString(bundle)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A resource as one NDJSON line. */
  public static String json(Resource resource) {
    return FHIR.newJsonParser().encodeResourceToString(resource);
  }
}

package no.forlop.coordinator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.TestPatients;

/**
 * An invented patient at Fjordby sykehus HF (910000012) and the EHR events of their colorectal
 * pathway, as FHIR R4 NDJSON sent through the real intake, so that the pathway page shows codes the
 * derivation registered or proposed. Dates are in December 2024 (the tests' clock stands at
 * 2024-12-31).
 */
public final class InventedPatient {

  public static final String UNIT = "910000012";
  public static final Actor EHR = new Actor("ehr-test", "INTEGRATION");
  public static final Actor SYSTEM = new Actor("pathway-page-test", "TESTING");

  public final String patient = TestPatients.next();
  public final String given;
  public final String family;
  private final String p = "p-" + UUID.randomUUID();
  private final StringBuilder events = new StringBuilder();

  public InventedPatient(String given, String family) {
    this.given = given;
    this.family = family;
    line(
        "{\"resourceType\":\"Patient\",\"id\":\"%s\",\"identifier\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.4.1\",\"value\":\"%s\"}],\"name\":[{\"use\":\"official\",\"family\":\"%s\",\"given\":[\"%s\"]}]}",
        p, patient, family, given);
    line(
        "{\"resourceType\":\"Organization\",\"id\":\"hf1\",\"identifier\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.4.101\",\"value\":\"%s\"}]}",
        UNIT);
  }

  public String name() {
    return given + " " + family;
  }

  /** A referral marked A12 (colorectal), received on {@code receivedOn}: a registered start. */
  public InventedPatient referralReceived(String receivedOn) {
    line(
        "{\"resourceType\":\"ServiceRequest\",\"id\":\"sr-%s\",\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/%s\"},\"performer\":[{\"reference\":\"Organization/hf1\"}],\"authoredOn\":\"%sT08:00:00+01:00\",\"code\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.8480\",\"code\":\"A12A\"}]}}",
        p, p, receivedOn);
    return received(receivedOn);
  }

  /**
   * A referral with priority PK (pakkeforløp for kreft) and suspected C18.7 but no pathway code:
   * the start is only proposed.
   */
  public InventedPatient pathwayPriorityReferral(String receivedOn) {
    line(
        "{\"resourceType\":\"ServiceRequest\",\"id\":\"sr-%s\",\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/%s\"},\"performer\":[{\"reference\":\"Organization/hf1\"}],\"authoredOn\":\"%sT08:00:00+01:00\",\"category\":[{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.8306\",\"code\":\"PK\"}]}],\"reasonCode\":[{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.7110\",\"code\":\"C18.7\"}]}]}",
        p, p, receivedOn);
    return received(receivedOn);
  }

  /**
   * A referral to substance-use treatment (D01), assessed on {@code assessedOn} (a Task accepted):
   * the start; with {@code directTreatment} the assessment gave the right to treatment directly
   * ({@code businessStatus} direct-treatment).
   */
  public InventedPatient substanceUseAssessed(String assessedOn, boolean directTreatment) {
    line(
        "{\"resourceType\":\"ServiceRequest\",\"id\":\"sr-%s\",\"status\":\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/%s\"},\"performer\":[{\"reference\":\"Organization/hf1\"}],\"authoredOn\":\"%sT08:00:00+01:00\",\"code\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.8480\",\"code\":\"D01\"}]}}",
        p, p, assessedOn);
    var business =
        directTreatment
            ? ",\"businessStatus\":{\"coding\":[{\"system\":\"https://forlop.no/fhir/CodeSystem/referral-assessment\",\"code\":\"direct-treatment\"}]}"
            : "";
    line(
        "{\"resourceType\":\"Task\",\"id\":\"t-%s\",\"status\":\"accepted\",\"intent\":\"order\",\"focus\":{\"reference\":\"ServiceRequest/sr-%s\"},\"for\":{\"reference\":\"Patient/%s\"},\"owner\":{\"reference\":\"Organization/hf1\"},\"authoredOn\":\"%sT09:10:00+01:00\"%s}",
        p, p, p, assessedOn, business);
    return this;
  }

  private InventedPatient received(String on) {
    line(
        "{\"resourceType\":\"Task\",\"id\":\"t-%s\",\"status\":\"received\",\"intent\":\"order\",\"focus\":{\"reference\":\"ServiceRequest/sr-%s\"},\"for\":{\"reference\":\"Patient/%s\"},\"owner\":{\"reference\":\"Organization/hf1\"},\"authoredOn\":\"%sT09:10:00+01:00\"}",
        p, p, p, on);
    return this;
  }

  /** An outpatient visit: the first attendance. */
  public InventedPatient visit(String on) {
    line(
        "{\"resourceType\":\"Encounter\",\"id\":\"e-%s-%s\",\"status\":\"finished\",\"class\":{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-ActCode\",\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/%s\"},\"serviceProvider\":{\"reference\":\"Organization/hf1\"},\"period\":{\"start\":\"%sT09:00:00+01:00\"}}",
        p, on, p, on);
    return this;
  }

  /** A biopsy (SNOMED 86273004): a tracked milestone. */
  public InventedPatient biopsy(String on) {
    line(
        "{\"resourceType\":\"Procedure\",\"id\":\"bx-%s\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/%s\"},\"performedDateTime\":\"%sT10:00:00+01:00\",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"86273004\"}]}}",
        p, p, on);
    return this;
  }

  /** A completed assessment with a diagnosis: the clinical decision. */
  public InventedPatient diagnosis(String icd10, String on) {
    line(
        "{\"resourceType\":\"ClinicalImpression\",\"id\":\"ci-%s\",\"status\":\"completed\",\"subject\":{\"reference\":\"Patient/%s\"},\"date\":\"%sT13:00:00+01:00\",\"finding\":[{\"itemCodeableConcept\":{\"coding\":[{\"system\":\"urn:oid:2.16.578.1.12.4.1.1.7110\",\"code\":\"%s\"}]}}]}",
        p, p, on, icd10);
    return this;
  }

  /** Sends the events through the intake (codes derived) and returns the pathway. */
  public PathwayView deliver(IntakeService intake, PathwayService pathways) {
    intake.receive(events.toString().getBytes(StandardCharsets.UTF_8), "test", EHR, true);
    List<PathwayView> found = pathways.byPatient(PatientIdentifier.parse(patient), null, SYSTEM);
    if (found.size() != 1) {
      throw new IllegalStateException("expected one pathway, found " + found.size());
    }
    return found.get(0);
  }

  private void line(String format, Object... args) {
    events.append(String.format(format, args)).append('\n');
  }
}

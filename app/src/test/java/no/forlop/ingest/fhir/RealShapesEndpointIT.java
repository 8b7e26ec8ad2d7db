package no.forlop.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real shapes through the FHIR endpoint, posted as the integration user {@code ehr}: a batch
 * whose referral is a filler order, whose receipt names the referral by identifier and whose drug
 * names a Medication in the same bundle, with an ignored proposal and a procedure not done; a
 * Medication sent on its own afterwards; and the pathway read back through the REST API.
 */
class RealShapesEndpointIT extends ApplicationTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String AS_OF = "2024-06-30";
  private static final String EHR = "ehr";

  private final String fnr = TestPatients.next();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private String bundle(String medicationUrn) {
    return """
        {"resourceType": "Bundle", "type": "batch", "entry": [
          {"resource": {"resourceType": "Patient", "id": "p-{{run}}",
             "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.1", "value": "{{fnr}}"}]},
           "request": {"method": "PUT", "url": "Patient/p-{{run}}"}},
          {"resource": {"resourceType": "Organization", "id": "hf1",
             "identifier": [{"system": "urn:oid:2.16.578.1.12.4.1.4.101", "value": "910000012"}]},
           "request": {"method": "PUT", "url": "Organization/hf1"}},
          {"resource": {"resourceType": "ServiceRequest", "id": "sr-{{run}}",
             "identifier": [{"system": "urn:ehr:henvisning", "value": "H-{{run}}"}],
             "status": "active", "intent": "filler-order",
             "code": {"coding": [{"system": "urn:oid:2.16.578.1.12.4.1.1.8480", "code": "A12A"}]},
             "subject": {"reference": "Patient/p-{{run}}"},
             "performer": [{"reference": "Organization/hf1"}],
             "authoredOn": "2024-03-01T14:05:00+01:00"},
           "request": {"method": "PUT", "url": "ServiceRequest/sr-{{run}}"}},
          {"resource": {"resourceType": "ServiceRequest", "id": "plan-{{run}}",
             "status": "active", "intent": "proposal",
             "subject": {"reference": "Patient/p-{{run}}"},
             "authoredOn": "2024-03-02T10:00:00+01:00"},
           "request": {"method": "PUT", "url": "ServiceRequest/plan-{{run}}"}},
          {"resource": {"resourceType": "Task", "id": "t-{{run}}", "status": "received",
             "intent": "order",
             "focus": {"type": "ServiceRequest",
                       "identifier": {"system": "urn:ehr:henvisning", "value": "H-{{run}}"}},
             "owner": {"reference": "Organization/hf1"},
             "authoredOn": "2024-03-04T09:10:00+01:00"},
           "request": {"method": "PUT", "url": "Task/t-{{run}}"}},
          {"resource": {"resourceType": "Encounter", "id": "e1-{{run}}", "status": "finished",
             "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "AMB"},
             "subject": {"reference": "Patient/p-{{run}}"},
             "serviceProvider": {"reference": "Organization/hf1"},
             "period": {"start": "2024-03-11T09:00:00+01:00"}},
           "request": {"method": "PUT", "url": "Encounter/e1-{{run}}"}},
          {"resource": {"resourceType": "ClinicalImpression", "id": "ci-{{run}}",
             "status": "completed", "subject": {"reference": "Patient/p-{{run}}"},
             "date": "2024-03-20T13:00:00+01:00",
             "finding": [{"itemCodeableConcept": {"coding": [
               {"system": "urn:oid:2.16.578.1.12.4.1.1.7110", "code": "C18.7"}]}}]},
           "request": {"method": "PUT", "url": "ClinicalImpression/ci-{{run}}"}},
          {"fullUrl": "{{urn}}",
           "resource": {"resourceType": "Medication", "code": {"coding": [
             {"system": "http://www.whocc.no/atc", "code": "L01BC02"}]}},
           "request": {"method": "POST", "url": "Medication"}},
          {"resource": {"resourceType": "MedicationAdministration", "id": "ma-{{run}}",
             "status": "completed", "medicationReference": {"reference": "{{urn}}"},
             "subject": {"reference": "Patient/p-{{run}}"},
             "effectiveDateTime": "2024-04-01T10:00:00+02:00"},
           "request": {"method": "PUT", "url": "MedicationAdministration/ma-{{run}}"}},
          {"resource": {"resourceType": "Procedure", "id": "op-{{run}}", "status": "not-done",
             "category": {"coding": [{"system": "http://snomed.info/sct", "code": "387713003"}]},
             "subject": {"reference": "Patient/p-{{run}}"}},
           "request": {"method": "PUT", "url": "Procedure/op-{{run}}"}}
        ]}
        """
        .replace("{{run}}", run)
        .replace("{{fnr}}", fnr)
        .replace("{{urn}}", medicationUrn);
  }

  private Bundle batch(String bundle) {
    var response =
        post(
            "/fhir",
            "application/fhir+json",
            bundle.getBytes(StandardCharsets.UTF_8),
            AS,
            EHR,
            "Accept-Language",
            "en");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  private JsonNode pathway() {
    var response = pathwaysAsOf(fnr, AS_OF);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    assertThat(response.json()).hasSize(1);
    return response.json().get(0);
  }

  private static List<String> codes(JsonNode pathway) {
    var codes = new ArrayList<String>();
    pathway
        .get("codes")
        .forEach(c -> codes.add(c.get("code").asString() + " " + c.get("date").asString()));
    return codes;
  }

  private static JsonNode code(JsonNode pathway, String code) {
    for (var c : pathway.get("codes")) {
      if (code.equals(c.get("code").asString())) {
        return c;
      }
    }
    throw new AssertionError("no " + code + " in " + pathway.get("codes"));
  }

  private static String reasonOf(BundleEntryComponent entry) {
    var outcome = (OperationOutcome) entry.getResponse().getOutcome();
    return outcome.getIssueFirstRep().getDetails().getCodingFirstRep().getCode();
  }

  @Test
  void a_batch_of_real_shapes_gives_the_codes_and_answers_what_it_ignored() {
    var urn = "urn:uuid:" + UUID.randomUUID();

    var answer = batch(bundle(urn));

    var entries = answer.getEntry();
    assertThat(entries)
        .extracting(e -> e.getResponse().getStatus())
        .containsExactly(
            "200 OK",
            "200 OK",
            "200 OK",
            "200 OK",
            "200 OK",
            "200 OK",
            "200 OK",
            "201 Created",
            "200 OK",
            "200 OK");
    assertThat(reasonOf(entries.get(3))).isEqualTo("NOT_AN_ORDER");
    assertThat(reasonOf(entries.get(9))).isEqualTo("NOT_DONE");
    assertThat(
            ((OperationOutcome) entries.get(9).getResponse().getOutcome())
                .getIssueFirstRep()
                .getDetails()
                .getText())
        .contains("Procedure/op-" + run, "not-done");
    var pathway = pathway();
    assertThat(codes(pathway))
        .containsExactly(
            "A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20", "A12FM 2024-04-01");
    assertThat(code(pathway, "A12A").get("sources").toString()).contains("Task/t-" + run);
    assertThat(code(pathway, "A12FM").get("sources").toString())
        .contains("MedicationAdministration/ma-" + run, "Medication/" + urn);

    var rejections = get("/api/v1/ingest/rejections?limit=100", AS, "admin").json();
    assertThat(rejections.get("ignored").toString())
        .contains("Procedure/op-" + run, "NOT_DONE", "ServiceRequest/plan-" + run, "NOT_AN_ORDER");
  }

  @Test
  void a_medication_sent_on_its_own_after_the_drug_gives_fm_and_a_procedure_not_done_is_answered()
      throws Exception {
    var medication = "med-" + run;
    var bundle =
        bundle("urn:uuid:" + UUID.randomUUID())
            .replaceFirst(
                "\"medicationReference\": \\{\"reference\": \"urn:uuid:[0-9a-f-]+\"\\}",
                "\"medicationReference\": {\"reference\": \"Medication/" + medication + "\"}");
    var withoutItsMedication = FHIR.newJsonParser().parseResource(Bundle.class, bundle);
    withoutItsMedication.getEntry().remove(7);
    batch(FHIR.newJsonParser().encodeResourceToString(withoutItsMedication));
    assertThat(codes(pathway())).doesNotContain("A12FM 2024-04-01");

    var stored =
        send(
            "/fhir/Medication/" + medication,
            """
            {"resourceType": "Medication", "id": "%s", "status": "active",
             "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "L01XC06"}]}}
            """
                .formatted(medication));

    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    assertThat(stored.body()).contains("\"resourceType\":\"Medication\"");
    assertThat(codes(pathway())).contains("A12FM 2024-04-01");

    var notDone =
        postAsEhr(
            "/fhir/Procedure",
            """
            {"resourceType": "Procedure", "id": "op2-%s", "status": "not-done",
             "subject": {"reference": "Patient/p-%s"}}
            """
                .formatted(run, run));
    assertThat(notDone.status()).isEqualTo(200);
    assertThat(notDone.reason()).isEqualTo("NOT_DONE");
  }

  private Response postAsEhr(String path, String json) {
    return post(path, "application/fhir+json", json.getBytes(StandardCharsets.UTF_8), AS, EHR);
  }

  /** A PUT of one resource as the integration user. */
  private java.net.http.HttpResponse<String> send(String path, String json) throws Exception {
    var request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/fhir+json")
            .header("Authorization", basic(EHR))
            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json))
            .build();
    return java.net.http.HttpClient.newHttpClient()
        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
  }
}

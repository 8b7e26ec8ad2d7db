package no.forlop.ingest.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.forlop.testing.TestPatients;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The FHIR endpoint at /fhir end to end: batches, transactions and single resources through HAPI's
 * client, the pathways read back through the REST API. Today is 2024-12-31.
 */
class FhirEndpointIT extends FhirEndpointSupport {

  private static final String AS_OF = "2024-06-30";
  private static final String FJORDBY = "910000012";

  @Autowired JdbcClient jdbc;

  @Test
  void a_transaction_with_bad_resources_stores_nothing_and_names_every_problem() {
    var fnr = TestPatients.next();
    var bundle = fixture("referral-transaction.json", run(), fnr);

    var refused = catchThrowableOfType(InvalidRequestException.class, () -> send(bundle));

    assertThat(refused.getStatusCode()).isEqualTo(400);
    var issues = outcomeOf(refused).getIssue();
    assertThat(issues).hasSize(3);
    assertThat(issues.get(0).getExpression().get(0).getValue()).isEqualTo("Bundle.entry[5]");
    assertThat(issues.get(0).getDetails().getText()).contains("Encounter/bad1-", "mangler subject");
    assertThat(issues.get(1).getExpression().get(0).getValue()).isEqualTo("Bundle.entry[6]");
    assertThat(issues.get(1).getDetails().getText()).contains("Encounter/bad2-", "period.start");
    assertThat(reason(issues.get(2))).isEqualTo("TRANSACTION_REFUSED");
    assertThat(pathways(fnr, AS_OF)).isEmpty();
  }

  @Test
  void the_same_transaction_without_the_bad_resources_is_stored_and_its_codes_derived_at_once() {
    var fnr = TestPatients.next();
    var bundle = withoutEntries(fixture("referral-transaction.json", run(), fnr), 5, 6);

    var answer = send(bundle);

    assertThat(answer.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
    assertThat(answer.getEntry())
        .extracting(e -> e.getResponse().getStatus())
        .containsExactly("200 OK", "200 OK", "200 OK", "200 OK", "201 Created");
    assertThat(answer.getEntry().get(2).getResponse().getLocation())
        .startsWith("ServiceRequest/sr-");
    var pathway = pathway(pathways(fnr, AS_OF), "A12", FJORDBY);
    assertThat(dateOf(pathway, "A12A")).isEqualTo("2024-03-04");
    assertThat(dateOf(pathway, "A12S")).isEqualTo("2024-03-11");
  }

  @Test
  void one_bad_resource_is_enough_to_refuse_a_transaction() {
    var fnr = TestPatients.next();
    var bundle = withoutEntries(fixture("referral-transaction.json", run(), fnr), 6);

    var refused = catchThrowableOfType(InvalidRequestException.class, () -> send(bundle));

    var issues = outcomeOf(refused).getIssue();
    assertThat(issues)
        .extracting(FhirEndpointSupport::reason)
        .containsExactly("MISSING_ELEMENT", "TRANSACTION_REFUSED");
    assertThat(issues.get(1).getDetails().getText()).contains("1 oppføring ble avvist");
    assertThat(pathways(fnr, AS_OF)).isEmpty();
  }

  @Test
  void a_batch_answers_every_entry_in_order_and_stores_the_good_ones() {
    var fnr = TestPatients.next();
    var run = run();

    var answer = send(fixture("referral-batch-odd-entries.json", run, fnr));

    assertThat(answer.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
    var entries = answer.getEntry();
    assertThat(entries)
        .extracting(e -> e.getResponse().getStatus())
        .containsExactly(
            "200 OK",
            "200 OK",
            "200 OK",
            "200 OK",
            "201 Created",
            "400 Bad Request",
            "405 Method Not Allowed",
            "200 OK",
            "400 Bad Request",
            "400 Bad Request");
    assertThat(entries.get(0).getResponse().getLocation()).isEqualTo("Patient/p-" + run);
    assertThat(reasonOf(entries.get(5))).isEqualTo("ID_MISMATCH");
    assertThat(textOf(entries.get(5))).contains("request.url angir Encounter/another-");
    assertThat(reasonOf(entries.get(6))).isEqualTo("METHOD_NOT_SUPPORTED");
    assertThat(textOf(entries.get(6))).contains("DELETE", "entered-in-error");
    assertThat(reasonOf(entries.get(7))).isEqualTo("TYPE_NOT_READ");
    assertThat(textOf(entries.get(7))).contains("Practitioner");
    assertThat(reasonOf(entries.get(8))).isEqualTo("MISSING_ELEMENT");
    assertThat(textOf(entries.get(8))).contains("Encounter/bad1-", "mangler subject");
    assertThat(reasonOf(entries.get(9))).isEqualTo("UNKNOWN_RESOURCE_TYPE");
    assertThat(textOf(entries.get(9))).contains("Nonsense er ikke en ressurstype i FHIR R4");
    // the good entries are stored; the one whose URL names another id is not (it would move S)
    var pathway = pathway(pathways(fnr, AS_OF), "A12", FJORDBY);
    assertThat(dateOf(pathway, "A12A")).isEqualTo("2024-03-04");
    assertThat(dateOf(pathway, "A12S")).isEqualTo("2024-03-11");
  }

  @Test
  void the_same_bundle_posted_twice_changes_nothing() {
    var fnr = TestPatients.next();
    var bundle = withoutEntries(fixture("referral-transaction.json", run(), fnr), 5, 6);
    send(bundle);
    var before = pathway(pathways(fnr, AS_OF), "A12", FJORDBY);

    var again = send(bundle);

    assertThat(again.getEntry())
        .allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("20"));
    var after = pathway(pathways(fnr, AS_OF), "A12", FJORDBY);
    assertThat(after.get("history")).hasSize(before.get("history").size());
    assertThat(after.get("codes")).isEqualTo(before.get("codes"));
  }

  @Test
  void single_resources_are_created_and_updated_and_the_codes_follow() {
    var fnr = TestPatients.next();
    var run = run();
    var client = client();
    for (var entry : List.of(0, 1, 2, 3)) {
      var created = client.create().resource(resourceOf(referral(run, fnr), entry)).execute();
      assertThat(created.getCreated()).isTrue();
      assertThat(created.getId().getIdPart()).isNotBlank();
    }
    var encounter = resourceOf(referral(run, fnr), 4);
    var created = client.create().resource(encounter).execute();
    assertThat(created.getCreated()).isTrue();
    assertThat(created.getId().toUnqualifiedVersionless().getValue())
        .isEqualTo("Encounter/e-" + run);
    assertThat(created.getResource()).isInstanceOf(Encounter.class);
    var pathway = pathway(pathways(fnr, AS_OF), "A12", FJORDBY);
    assertThat(dateOf(pathway, "A12S")).isEqualTo("2024-03-11");

    var moved = encounter.replace("2024-03-11T08:30:00+01:00", "2024-03-12T08:30:00+01:00");
    var updated = client.update().resource(moved).withId("Encounter/e-" + run).execute();

    assertThat(updated.getCreated()).isNotEqualTo(Boolean.TRUE);
    assertThat(((Encounter) updated.getResource()).getPeriod().getStartElement().getValueAsString())
        .isEqualTo("2024-03-12T08:30:00+01:00");
    pathway = pathway(pathways(fnr, AS_OF), "A12", FJORDBY);
    assertThat(dateOf(pathway, "A12S")).isEqualTo("2024-03-12");
  }

  @Test
  void an_update_whose_url_names_another_id_is_a_bad_request() {
    var run = run();
    var encounter = resourceOf(referral(run, TestPatients.next()), 4);

    var refused =
        catchThrowableOfType(
            InvalidRequestException.class,
            () -> client().update().resource(encounter).withId("Encounter/other-" + run).execute());

    assertThat(refused.getStatusCode()).isEqualTo(400);
    var issue = outcomeOf(refused).getIssueFirstRep();
    assertThat(reason(issue)).isEqualTo("ID_MISMATCH");
    assertThat(issue.getDetails().getText())
        .contains("Encounter/other-" + run, "Encounter/e-" + run);
  }

  @Test
  void an_update_needs_the_id_in_the_url_and_a_create_none() {
    var encounter =
        resourceOf(referral(run(), TestPatients.next()), 4).getBytes(StandardCharsets.UTF_8);

    var put = put("/fhir/Encounter", encounter);
    var post = post("/fhir/Encounter/e1", "application/fhir+json", encounter);

    assertThat(put.status()).isEqualTo(400);
    assertThat(put.text()).contains("PUT /fhir/Encounter/id");
    assertThat(post.status()).isEqualTo(400);
    assertThat(post.text()).contains("PUT /fhir/Encounter/id");
  }

  @Test
  void a_rejected_single_resource_is_a_bad_request_with_forlops_reason() {
    var run = run();
    var withoutPatient = resourceOf(referral(run, TestPatients.next()), 5);

    var refused =
        catchThrowableOfType(
            InvalidRequestException.class,
            () -> client().create().resource(withoutPatient).execute());

    var issue = outcomeOf(refused).getIssueFirstRep();
    assertThat(reason(issue)).isEqualTo("MISSING_ELEMENT");
    assertThat(issue.getDetails().getText()).contains("Encounter/bad1-" + run, "mangler subject");
  }

  @Test
  void a_resource_type_forlop_does_not_read_is_refused_with_what_it_takes() {
    var practitioner = "{\"resourceType\": \"Practitioner\", \"id\": \"lege-" + run() + "\"}";

    var refused =
        catchThrowableOfType(
            ResourceNotFoundException.class,
            () -> client().create().resource(practitioner).execute());

    assertThat(refused.getStatusCode()).isEqualTo(404);
    var issue = outcomeOf(refused).getIssueFirstRep();
    assertThat(reason(issue)).isEqualTo("UNSUPPORTED_RESOURCE_TYPE");
    assertThat(issue.getDetails().getText())
        .contains(
            "Forløp leser ikke ressurser av typen Practitioner", "Encounter", "ServiceRequest");
    var unknown =
        post("/fhir/Nonsense", "application/fhir+json", "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.text()).contains("Adressen angir ingen ressurstype i FHIR R4");
  }

  @Test
  void metadata_names_the_types_and_both_kinds_of_bundle() {
    var capabilities = client().capabilities().ofType(CapabilityStatement.class).execute();

    var rest = capabilities.getRestFirstRep();
    var writable =
        rest.getResource().stream()
            .filter(
                resource ->
                    resource.getInteraction().stream()
                        .anyMatch(i -> i.getCode() == TypeRestfulInteraction.CREATE))
            .toList();
    assertThat(writable)
        .extracting(CapabilityStatement.CapabilityStatementRestResourceComponent::getType)
        .containsExactlyInAnyOrder(
            "Appointment",
            "ClinicalImpression",
            "Condition",
            "Encounter",
            "EpisodeOfCare",
            "ImagingStudy",
            "Medication",
            "MedicationAdministration",
            "Organization",
            "Patient",
            "Procedure",
            "QuestionnaireResponse",
            "ServiceRequest",
            "Task");
    assertThat(writable)
        .allSatisfy(
            resource ->
                assertThat(resource.getInteraction())
                    .extracting(i -> i.getCode())
                    .contains(TypeRestfulInteraction.CREATE, TypeRestfulInteraction.UPDATE));
    assertThat(rest.getInteraction())
        .extracting(i -> i.getCode())
        .contains(SystemRestfulInteraction.TRANSACTION, SystemRestfulInteraction.BATCH);
    assertThat(capabilities.getSoftware().getName()).isEqualTo("Forløp");
  }

  @Test
  void a_body_that_is_not_json_is_a_bad_request() {
    for (var path : List.of("/fhir", "/fhir/Encounter")) {
      var response =
          post(path, "application/fhir+json", "{not json".getBytes(StandardCharsets.UTF_8));

      assertThat(response.status()).as(path).isEqualTo(400);
      assertThat(response.contentType()).startsWith("application/fhir+json");
      assertThat(response.reason()).isEqualTo("UNREADABLE_BODY");
      assertThat(response.text()).contains("ikke JSON");
    }
  }

  @Test
  void a_collection_is_no_batch() {
    var collection =
        fixture("referral-transaction.json", run(), TestPatients.next())
            .replace("\"type\": \"transaction\"", "\"type\": \"collection\"");

    var response =
        post("/fhir", "application/fhir+json", collection.getBytes(StandardCharsets.UTF_8));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("BUNDLE_TYPE_NOT_SUPPORTED");
  }

  @Test
  void the_delivery_records_the_signed_in_user_and_the_purpose_from_the_header() {
    var fnr = TestPatients.next();
    var bundle = withoutEntries(fixture("referral-transaction.json", run(), fnr), 5, 6);

    var answer =
        client(AS, "ehr", "X-Forlop-Purpose", "PATIENT_CARE")
            .transaction()
            .withBundle(bundle)
            .execute();

    var delivery =
        FHIR.newJsonParser().parseResource(Bundle.class, answer).getIdentifier().getValue();
    assertThat(delivery).startsWith("urn:uuid:");
    var actor =
        jdbc.sql("select actor, channel from delivery where id = :id")
            .param("id", UUID.fromString(delivery.substring("urn:uuid:".length())))
            .query((rs, n) -> rs.getString("actor") + " " + rs.getString("channel"))
            .single();
    assertThat(actor).isEqualTo("ehr fhir:transaction");
  }

  @Test
  void the_fhir_endpoint_is_hapis_not_spring_mvcs() {
    var metadata = get("/fhir/metadata");
    assertThat(metadata.status()).isEqualTo(200);
    assertThat(metadata.contentType()).startsWith("application/fhir+json");
    assertThat(metadata.json().get("resourceType").asString()).isEqualTo("CapabilityStatement");

    var read = get("/fhir/Encounter/e1");
    assertThat(read.status()).isEqualTo(405);
    assertThat(read.reason()).isEqualTo("INTERACTION_NOT_SUPPORTED");
    assertThat(read.text()).contains("/api/v1/pathways");
  }

  // --- helpers

  private Response put(String path, byte[] body) {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/fhir+json")
            .header("Authorization", basic("ehr"))
            .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers().firstValue("Location").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String referral(String run, String fnr) {
    return fixture("referral-transaction.json", run, fnr);
  }

  /** The resource of one entry of a bundle, as JSON. */
  private static String resourceOf(String bundle, int entry) {
    return JSON.readTree(bundle).get("entry").get(entry).get("resource").toString();
  }

  /** The bundle without the entries at these positions. */
  private static String withoutEntries(String bundle, int... positions) {
    var node = (tools.jackson.databind.node.ObjectNode) JSON.readTree(bundle);
    var entries = (tools.jackson.databind.node.ArrayNode) node.get("entry");
    for (int i = positions.length - 1; i >= 0; i--) {
      entries.remove(positions[i]);
    }
    return node.toString();
  }

  private static String reasonOf(BundleEntryComponent entry) {
    var outcome = (OperationOutcome) entry.getResponse().getOutcome();
    inOurShape(outcome.getIssueFirstRep());
    return reason(outcome.getIssueFirstRep());
  }

  private static String textOf(BundleEntryComponent entry) {
    return ((OperationOutcome) entry.getResponse().getOutcome())
        .getIssueFirstRep()
        .getDetails()
        .getText();
  }

  @Test
  void the_endpoint_needs_a_signed_in_integration_user() {
    var bundle = fixture("referral-transaction.json", run(), TestPatients.next());
    var anonymous =
        post(
            "/fhir",
            "application/fhir+json",
            bundle.getBytes(StandardCharsets.UTF_8),
            AS,
            "nobody");
    var coordinator =
        post("/fhir", "application/fhir+json", bundle.getBytes(StandardCharsets.UTF_8), AS, "kari");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(coordinator.status()).isEqualTo(403);
    assertThat(coordinator.reason()).isEqualTo("NOT_ALLOWED");
  }
}

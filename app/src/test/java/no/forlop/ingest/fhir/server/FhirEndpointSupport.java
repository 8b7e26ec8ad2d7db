package no.forlop.ingest.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.AdditionalRequestHeadersInterceptor;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.forlop.testing.ApplicationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import tools.jackson.databind.JsonNode;

/**
 * The FHIR endpoint through HAPI's own client, against the whole application on a random port;
 * pathways are read back through the REST API.
 */
abstract class FhirEndpointSupport extends ApplicationTest {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static final String REASONS = "https://forlop.no/fhir/CodeSystem/reason";

  static {
    FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
  }

  /**
   * A HAPI client of {@code /fhir}, signed in as the demo integration user {@code ehr} (or the user
   * of an {@code As} pseudo-header), sending these headers (name, value, …) with every request.
   */
  IGenericClient client(String... headers) {
    var client = FHIR.newRestfulGenericClient("http://localhost:" + port + "/fhir");
    var user = "ehr";
    var rest = new java.util.ArrayList<String>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      if (headers[i].equals(AS)) {
        user = headers[i + 1];
      } else {
        rest.add(headers[i]);
        rest.add(headers[i + 1]);
      }
    }
    if (!user.equals("nobody")) {
      client.registerInterceptor(
          new ca.uhn.fhir.rest.client.interceptor.BasicAuthInterceptor(user, "demo"));
    }
    headers = rest.toArray(String[]::new);
    if (headers.length > 0) {
      var extra = new AdditionalRequestHeadersInterceptor();
      for (int i = 0; i + 1 < headers.length; i += 2) {
        extra.addHeaderValue(headers[i], headers[i + 1]);
      }
      client.registerInterceptor(extra);
    }
    return client;
  }

  /** Posts a batch or transaction Bundle as it is written, and parses the answer. */
  Bundle send(String bundle) {
    var answer = client().transaction().withBundle(bundle).execute();
    return FHIR.newJsonParser().parseResource(Bundle.class, answer);
  }

  /** A fixture of fhir/r4 with {@code {{run}}} and {@code {{fnr}}} filled in. */
  static String fixture(String name, String run, String fnr) {
    try (var in = FhirEndpointSupport.class.getResourceAsStream("/fhir/r4/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("{{run}}", run)
          .replace("{{fnr}}", fnr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A short id that no other test uses, for the ids of a test's own resources. */
  static String run() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /** The pathways of a patient, through the REST API, as of a day. */
  JsonNode pathways(String patient, String asOf) {
    var response = pathwaysAsOf(patient, asOf);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  /** The one pathway of a patient at an organisation, with this code prefix. */
  static JsonNode pathway(JsonNode pathways, String prefix, String organisation) {
    JsonNode found = null;
    for (var pathway : pathways) {
      var code =
          pathway.path("codePrefix").isString()
              ? pathway.get("codePrefix").asString()
              : pathway.get("pathway").asString();
      if ((code.equals(prefix) || pathway.get("pathway").asString().equals(prefix))
          && pathway.get("organisation").asString().equals(organisation)) {
        assertThat(found).as("one %s pathway at %s in %s", prefix, organisation, pathways).isNull();
        found = pathway;
      }
    }
    assertThat(found).as("a %s pathway at %s in %s", prefix, organisation, pathways).isNotNull();
    return found;
  }

  /** The date of a code of a pathway, or {@code null} if it has no such code. */
  static String dateOf(JsonNode pathway, String code) {
    for (var c : pathway.get("codes")) {
      if (code.equals(c.path("code").asString())) {
        return c.get("date").asString();
      }
    }
    return null;
  }

  /** The OperationOutcome HAPI's client parsed from an error answer; it must be in our shape. */
  static OperationOutcome outcomeOf(BaseServerResponseException e) {
    assertThat(e.getOperationOutcome()).as("an OperationOutcome parsed by HAPI").isNotNull();
    var outcome = (OperationOutcome) e.getOperationOutcome();
    assertThat(outcome.getIssue()).isNotEmpty().allSatisfy(FhirEndpointSupport::inOurShape);
    return outcome;
  }

  static void inOurShape(OperationOutcomeIssueComponent issue) {
    assertThat(issue.getDetails().getCodingFirstRep().getSystem()).isEqualTo(REASONS);
    assertThat(issue.getDetails().getText()).isNotBlank();
  }

  static String reason(OperationOutcomeIssueComponent issue) {
    return issue.getDetails().getCodingFirstRep().getCode();
  }
}

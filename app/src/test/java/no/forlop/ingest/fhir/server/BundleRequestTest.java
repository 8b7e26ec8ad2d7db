package no.forlop.ingest.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** What the endpoint checks of a bundle before Forløp's reader reads its resources. */
class BundleRequestTest {

  private static BundleRequest bundle(String type, String... entries) {
    var json =
        "{\"resourceType\": \"Bundle\", \"type\": \""
            + type
            + "\", \"entry\": ["
            + String.join(",", entries)
            + "]}";
    return BundleRequest.of(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String entry(String method, String url, String resource) {
    return "{\"request\": {\"method\": \""
        + method
        + "\", \"url\": \""
        + url
        + "\"}, \"resource\": "
        + resource
        + "}";
  }

  private static final String ENCOUNTER = "{\"resourceType\": \"Encounter\", \"id\": \"e1\"}";

  private static String reasonOf(BaseServerResponseException e) {
    return ((OperationOutcome) e.getOperationOutcome())
        .getIssueFirstRep()
        .getDetails()
        .getCodingFirstRep()
        .getCode();
  }

  @Test
  void a_put_of_the_resources_own_address_or_a_post_of_its_type_is_fine() {
    var bundle =
        bundle(
            "batch",
            entry("PUT", "Encounter/e1", ENCOUNTER),
            entry("PUT", "https://ehr.example/fhir/Encounter/e1/_history/2", ENCOUNTER),
            entry("PUT", "Encounter?identifier=urn:ehr|42", ENCOUNTER),
            entry("POST", "Encounter", ENCOUNTER),
            "{\"resource\": " + ENCOUNTER + "}");

    assertThat(bundle.kind()).isEqualTo(BundleRequest.Kind.BATCH);
    assertThat(bundle.entries()).hasSize(5);
    assertThat(bundle.problems()).isEmpty();
    assertThat(bundle.entries().get(3).creates()).isTrue();
    assertThat(bundle.entries().get(0).location()).isEqualTo("Encounter/e1");
  }

  @Test
  void a_request_that_names_another_resource_is_refused_for_that_entry() {
    var bundle =
        bundle(
            "transaction",
            entry("PUT", "Encounter/e2", ENCOUNTER),
            entry("POST", "Patient", ENCOUNTER),
            entry("POST", "Encounter/e1", ENCOUNTER),
            entry("PUT", "Encounter", ENCOUNTER),
            entry("PUT", "not a url", ENCOUNTER));

    var problems = bundle.problems();

    assertThat(problems).containsOnlyKeys(0, 1, 2, 3, 4);
    assertThat(problems.get(0).reason()).isEqualTo("ID_MISMATCH");
    assertThat(problems.get(0).text().english())
        .isEqualTo(
            "Entry 1 (Encounter/e1): request.url names Encounter/e2, but the resource is"
                + " Encounter/e1.");
    assertThat(problems.get(0).expression()).isEqualTo("Bundle.entry[0].request.url");
    assertThat(problems.get(1).reason()).isEqualTo("WRONG_RESOURCE_TYPE");
    assertThat(problems.get(2).reason()).isEqualTo("INVALID_REQUEST");
    assertThat(problems.get(3).reason()).isEqualTo("INVALID_REQUEST");
    assertThat(problems.get(4).reason()).isEqualTo("INVALID_REQUEST");
  }

  @Test
  void a_delete_is_not_taken_and_says_how_to_withdraw_a_fact() {
    var bundle =
        bundle("batch", "{\"request\": {\"method\": \"DELETE\", \"url\": \"Encounter/e1\"}}");

    var problem = bundle.problems().get(0);

    assertThat(problem.status()).isEqualTo(405);
    assertThat(problem.statusLine()).isEqualTo("405 Method Not Allowed");
    assertThat(problem.text().english()).contains("entered-in-error");
  }

  @Test
  void only_batch_and_transaction_bundles_are_taken() {
    var collection =
        catchThrowableOfType(BaseServerResponseException.class, () -> bundle("collection"));
    var encounter =
        catchThrowableOfType(
            BaseServerResponseException.class,
            () -> BundleRequest.of(ENCOUNTER.getBytes(StandardCharsets.UTF_8)));

    assertThat(collection.getStatusCode()).isEqualTo(400);
    assertThat(reasonOf(collection)).isEqualTo("BUNDLE_TYPE_NOT_SUPPORTED");
    assertThat(reasonOf(encounter)).isEqualTo("NOT_A_BUNDLE");
    assertThat(encounter.getMessage()).contains("POST it to /fhir/Encounter");
  }

  @Test
  void a_bundle_inside_a_bundle_is_refused_as_a_whole() {
    var nested =
        catchThrowableOfType(
            BaseServerResponseException.class,
            () ->
                bundle(
                    "batch",
                    "{\"resource\": {\"resourceType\": \"Bundle\", \"type\": \"collection\"}}"));

    assertThat(reasonOf(nested)).isEqualTo("NESTED_BUNDLE");
  }
}

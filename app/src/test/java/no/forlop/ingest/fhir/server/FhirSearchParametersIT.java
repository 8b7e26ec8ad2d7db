package no.forlop.ingest.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The FHIR endpoint's one search ({@code GET /fhir/Task}, the GP's referrals) through HAPI: its own
 * parameters are answered, anything else is a 400 OperationOutcome naming the parameter, never
 * HAPI's 405 "no such interaction".
 */
class FhirSearchParametersIT extends ApplicationTest {

  private static final String GP = "gp";
  private static final String GP_HPR = "9144900";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/fhir/Task",
        "/fhir/Task?requester=" + GP_HPR,
        "/fhir/Task?based-on=no-such-referral",
        "/fhir/Task?requester=" + GP_HPR + "&based-on=no-such-referral",
        "/fhir/Task?_format=json",
        "/fhir/Task?_pretty=true"
      })
  void the_search_answers_its_own_parameters(String path) {
    var answer = get(path, AS, GP);

    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().path("resourceType").asString()).isEqualTo("Bundle");
  }

  @ParameterizedTest
  @CsvSource({
    "/fhir/Task?foo=bar, foo, parameteren «foo»",
    "/fhir/Task?requester=" + GP_HPR + "&_count=10, _count, parameteren «_count»",
    "/fhir/Task?requester:exact=" + GP_HPR + ", requester:exact, parameteren «requester:exact»",
    "/fhir/Task?requester=" + GP_HPR + "&requester=" + GP_HPR + ", requester, én gang",
    "/fhir/Task?based-on=, based-on, ingen verdi",
    "/fhir/Task?based-on, based-on, ingen verdi"
  })
  void anything_else_is_a_400_naming_the_parameter(String path, String parameter, String text) {
    var answer = get(path, AS, GP);

    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.contentType()).startsWith("application/fhir+json");
    assertThat(answer.reason()).isEqualTo("INVALID_PARAMETER");
    assertThat(answer.text()).contains(text);
    assertThat(answer.outcome().getIssueFirstRep().getExpression().get(0).getValue())
        .isEqualTo(parameter);
    assertThat(answer.outcome().getIssueFirstRep().getCode().toCode()).isEqualTo("invalid");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/fhir/Task?foo=bar", "/fhir/Task?foo=bar&requester=" + GP_HPR})
  void the_refusal_names_the_parameters_the_search_takes_in_the_callers_language(String path) {
    var answer = get(path, AS, GP, ENGLISH[0], ENGLISH[1]);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.text())
        .isEqualTo(
            "The search does not take the parameter «foo». Use one of: requester, based-on.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/fhir/Patient?foo=bar", "/fhir/Encounter?status=finished"})
  void a_type_without_a_search_is_still_an_interaction_the_endpoint_does_not_offer(String path) {
    var answer = get(path, AS, "ehr");

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.reason()).isEqualTo("INTERACTION_NOT_SUPPORTED");
  }

  @ParameterizedTest
  @CsvSource({"ehr, 403", "kari, 403", "nobody, 401"})
  void a_caller_who_may_not_search_is_refused_before_the_parameters_are_read(
      String user, int status) {
    assertThat(get("/fhir/Task?foo=bar", AS, user).status()).isEqualTo(status);
  }
}

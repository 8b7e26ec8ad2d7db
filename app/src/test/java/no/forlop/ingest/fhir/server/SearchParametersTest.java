package no.forlop.ingest.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Every FHIR search's parameters are checked before HAPI chooses a method: what the providers'
 * {@code @Search} methods declare (and {@code _format}, {@code _pretty}) passes once with a value;
 * anything else is a 400 naming the parameter. (Through HAPI: {@code FhirSearchParametersIT}.)
 */
class SearchParametersTest {

  /** A search of Task declared by its annotation, as ReferralTasks declares it. */
  static final class Tasks {
    @Search(type = Task.class)
    public List<Task> search(
        @OptionalParam(name = Task.SP_REQUESTER) StringParam requester,
        @OptionalParam(name = Task.SP_BASED_ON) StringParam basedOn) {
      return List.of();
    }
  }

  /** A search of a resource provider's own type, with a required parameter. */
  static final class Encounters implements IResourceProvider {
    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Encounter.class;
    }

    @Search
    public List<Encounter> search(@RequiredParam(name = Encounter.SP_STATUS) StringParam status) {
      return List.of();
    }
  }

  /** A provider without a search. */
  static final class Writes {
    public void write() {}
  }

  private final SearchParameters parameters =
      new SearchParameters(
          FhirContext.forR4Cached(), List.of(new Tasks(), new Encounters(), new Writes()));

  @Test
  void the_searches_and_their_parameters_are_read_from_the_providers() {
    assertThat(parameters.searches())
        .isEqualTo(
            Map.of(
                "Task", List.of("requester", "based-on"),
                "Encounter", List.of("status")));
  }

  @Test
  void a_search_with_its_own_parameters_each_once_with_a_value_passes() {
    assertThat(parameters.check(get("Task"))).isTrue();
    assertThat(parameters.check(get("Task", "requester", "9144900"))).isTrue();
    assertThat(
            parameters.check(
                get("Task", "requester", "9144900", "based-on", "x", "_format", "json")))
        .isTrue();
    assertThat(parameters.check(get("Encounter", "status", "finished", "_pretty", "true")))
        .isTrue();
  }

  @Test
  void a_parameter_the_search_does_not_take_is_refused_by_name_with_those_it_takes() {
    var problem = refusal(get("Task", "requester", "9144900", "foo", "bar"));

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.reason()).isEqualTo("INVALID_PARAMETER");
    assertThat(problem.expression()).isEqualTo("foo");
    assertThat(problem.text().text(Locale.ENGLISH))
        .isEqualTo(
            "The search does not take the parameter «foo». Use one of: requester, based-on.");
    assertThat(problem.text().text(Locale.forLanguageTag("nb")))
        .isEqualTo("Søket tar ikke parameteren «foo». Bruk en av: requester, based-on.");
    assertThat(refusal(get("Task", "requester:exact", "9144900")).expression())
        .as("a modifier the search does not take")
        .isEqualTo("requester:exact");
    assertThat(refusal(get("Encounter", "_count", "10")).expression()).isEqualTo("_count");
  }

  @Test
  void a_parameter_given_twice_or_without_a_value_is_refused_by_name() {
    var twice = new ServletRequestDetails();
    twice.setRequestType(RequestTypeEnum.GET);
    twice.setResourceName("Task");
    twice.setParameters(Map.of("requester", new String[] {"9144900", "9144900"}));
    var repeated = refusal(twice);
    var empty = refusal(get("Task", "based-on", ""));
    var blank = refusal(get("Task", "requester", " "));

    assertThat(repeated.expression()).isEqualTo("requester");
    assertThat(repeated.text().text(Locale.ENGLISH)).contains("«requester»", "more than once");
    assertThat(empty.expression()).isEqualTo("based-on");
    assertThat(empty.text().text(Locale.ENGLISH)).contains("«based-on»", "no value");
    assertThat(blank.expression()).isEqualTo("requester");
  }

  @Test
  void a_long_or_odd_parameter_name_is_shown_shortened_and_without_control_characters() {
    var problem = refusal(get("Task", "x".repeat(100) + "\u0007", "1"));

    assertThat(problem.expression()).isEqualTo("x".repeat(64) + "…");
  }

  @Test
  void what_is_no_search_is_left_to_the_endpoint() {
    assertThat(parameters.check(get("Patient", "foo", "bar")))
        .as("a type without a search: the endpoint's 405")
        .isTrue();
    var read = get("Task", "foo", "bar");
    read.setId(new IdType("Task", "t1"));
    assertThat(parameters.check(read)).as("a read").isTrue();
    var operation = get("Task", "foo", "bar");
    operation.setOperation("$validate");
    assertThat(parameters.check(operation)).as("an operation").isTrue();
    var post = get("Task", "foo", "bar");
    post.setRequestType(RequestTypeEnum.POST);
    assertThat(parameters.check(post)).as("a create").isTrue();
  }

  @Test
  void a_search_by_post_is_checked_as_by_get() {
    var post = get("Task", "foo", "bar");
    post.setRequestType(RequestTypeEnum.POST);
    post.setOperation("_search");

    assertThat(refusal(post).expression()).isEqualTo("foo");
  }

  private Problem refusal(ServletRequestDetails request) {
    var refused = catchThrowableOfType(Problem.Refusal.class, () -> parameters.check(request));
    assertThat(refused).as("refused").isNotNull();
    return refused.problem();
  }

  private static ServletRequestDetails get(String type, String... namesAndValues) {
    var request = new ServletRequestDetails();
    request.setRequestType(RequestTypeEnum.GET);
    request.setResourceName(type);
    request.setServletRequest(new MockHttpServletRequest("GET", "/fhir/" + type));
    var parameters = new LinkedHashMap<String, String[]>();
    for (var i = 0; i + 1 < namesAndValues.length; i += 2) {
      parameters.put(namesAndValues[i], new String[] {namesAndValues[i + 1]});
    }
    request.setParameters(parameters);
    return request;
  }
}

package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.forlop.ingest.fhir.IntakeReason;
import no.forlop.web.ApiProblem;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Checks the parameters of every FHIR search the endpoint offers before HAPI chooses a method (HAPI
 * finds none for a parameter no method declares and would answer 405, as if there were no search):
 * a parameter the search does not take, one given twice and one without a value are refused with
 * 400 ({@code INVALID_PARAMETER}) naming the parameter, as the REST API refuses them. The searches
 * and their parameters are read from the providers' {@link Search} methods, so a new search is
 * checked the same way. HAPI's general parameters {@code _format} and {@code _pretty} are taken
 * everywhere.
 */
@Interceptor
final class SearchParameters {

  /** The parameters HAPI answers on every interaction (the format of the answer). */
  static final Set<String> GENERAL = Set.of("_format", "_pretty");

  /** Per resource type with a search, the parameters its search takes, in declared order. */
  private final Map<String, List<String>> searches;

  SearchParameters(FhirContext fhir, List<?> providers) {
    var found = new TreeMap<String, List<String>>();
    for (var provider : providers) {
      for (var method : provider.getClass().getMethods()) {
        var search = method.getAnnotation(Search.class);
        if (search == null) {
          continue;
        }
        var type =
            search.type() != IBaseResource.class
                ? search.type()
                : provider instanceof IResourceProvider p ? p.getResourceType() : null;
        if (type == null) {
          continue;
        }
        var names = found.computeIfAbsent(fhir.getResourceType(type), t -> new ArrayList<>());
        for (var annotations : method.getParameterAnnotations()) {
          for (var annotation : annotations) {
            var name =
                annotation instanceof RequiredParam required
                    ? required.name()
                    : annotation instanceof OptionalParam optional ? optional.name() : null;
            if (name != null && !names.contains(name)) {
              names.add(name);
            }
          }
        }
      }
    }
    found.replaceAll((type, names) -> List.copyOf(names));
    this.searches = Collections.unmodifiableMap(found);
  }

  /** The resource types with a search, and the parameters each takes. */
  Map<String, List<String>> searches() {
    return searches;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLER_SELECTED)
  public boolean check(RequestDetails request) {
    var known = isSearch(request) ? searches.get(request.getResourceName()) : null;
    if (known == null) {
      return true;
    }
    var parameters = request.getParameters();
    for (var entry : parameters.entrySet()) {
      var name = entry.getKey();
      if (!known.contains(name) && !GENERAL.contains(name)) {
        var shown = ApiProblem.shown(name);
        throw refusal(
            Problem.text("INVALID_PARAMETER", "unknown", shown, String.join(", ", known)), shown);
      }
    }
    for (var entry : parameters.entrySet()) {
      var values = entry.getValue();
      var shown = ApiProblem.shown(entry.getKey());
      if (values.length > 1) {
        throw refusal(Problem.text("INVALID_PARAMETER", "repeated", shown), shown);
      }
      if (values.length == 0 || values[0] == null || values[0].isBlank()) {
        throw refusal(Problem.text("INVALID_PARAMETER", "empty", shown), shown);
      }
    }
    return true;
  }

  /** A search of a type: {@code GET /fhir/Type?…} or {@code POST /fhir/Type/_search}. */
  private static boolean isSearch(RequestDetails request) {
    if (request.getResourceName() == null || request.getId() != null) {
      return false;
    }
    var operation = request.getOperation();
    return request.getRequestType() == RequestTypeEnum.GET
        ? operation == null || operation.isEmpty()
        : request.getRequestType() == RequestTypeEnum.POST && "_search".equals(operation);
  }

  private static RuntimeException refusal(IntakeReason text, String parameter) {
    return new Problem(400, IssueType.INVALID, text, parameter).exception();
  }
}

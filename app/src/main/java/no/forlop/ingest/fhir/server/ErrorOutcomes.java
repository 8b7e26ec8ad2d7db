package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.i18n.Msg;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import no.forlop.web.ApiProblems;
import no.forlop.web.DatabaseOutage;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives HAPI's own errors (an unknown resource type, an interaction the endpoint does not offer)
 * the shape of Forløp's: a reason code and a text a person can act on. Our own faults become a 500
 * that says nothing of the internals; the log has them. A database that cannot be reached is a 503
 * with {@code Retry-After} ({@code DATABASE_UNAVAILABLE}), as in the REST API.
 */
@Interceptor
final class ErrorOutcomes {

  static final String WHAT_IT_TAKES =
      "it takes batch and transaction Bundles (POST /fhir), single resources by create"
          + " (POST /fhir/{type}) and update (PUT /fhir/{type}/{id}), and answers GET /fhir/metadata;"
          + " pathways are read at /api/v1/pathways.";

  private static final Logger LOG = LoggerFactory.getLogger(ErrorOutcomes.class);

  private final FhirContext fhir;
  private final SortedSet<String> types;

  /**
   * @param types the resource types the endpoint takes
   */
  ErrorOutcomes(FhirContext fhir, SortedSet<String> types) {
    this.fhir = fhir;
    this.types = Collections.unmodifiableSortedSet(new TreeSet<>(types));
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public @Nullable BaseServerResponseException inForlopsShape(
      RequestDetails request, Throwable thrown) {
    if (thrown instanceof BaseServerResponseException e
        && e.getStatusCode() < 500
        && Outcomes.isForlops(e.getOperationOutcome())) {
      return null;
    }
    if (DatabaseOutage.isCause(thrown)) {
      return databaseOutage(request, thrown);
    }
    if (!(thrown instanceof BaseServerResponseException e) || e.getStatusCode() >= 500) {
      LOG.error(
          "The FHIR endpoint failed on {} {}",
          request.getRequestType(),
          request.getRequestPath(),
          thrown);
      return new Problem(
              500,
              IssueType.EXCEPTION,
              "INTERNAL_ERROR",
              "Forløp could not handle this request; the server log says why.",
              null)
          .exception();
    }
    var replacement = problem(request, e).exception();
    if (e.hasResponseHeaders()) {
      e.getResponseHeaders()
          .forEach((name, values) -> values.forEach(v -> replacement.addResponseHeader(name, v)));
    }
    return replacement;
  }

  private Problem problem(RequestDetails request, BaseServerResponseException e) {
    var status = e.getStatusCode();
    var message = e.getMessage() == null ? "" : e.getMessage();
    var resourceType = request.getResourceName();
    if (e instanceof ResourceNotFoundException
        && resourceType != null
        && !types.contains(resourceType)) {
      return new Problem(
          status,
          IssueType.NOTSUPPORTED,
          "UNSUPPORTED_RESOURCE_TYPE",
          unsupported(resourceType),
          null);
    }
    if (message.startsWith(Msg.code(303)) || message.startsWith(Msg.code(287))) {
      return new Problem(
          status,
          IssueType.NOTSUPPORTED,
          "INTERACTION_NOT_SUPPORTED",
          "Forløp's FHIR endpoint does not answer "
              + request.getRequestType()
              + " here: "
              + WHAT_IT_TAKES,
          null);
    }
    return new Problem(
        status,
        status == 404
            ? IssueType.NOTFOUND
            : status == 405 ? IssueType.NOTSUPPORTED : IssueType.INVALID,
        reasonFor(status),
        message.replaceFirst("^HAPI-\\d+: ", ""),
        null);
  }

  private String unsupported(String type) {
    var takes =
        "Forløp's FHIR endpoint takes "
            + String.join(", ", types)
            + " one at a time; in a batch or transaction Bundle (POST /fhir), resources of other"
            + " types are kept but not read.";
    return fhir.getResourceTypes().contains(type)
        ? "Forløp does not read " + type + " resources. " + takes
        : type + " is not a FHIR R4 resource type. " + takes;
  }

  private static String reasonFor(int status) {
    return switch (status) {
      case 400 -> "INVALID_REQUEST";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 409 -> "CONFLICT";
      case 412 -> "PRECONDITION_FAILED";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 422 -> "UNPROCESSABLE";
      default -> "REQUEST_FAILED";
    };
  }

  /**
   * The database cannot be reached: 503 with {@code Retry-After}, as the REST API answers it, its
   * text in the request's language (the message files, like the REST API's). Nothing of the request
   * was stored in part: every write is a transaction, so it can simply be sent again.
   */
  static BaseServerResponseException databaseOutage(RequestDetails request, Throwable thrown) {
    LOG.warn(
        "The FHIR endpoint cannot reach the database on {} {} ({})",
        request.getRequestType(),
        request.getRequestPath(),
        DatabaseOutage.describe(thrown));
    var problem = DatabaseOutage.problem();
    var text =
        request instanceof ServletRequestDetails servlet
            ? ApiProblems.text(problem, servlet.getServletRequest())
            : problem.reason();
    var exception = BaseServerResponseException.newInstance(problem.status().value(), text);
    exception.setOperationOutcome(
        Outcomes.of(
            Outcomes.issue(
                IssueSeverity.ERROR, IssueType.TRANSIENT, problem.reason(), text, null)));
    exception.addResponseHeader(
        "Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER.toSeconds()));
    return exception;
  }
}

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

  /** What the endpoint answers with 405: what may be sent to it. */
  static final String ALLOWED = "POST, PUT";

  /** HAPI's messages for a request no provider method takes (an interaction not offered). */
  private static final java.util.List<String> NOT_OFFERED =
      java.util.List.of(Msg.code(302), Msg.code(303), Msg.code(287), Msg.code(301));

  private static final Logger LOG = LoggerFactory.getLogger(ErrorOutcomes.class);

  private final FhirContext fhir;
  private final SortedSet<String> types;
  private final Problem tooLarge;

  /**
   * @param types the resource types the endpoint takes
   */
  ErrorOutcomes(FhirContext fhir, SortedSet<String> types, Problem tooLarge) {
    this.fhir = fhir;
    this.tooLarge = tooLarge;
    this.types = Collections.unmodifiableSortedSet(new TreeSet<>(types));
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public @Nullable BaseServerResponseException inForlopsShape(
      RequestDetails request, Throwable thrown) {
    var language = Languages.of(request);
    if (thrown instanceof Problem.Refusal refusal) {
      return refusal.in(language);
    }
    if (thrown instanceof BaseServerResponseException e
        && e.getStatusCode() < 500
        && Outcomes.isForlops(e.getOperationOutcome())) {
      return null;
    }
    if (causedBy(thrown, RequestGuard.BodyTooLarge.class)
        || (request instanceof ServletRequestDetails servlet
            && servlet.getServletRequest().getAttribute(RequestGuard.TOO_LARGE) != null)) {
      return ((Problem.Refusal) tooLarge.exception()).in(language);
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
      return ((Problem.Refusal)
              new Problem(500, IssueType.EXCEPTION, Problem.text("INTERNAL_ERROR", null), null)
                  .exception())
          .in(language);
    }
    var problem = problem(request, e);
    var replacement = ((Problem.Refusal) problem.exception()).in(language);
    if (e.hasResponseHeaders()) {
      e.getResponseHeaders()
          .forEach((name, values) -> values.forEach(v -> replacement.addResponseHeader(name, v)));
    }
    if (problem.status() == 405) {
      replacement.addResponseHeader("Allow", ALLOWED);
    }
    return replacement;
  }

  /**
   * HAPI's refusal in Forløp's words. HAPI's own message is not repeated: it may quote the URL, and
   * a URL may hold a patient's identity number.
   */
  private Problem problem(RequestDetails request, BaseServerResponseException e) {
    var status = e.getStatusCode();
    var message = e.getMessage() == null ? "" : e.getMessage();
    var resourceType = request.getResourceName();
    if (e instanceof ResourceNotFoundException
        && resourceType != null
        && !types.contains(resourceType)) {
      var known = fhir.getResourceTypes().contains(resourceType);
      return new Problem(
          status,
          IssueType.NOTSUPPORTED,
          Problem.text(
              "UNSUPPORTED_RESOURCE_TYPE",
              known ? null : "unknown",
              known ? resourceType : "?",
              String.join(", ", types)),
          null);
    }
    if (NOT_OFFERED.stream().anyMatch(message::startsWith) || status == 405) {
      // an interaction the endpoint does not offer (read, search, history, delete, patch,
      // operations): 405 Method Not Allowed, as FHIR's http.html asks
      return new Problem(
          405,
          IssueType.NOTSUPPORTED,
          Problem.text("INTERACTION_NOT_SUPPORTED", null, request.getRequestType().name()),
          null);
    }
    LOG.debug("HAPI refused a request: {}", message);
    return new Problem(
        status,
        status == 404 ? IssueType.NOTFOUND : IssueType.INVALID,
        Problem.text(reasonFor(status), null),
        null);
  }

  private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
    for (var cause = thrown; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
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

package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Something wrong with a request, or with one entry of a bundle: the HTTP status, the FHIR issue
 * type, Forløp's reason code, a text the sender can act on (never a patient's identity), and where
 * ({@code Bundle.entry[2]}).
 */
record Problem(
    int status, IssueType type, String reason, String text, @Nullable String expression) {

  static Problem badRequest(String reason, String text) {
    return new Problem(400, IssueType.INVALID, reason, text, null);
  }

  static Problem badEntry(String reason, String text, String expression) {
    return new Problem(400, IssueType.INVALID, reason, text, expression);
  }

  /** The status line of a bundle entry's response: {@code 400 Bad Request}. */
  String statusLine() {
    return statusLine(status);
  }

  static String statusLine(int status) {
    var known = HttpStatus.resolve(status);
    return known == null ? String.valueOf(status) : status + " " + known.getReasonPhrase();
  }

  OperationOutcome.OperationOutcomeIssueComponent issue() {
    return Outcomes.issue(IssueSeverity.ERROR, type, reason, text, expression);
  }

  OperationOutcome outcome() {
    return Outcomes.of(issue());
  }

  /** The problem as the answer to the whole request. */
  BaseServerResponseException exception() {
    var exception = BaseServerResponseException.newInstance(status, text);
    exception.setOperationOutcome(outcome());
    return exception;
  }
}

package no.forlop.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A request that cannot be carried out, with the HTTP status, the FHIR issue type, a reason code
 * and a text for the person who sent it. Rendered as an {@link OperationOutcome}.
 */
public class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String issueType;
  private final String reason;
  private final @Nullable String expression;

  public ApiProblem(
      HttpStatus status,
      String issueType,
      String reason,
      String text,
      @Nullable String expression) {
    super(text);
    this.status = status;
    this.issueType = issueType;
    this.reason = reason;
    this.expression = expression;
  }

  public static ApiProblem notFound(String reason, String text) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", reason, text, null);
  }

  public static ApiProblem invalid(String reason, String text, @Nullable String expression) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid", reason, text, expression);
  }

  public static ApiProblem conflict(String reason, String text) {
    return new ApiProblem(HttpStatus.CONFLICT, "conflict", reason, text, null);
  }

  public static ApiProblem businessRule(String reason, String text) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "business-rule", reason, text, null);
  }

  public HttpStatus status() {
    return status;
  }

  public OperationOutcome outcome() {
    return OperationOutcome.error(issueType, reason, getMessage(), expression);
  }

  /** The problem as an HTTP response with a FHIR JSON body. */
  public ResponseEntity<OperationOutcome> response() {
    return ResponseEntity.status(status).contentType(FHIR_JSON).body(outcome());
  }

  /** The media type of FHIR resources in JSON. */
  public static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
}

package no.forlop.web;

import java.util.stream.Collectors;
import no.forlop.patient.InvalidPatientIdentifierException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns every failed REST request into an {@link OperationOutcome} with a 4xx status (or 500 for
 * our own faults, without internals). Messages name the problem, never the patient.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<OperationOutcome> problem(ApiProblem problem) {
    return problem.response();
  }

  @ExceptionHandler(InvalidPatientIdentifierException.class)
  ResponseEntity<OperationOutcome> patientIdentifier(InvalidPatientIdentifierException e) {
    var text =
        messages.getMessage(
            "error.patient-identifier." + e.problem().name(),
            null,
            e.getMessage(),
            LocaleContextHolder.getLocale());
    return respond(
        HttpStatus.BAD_REQUEST,
        OperationOutcome.error("value", "INVALID_PATIENT_IDENTIFIER", text, "patient"));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<OperationOutcome> invalidBody(MethodArgumentNotValidException e) {
    var issues =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                f ->
                    OperationOutcome.Issue.error(
                        "required".equals(f.getCode()) || "NotNull".equals(f.getCode())
                            ? "required"
                            : "invalid",
                        "INVALID_FIELD",
                        f.getField() + ": " + f.getDefaultMessage(),
                        f.getField()))
            .collect(Collectors.toList());
    return respond(HttpStatus.BAD_REQUEST, new OperationOutcome("OperationOutcome", issues));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<OperationOutcome> unreadable(HttpMessageNotReadableException e) {
    var cause = e.getMostSpecificCause();
    var detail = cause == null ? e.getMessage() : cause.getMessage();
    return respond(
        HttpStatus.BAD_REQUEST,
        OperationOutcome.error(
            "structure",
            "UNREADABLE_BODY",
            "The request body cannot be read: " + firstLine(detail),
            null));
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MissingRequestHeaderException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<OperationOutcome> badParameter(Exception e) {
    return respond(
        HttpStatus.BAD_REQUEST,
        OperationOutcome.error("invalid", "INVALID_PARAMETER", firstLine(e.getMessage()), null));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<OperationOutcome> method(HttpRequestMethodNotSupportedException e) {
    return respond(
        HttpStatus.METHOD_NOT_ALLOWED,
        OperationOutcome.error("not-supported", "METHOD_NOT_ALLOWED", e.getMessage(), null));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<OperationOutcome> mediaType(HttpMediaTypeNotSupportedException e) {
    return respond(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        OperationOutcome.error(
            "not-supported",
            "MEDIA_TYPE_NOT_SUPPORTED",
            "The body must be one of " + e.getSupportedMediaTypes() + ", not " + e.getContentType(),
            null));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<OperationOutcome> unexpected(Exception e) {
    log.error("Unexpected error in a REST request", e);
    return respond(
        HttpStatus.INTERNAL_SERVER_ERROR,
        OperationOutcome.error(
            "exception",
            "INTERNAL_ERROR",
            "Forløp failed to handle the request; it has been logged.",
            null));
  }

  private static ResponseEntity<OperationOutcome> respond(
      HttpStatus status, OperationOutcome body) {
    return ResponseEntity.status(status).contentType(ApiProblem.FHIR_JSON).body(body);
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    var line = text.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) : line;
  }
}

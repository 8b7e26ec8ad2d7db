package no.forlop.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import no.forlop.patient.InvalidPatientIdentifierException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
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
 * our own faults, without internals; 503 with {@code Retry-After} while the database cannot be
 * reached, see {@link DatabaseOutage}). The texts are in the request's language (message keys
 * {@code problem.<REASON>}); a technical detail that helps an integrator (a parser's message) goes
 * to {@code diagnostics}. Messages name the problem, never the patient.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  /** Bean Validation codes that mean "this field must be given". */
  private static final Set<String> REQUIRED = Set.of("required", "NotNull", "NotBlank", "NotEmpty");

  private final ApiProblems problems;

  ApiExceptionHandler(ApiProblems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<OperationOutcome> problem(ApiProblem problem) {
    return problems.response(problem);
  }

  @ExceptionHandler(InvalidPatientIdentifierException.class)
  ResponseEntity<OperationOutcome> patientIdentifier(InvalidPatientIdentifierException e) {
    return problems.response(
        new ApiProblem(HttpStatus.BAD_REQUEST, "value", "INVALID_PATIENT_IDENTIFIER")
            .key("error.patient-identifier." + e.problem().name())
            .at("patient"));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<OperationOutcome> invalidBody(MethodArgumentNotValidException e) {
    var issues =
        e.getBindingResult().getFieldErrors().stream()
            .map(
                f -> {
                  var limit = tooLong(f);
                  if (limit != null) {
                    // issue 14, hardening: the reason and the limit, so a client can shorten it
                    return OperationOutcome.Issue.error(
                        "too-long",
                        "TEXT_TOO_LONG",
                        problems.text("problem.TEXT_TOO_LONG", f.getField(), String.valueOf(limit)),
                        f.getField(),
                        f.getField() + ": at most " + limit + " characters");
                  }
                  var required = REQUIRED.contains(f.getCode());
                  return OperationOutcome.Issue.error(
                      "required".equals(f.getCode()) || "NotNull".equals(f.getCode())
                          ? "required"
                          : "invalid",
                      "INVALID_FIELD",
                      problems.text(
                          "problem.INVALID_FIELD." + (required ? "required" : "invalid"),
                          f.getField()),
                      f.getField(),
                      f.getField() + ": " + f.getDefaultMessage());
                })
            .collect(Collectors.toList());
    return ApiProblems.response(HttpStatus.BAD_REQUEST, OperationOutcome.of(issues));
  }

  /** The limit a text broke, when the error is a {@code @Size(max)} on a text; else null. */
  private static @Nullable Integer tooLong(FieldError error) {
    if (!"Size".equals(error.getCode())
        || !(error.getRejectedValue() instanceof CharSequence)
        || !error.contains(ConstraintViolation.class)) {
      return null;
    }
    var max = error.unwrap(ConstraintViolation.class).getConstraintDescriptor().getAttributes();
    return max.get("max") instanceof Integer limit ? limit : null;
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<OperationOutcome> unreadable(HttpMessageNotReadableException e) {
    var cause = e.getMostSpecificCause();
    var detail = cause == null ? e.getMessage() : cause.getMessage();
    return problems.response(
        new ApiProblem(HttpStatus.BAD_REQUEST, "structure", "UNREADABLE_BODY")
            .diagnostics(firstLine(detail)));
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<OperationOutcome> missingParameter(MissingServletRequestParameterException e) {
    return problems.response(
        ApiProblem.invalid("INVALID_PARAMETER", e.getParameterName())
            .key("problem.INVALID_PARAMETER.missing")
            .at(e.getParameterName())
            .diagnostics(firstLine(e.getMessage())));
  }

  @ExceptionHandler(MissingRequestHeaderException.class)
  ResponseEntity<OperationOutcome> missingHeader(MissingRequestHeaderException e) {
    return problems.response(
        ApiProblem.invalid("INVALID_PARAMETER", e.getHeaderName())
            .key("problem.INVALID_PARAMETER.header")
            .diagnostics(firstLine(e.getMessage())));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<OperationOutcome> typeMismatch(MethodArgumentTypeMismatchException e) {
    var type = e.getRequiredType();
    if (type != null && type.isEnum()) {
      // one of a closed list (an age band, a sex …): name the value given and the allowed ones
      return problems.response(
          ApiProblem.invalid(
                  "INVALID_PARAMETER",
                  e.getName(),
                  ApiProblem.shown(String.valueOf(e.getValue())),
                  Arrays.stream(type.getEnumConstants())
                      .map(c -> ((Enum<?>) c).name())
                      .collect(Collectors.joining(", ")))
              .key(ApiProblem.INVALID_VALUE_KEY)
              .at(e.getName())
              .diagnostics(firstLine(e.getMessage())));
    }
    return problems.response(
        ApiProblem.invalid("INVALID_PARAMETER", e.getName(), expected(e.getRequiredType()))
            .key("problem.INVALID_PARAMETER.type")
            .at(e.getName())
            .diagnostics(firstLine(e.getMessage())));
  }

  /** What a parameter of this type looks like, in words. */
  private String expected(@Nullable Class<?> type) {
    if (type == null) {
      return problems.text("problem.INVALID_PARAMETER.expected.other");
    }
    if (type.isEnum()) {
      var values =
          Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
      return problems.text("problem.INVALID_PARAMETER.expected.values", values);
    }
    if (LocalDate.class.equals(type)) {
      return problems.text("problem.INVALID_PARAMETER.expected.date");
    }
    if (UUID.class.equals(type)) {
      return problems.text("problem.INVALID_PARAMETER.expected.id");
    }
    if (Number.class.isAssignableFrom(type)
        || (type.isPrimitive() && type != boolean.class && type != char.class)) {
      return problems.text("problem.INVALID_PARAMETER.expected.number");
    }
    return problems.text("problem.INVALID_PARAMETER.expected.other");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<OperationOutcome> method(HttpRequestMethodNotSupportedException e) {
    return problems.response(methodNotAllowed(e));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<OperationOutcome> mediaType(HttpMediaTypeNotSupportedException e) {
    return problems.response(mediaTypeNotSupported(e));
  }

  @ExceptionHandler(Exception.class)
  @Nullable ResponseEntity<OperationOutcome> unexpected(Exception e, HttpServletRequest request) {
    if (ClientDisconnects.isDisconnect(e)) {
      // the client went away: no one to answer, nothing wrong here (issue 16)
      ClientDisconnects.logQuietly(request, e);
      return null;
    }
    if (DatabaseOutage.isCause(e)) {
      // it passes when the database returns: 503 with Retry-After, no stack trace in the log
      log.warn(
          "A REST request failed: the database cannot be reached ({})", DatabaseOutage.describe(e));
      return problems.response(DatabaseOutage.problem());
    }
    log.error("Unexpected error in a REST request", e);
    return problems.response(
        new ApiProblem(HttpStatus.INTERNAL_SERVER_ERROR, "exception", "INTERNAL_ERROR"));
  }

  /** A method this path does not take: which one, and which it does. */
  static ApiProblem methodNotAllowed(HttpRequestMethodNotSupportedException e) {
    var supported = e.getSupportedHttpMethods();
    var problem =
        new ApiProblem(
                HttpStatus.METHOD_NOT_ALLOWED,
                "not-supported",
                "METHOD_NOT_ALLOWED",
                e.getMethod(),
                supported == null
                    ? ""
                    : supported.stream().map(Object::toString).collect(Collectors.joining(", ")))
            .diagnostics(e.getMessage());
    return supported == null || supported.isEmpty()
        ? problem.key("problem.METHOD_NOT_ALLOWED.none")
        : problem;
  }

  /** A body of a media type the endpoint does not read: which it does. */
  static ApiProblem mediaTypeNotSupported(HttpMediaTypeNotSupportedException e) {
    var supported =
        e.getSupportedMediaTypes().stream()
            .map(MediaType::toString)
            .collect(Collectors.joining(", "));
    var given = e.getContentType();
    var problem =
        new ApiProblem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "not-supported",
            "MEDIA_TYPE_NOT_SUPPORTED",
            supported,
            given == null ? "" : given.toString());
    return given == null ? problem.key("problem.MEDIA_TYPE_NOT_SUPPORTED.missing") : problem;
  }

  private static String firstLine(@Nullable String text) {
    if (text == null) {
      return "";
    }
    var line = text.lines().findFirst().orElse("");
    return line.length() > 300 ? line.substring(0, 300) : line;
  }
}

package no.forlop.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors that happen before a controller is chosen (no such path, wrong method, a body of a media
 * type no endpoint takes): under {@code /api/} they are {@link OperationOutcome}s like every other
 * API error, in the request's language; elsewhere Spring's error page handles them.
 */
@ControllerAdvice
class ApiRoutingErrors {

  private final ApiProblems problems;

  ApiRoutingErrors(ApiProblems problems) {
    this.problems = problems;
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<OperationOutcome> noResource(
      NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
    if (!isApi(request)) {
      throw e;
    }
    return problems.response(ApiProblem.notFound("NOT_FOUND", request.getRequestURI()));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<OperationOutcome> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    if (!isApi(request)) {
      throw e;
    }
    return problems.response(ApiExceptionHandler.methodNotAllowed(e));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<OperationOutcome> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request)
      throws HttpMediaTypeNotSupportedException {
    if (!isApi(request)) {
      throw e;
    }
    return problems.response(ApiExceptionHandler.mediaTypeNotSupported(e));
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }
}

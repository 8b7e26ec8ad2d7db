package no.forlop.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors that happen before a controller is chosen (no such path, wrong method, a body of a media
 * type no endpoint takes): under {@code /api/} they are {@link OperationOutcome}s like every other
 * API error; elsewhere Spring's error page handles them.
 */
@ControllerAdvice
class ApiRoutingErrors {

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<OperationOutcome> noResource(
      NoResourceFoundException e, HttpServletRequest request) throws NoResourceFoundException {
    if (!isApi(request)) {
      throw e;
    }
    return new ApiProblem(
            HttpStatus.NOT_FOUND,
            "not-found",
            "NOT_FOUND",
            "No such resource: " + request.getRequestURI(),
            null)
        .response();
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<OperationOutcome> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request)
      throws HttpRequestMethodNotSupportedException {
    if (!isApi(request)) {
      throw e;
    }
    return new ApiProblem(
            HttpStatus.METHOD_NOT_ALLOWED,
            "not-supported",
            "METHOD_NOT_ALLOWED",
            e.getMessage(),
            null)
        .response();
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<OperationOutcome> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request)
      throws HttpMediaTypeNotSupportedException {
    if (!isApi(request)) {
      throw e;
    }
    return new ApiProblem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "not-supported",
            "MEDIA_TYPE_NOT_SUPPORTED",
            "The body must be one of " + e.getSupportedMediaTypes() + ", not " + e.getContentType(),
            null)
        .response();
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }
}

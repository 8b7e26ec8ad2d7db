package no.forlop.access;

import jakarta.servlet.http.HttpServletResponse;
import no.forlop.web.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;

/**
 * The answer to a request that names an unknown purpose: an OperationOutcome (400, {@code
 * INVALID_PURPOSE}) from an API, a page in the reader's language (400) from a page, never a stack
 * trace and never the refused value.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PurposeErrors {

  private final ApiProblems problems;
  private final Users users;

  PurposeErrors(ApiProblems problems, Users users) {
    this.problems = problems;
    this.users = users;
  }

  @ExceptionHandler(InvalidPurposeException.class)
  Object invalidPurpose(
      InvalidPurposeException e, HandlerMethod handler, HttpServletResponse response) {
    if (AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class)
        || handler.hasMethodAnnotation(ResponseBody.class)) {
      return problems.response(e);
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    var page = new ModelAndView("access/invalid-purpose");
    page.setStatus(HttpStatus.BAD_REQUEST);
    page.addObject("codes", InvalidPurposeException.codes());
    users.current().ifPresent(user -> page.addObject("currentUser", user));
    return page;
  }
}

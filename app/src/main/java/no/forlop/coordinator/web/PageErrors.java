package no.forlop.coordinator.web;

import jakarta.servlet.http.HttpServletResponse;
import no.forlop.access.User;
import no.forlop.access.Users;
import no.forlop.pathway.OutsideUnitsException;
import no.forlop.pathway.PathwayNotFoundException;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pathway pages' answers when a pathway cannot be shown: a page in the user's language saying
 * so (403 outside the user's units or for a read-only role, 404 for no such pathway), never a stack
 * trace.
 */
@ControllerAdvice(
    basePackages = {
      "no.forlop.coordinator.pathwaypage",
      "no.forlop.coordinator.plan",
      "no.forlop.coordinator.municipality"
    })
public class PageErrors {

  /** A form that could not be carried out is shown again with this status. */
  public static final int UNPROCESSABLE = 422;

  private final Users users;

  PageErrors(Users users) {
    this.users = users;
  }

  /**
   * A pathway of another unit: a coordinator or clinician is offered emergency access to it
   * (nødtilgang, ADR 0028).
   */
  @ExceptionHandler(OutsideUnitsException.class)
  ModelAndView outsideUnits(OutsideUnitsException e, HttpServletResponse response) {
    var page = page(response, HttpServletResponse.SC_FORBIDDEN, "pathway.error.outsideUnits");
    if (users.current().map(User::mayAskForEmergencyAccess).orElse(false)) {
      e.pathway().ifPresent(id -> page.addObject("emergencyPathway", id));
    }
    return page;
  }

  @ExceptionHandler(ReadOnlyException.class)
  ModelAndView readOnly(HttpServletResponse response) {
    return page(response, HttpServletResponse.SC_FORBIDDEN, "pathway.error.readOnly");
  }

  @ExceptionHandler({PathwayNotFoundException.class, MethodArgumentTypeMismatchException.class})
  ModelAndView notFound(HttpServletResponse response) {
    return page(response, HttpServletResponse.SC_NOT_FOUND, "pathway.error.notFound");
  }

  private ModelAndView page(HttpServletResponse response, int status, String message) {
    response.setStatus(status);
    var page = new ModelAndView("coordinator/web/error");
    page.setStatus(HttpStatusCode.valueOf(status));
    page.addObject("status", status);
    page.addObject("message", message);
    users.current().ifPresent(user -> page.addObject("currentUser", user));
    return page;
  }
}

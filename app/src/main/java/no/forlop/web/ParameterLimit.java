package no.forlop.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The backstop behind the fields' own limits (issue 14, ADR 0026): no request parameter (address or
 * form) longer than {@link TextLimits#ANY_PARAMETER} characters reaches a controller. The API
 * answers 400 {@code TEXT_TOO_LONG} with the parameter and the limit; a page answers 400 with a
 * page saying so. Nothing is saved. (JSON bodies are checked field by field with {@code @Size}; the
 * FHIR endpoint and the bulk import have their own size limits.)
 */
@Configuration(proxyBeanMethods = false)
class ParameterLimit implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new Check());
  }

  /** A parameter over the limit on a page. */
  static final class TooLongException extends RuntimeException {
    TooLongException(String parameter) {
      super("The parameter " + parameter + " is longer than " + TextLimits.ANY_PARAMETER);
    }
  }

  static final class Check implements HandlerInterceptor {
    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      if (request.getDispatcherType() == DispatcherType.ERROR) {
        return true; // the error page of a refused request: its parameters are not read
      }
      for (var parameter : request.getParameterMap().entrySet()) {
        for (var value : parameter.getValue()) {
          if (value != null && value.length() > TextLimits.ANY_PARAMETER) {
            throw refusal(handler, parameter.getKey());
          }
        }
      }
      return true;
    }

    private static RuntimeException refusal(Object handler, String parameter) {
      var api =
          handler instanceof HandlerMethod method
              && AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class);
      return api
          ? new ApiProblem(
                  HttpStatus.BAD_REQUEST,
                  "too-long",
                  "TEXT_TOO_LONG",
                  parameter,
                  String.valueOf(
                      TextLimits.ANY_PARAMETER)) // digits, as the API's texts write numbers
              .at(parameter)
          : new TooLongException(parameter);
    }
  }

  /** The page of a form with a field over the backstop's limit. */
  @ControllerAdvice
  static class Pages {

    @ExceptionHandler(TooLongException.class)
    ModelAndView tooLong(HttpServletResponse response) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      var page = new ModelAndView("fragments/too-long");
      page.setStatus(HttpStatus.BAD_REQUEST);
      return page;
    }
  }
}

package no.forlop.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.support.WebApplicationContextUtils;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders {@link ApiProblem}s and other error texts in the language of the request (resolved by
 * {@link LanguageConfiguration}: Norwegian bokmål unless the client asks for English).
 */
@Component
public class ApiProblems {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MessageSource messages;

  ApiProblems(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * The problem as an HTTP response with a FHIR JSON body, its text in the request's language (and
   * {@code Retry-After} when it passes by itself).
   */
  public ResponseEntity<OperationOutcome> response(ApiProblem problem) {
    var response = ResponseEntity.status(problem.status()).contentType(ApiProblem.FHIR_JSON);
    var retryAfter = problem.retryAfter();
    if (retryAfter != null) {
      response.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter.toSeconds()));
    }
    return response.body(problem.outcome(messages, LocaleContextHolder.getLocale()));
  }

  /**
   * The problem's text in the language of a request that Spring MVC does not handle (the FHIR
   * endpoint is a servlet of its own): the application's message files and locale resolver, found
   * through the servlet context; the bare reason code when there is no application context.
   */
  public static String text(ApiProblem problem, HttpServletRequest request) {
    var context = WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
    if (context == null) {
      return problem.text(new StaticMessageSource(), Locale.ENGLISH);
    }
    var locale =
        context
            .getBeanProvider(LocaleResolver.class)
            .getIfAvailable(() -> new FixedLocaleResolver(Locale.ENGLISH))
            .resolveLocale(request);
    return problem.text(context, locale);
  }

  /** A text from the message files in the request's language. */
  public String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  /**
   * A request refused with 400 for one reason found in several places: an issue per place, each
   * with the reason's code, its text in the request's language and the place as diagnostics.
   */
  public ResponseEntity<OperationOutcome> invalid(String reason, java.util.List<String> places) {
    var text = text("problem." + reason);
    return response(
        HttpStatus.BAD_REQUEST,
        OperationOutcome.of(
            places.stream()
                .map(p -> OperationOutcome.Issue.error("invalid", reason, text, null, p))
                .toList()));
  }

  /** An outcome (e.g. of several issues) as an HTTP response with a FHIR JSON body. */
  public static ResponseEntity<OperationOutcome> response(
      HttpStatus status, OperationOutcome body) {
    return ResponseEntity.status(status).contentType(ApiProblem.FHIR_JSON).body(body);
  }

  /**
   * Writes an outcome where Spring MVC does not answer (a servlet filter, Spring Security, the
   * container's own error report): the status and the outcome as FHIR JSON in UTF-8, the one shape
   * of every error of {@code /api} and {@code /fhir}. Headers (e.g. {@code Retry-After}) are the
   * caller's to set.
   */
  public static void write(HttpServletResponse response, int status, OperationOutcome outcome)
      throws IOException {
    response.setStatus(status);
    response.setContentType(ApiProblem.FHIR_JSON.toString());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(outcome));
  }
}

package no.forlop.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders {@link ApiProblem}s and other error texts in the language of the request (resolved by
 * {@link LanguageConfiguration}: Norwegian bokmål unless the client asks for English).
 */
@Component
public class ApiProblems {

  private final MessageSource messages;

  ApiProblems(MessageSource messages) {
    this.messages = messages;
  }

  /** The problem as an HTTP response with a FHIR JSON body, its text in the request's language. */
  public ResponseEntity<OperationOutcome> response(ApiProblem problem) {
    return response(problem.status(), problem.outcome(messages, LocaleContextHolder.getLocale()));
  }

  /** A text from the message files in the request's language. */
  public String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
  }

  /** An outcome (e.g. of several issues) as an HTTP response with a FHIR JSON body. */
  public static ResponseEntity<OperationOutcome> response(
      HttpStatus status, OperationOutcome body) {
    return ResponseEntity.status(status).contentType(ApiProblem.FHIR_JSON).body(body);
  }
}

package no.forlop.access;

import java.util.Arrays;
import java.util.stream.Collectors;
import no.forlop.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A request named a purpose that is not on the closed list (or one too long to read): 400 with the
 * reason {@code INVALID_PURPOSE}. The refused value is never repeated back: it may hold anything.
 */
public class InvalidPurposeException extends ApiProblem {

  public InvalidPurposeException() {
    super(HttpStatus.BAD_REQUEST, "value", "INVALID_PURPOSE", Purpose.PURPOSE_HEADER, codes());
    at(Purpose.PURPOSE_HEADER);
    diagnostics(Purpose.PURPOSE_HEADER + " takes one of: " + codes());
  }

  /** The values a request may name, ours and HL7's, for the text and the diagnostics. */
  static String codes() {
    return Arrays.stream(Purpose.values())
        .filter(Purpose::declarable)
        .map(p -> p.hl7() == null ? p.code() : p.code() + " (" + p.hl7() + ")")
        .collect(Collectors.joining(", "));
  }
}

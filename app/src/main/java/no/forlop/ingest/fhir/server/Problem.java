package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.Locale;
import no.forlop.ingest.fhir.IntakeReason;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Something wrong with a request, or with one entry of a bundle: the HTTP status, the FHIR issue
 * type, Forløp's reason code and text (message key {@code fhir.<REASON>[.variant]}, in Norwegian
 * bokmål or English; never a patient's identity), and where ({@code Bundle.entry[2]}).
 */
record Problem(int status, IssueType type, IntakeReason text, @Nullable String expression) {

  /** The message keys of the endpoint's own texts start with this, followed by the reason. */
  static final String KEY_PREFIX = "fhir.";

  /** A 400 for the whole request: text {@code fhir.<REASON>}. */
  static Problem badRequest(String reason, Object... args) {
    return new Problem(400, IssueType.INVALID, text(reason, null, args), null);
  }

  /** A 400 for the whole request: text {@code fhir.<REASON>.<variant>}. */
  static Problem badRequestVariant(String reason, String variant, Object... args) {
    return new Problem(400, IssueType.INVALID, text(reason, variant, args), null);
  }

  /** A 400 for one entry of a bundle: text {@code fhir.<REASON>[.<variant>]}. */
  static Problem badEntry(
      String reason, @Nullable String variant, String expression, Object... args) {
    return new Problem(400, IssueType.INVALID, text(reason, variant, args), expression);
  }

  /** The text {@code fhir.<REASON>[.<variant>]} with its arguments. */
  static IntakeReason text(String reason, @Nullable String variant, Object... args) {
    return IntakeReason.keyed(
        reason, KEY_PREFIX + reason + (variant == null ? "" : "." + variant), args);
  }

  String reason() {
    return text.code();
  }

  /** The status line of a bundle entry's response: {@code 400 Bad Request}. */
  String statusLine() {
    return statusLine(status);
  }

  static String statusLine(int status) {
    var known = HttpStatus.resolve(status);
    return known == null ? String.valueOf(status) : status + " " + known.getReasonPhrase();
  }

  OperationOutcome.OperationOutcomeIssueComponent issue(Locale language) {
    return Outcomes.issue(IssueSeverity.ERROR, type, reason(), text.text(language), expression);
  }

  OperationOutcome outcome(Locale language) {
    return Outcomes.of(issue(language));
  }

  /**
   * The same outcome in the REST API's model, for an answer written before HAPI sees the request
   * ({@link no.forlop.web.ApiProblems#write}).
   */
  no.forlop.web.OperationOutcome written(Locale language) {
    return no.forlop.web.OperationOutcome.error(
        type.toCode(), reason(), text.text(language), expression);
  }

  /**
   * The problem as the answer to the whole request; its text is given in the request's language
   * when the answer is written ({@link ErrorOutcomes}).
   */
  BaseServerResponseException exception() {
    return new Refusal(this);
  }

  /** A request refused for a problem of Forløp's own. */
  static final class Refusal extends BaseServerResponseException {

    private final transient Problem problem;

    Refusal(Problem problem) {
      super(problem.status(), problem.text().english());
      this.problem = problem;
      setOperationOutcome(problem.outcome(Locale.ENGLISH));
    }

    Problem problem() {
      return problem;
    }

    /** The refusal with its outcome in this language. */
    Refusal in(Locale language) {
      setOperationOutcome(problem.outcome(language));
      return this;
    }
  }
}

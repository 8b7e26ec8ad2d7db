package no.forlop.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A request that cannot be carried out: the HTTP status, the FHIR issue type, a stable reason code
 * and the arguments of its text. The text itself comes from the message files in the caller's
 * language (key {@code problem.<REASON>}, Norwegian bokmål by default, English on request), so the
 * problem holds no sentence; render it with {@link ApiProblems}. Its {@link #getMessage()} is the
 * reason code, for logs.
 */
public class ApiProblem extends RuntimeException {

  /** The message keys of API problems start with this, followed by the reason code. */
  public static final String KEY_PREFIX = "problem.";

  private final HttpStatus status;
  private final String issueType;
  private final String reason;
  private final Object[] args;
  private String key;
  private @Nullable String expression;
  private @Nullable String diagnostics;
  private @Nullable Duration retryAfter;

  /**
   * @param args the arguments of the text ({@code {0}}, {@code {1}} … in the message files)
   */
  public ApiProblem(HttpStatus status, String issueType, String reason, Object... args) {
    super(reason);
    this.status = status;
    this.issueType = issueType;
    this.reason = reason;
    this.args = args.clone();
    this.key = KEY_PREFIX + reason;
  }

  /**
   * The text of a parameter whose value is not one of those allowed: {@code {0}} the parameter,
   * {@code {1}} the value given, {@code {2}} the values allowed.
   */
  public static final String INVALID_VALUE_KEY = "problem.INVALID_PARAMETER.value";

  /** A parameter's value as a text names it: at most 64 characters, control characters removed. */
  public static String shown(@Nullable String value) {
    if (value == null) {
      return "";
    }
    var clean = value.replaceAll("\\p{Cntrl}", "");
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }

  /**
   * A parameter whose value is not one of those allowed (reason {@code INVALID_PARAMETER}): names
   * the parameter, the value given and the values allowed.
   */
  public static ApiProblem notAllowed(String parameter, String value, String allowed) {
    return invalid("INVALID_PARAMETER", parameter, shown(value), allowed)
        .key(INVALID_VALUE_KEY)
        .at(parameter);
  }

  public static ApiProblem notFound(String reason, Object... args) {
    return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", reason, args);
  }

  public static ApiProblem invalid(String reason, Object... args) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid", reason, args);
  }

  public static ApiProblem conflict(String reason, Object... args) {
    return new ApiProblem(HttpStatus.CONFLICT, "conflict", reason, args);
  }

  public static ApiProblem businessRule(String reason, Object... args) {
    return new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "business-rule", reason, args);
  }

  public static ApiProblem forbidden(String reason, Object... args) {
    return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", reason, args);
  }

  /** The request field or parameter at fault (FHIR {@code expression}). */
  public ApiProblem at(@Nullable String expression) {
    this.expression = expression;
    return this;
  }

  /** A technical detail for integrators, in English (FHIR {@code diagnostics}). */
  public ApiProblem diagnostics(@Nullable String diagnostics) {
    this.diagnostics = diagnostics;
    return this;
  }

  /**
   * When the client may send the request again (HTTP {@code Retry-After}), for a problem that
   * passes by itself (503).
   */
  public ApiProblem retryAfter(@Nullable Duration retryAfter) {
    this.retryAfter = retryAfter;
    return this;
  }

  /** When the client may send the request again, if the problem passes by itself. */
  public @Nullable Duration retryAfter() {
    return retryAfter;
  }

  /**
   * Another message key than {@code problem.<REASON>}: a variant of the text (e.g. {@code
   * problem.INVALID_PARAMETER.missing}) or a module's own keys (e.g. {@code rejection.<REASON>}).
   */
  public ApiProblem key(String key) {
    this.key = key;
    return this;
  }

  public HttpStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }

  public String messageKey() {
    return key;
  }

  public Object[] args() {
    return args.clone();
  }

  /** The text for people, in the given language; the reason code if the key has no text. */
  public String text(MessageSource messages, Locale locale) {
    return messages.getMessage(key, args, reason + " " + Arrays.toString(args), locale);
  }

  /** The problem as an OperationOutcome, its text in the given language. */
  public OperationOutcome outcome(MessageSource messages, Locale locale) {
    return OperationOutcome.of(
        OperationOutcome.Issue.error(
            issueType, reason, text(messages, locale), expression, diagnostics));
  }

  /** The media type of FHIR resources in JSON. */
  public static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
}

package no.forlop.npr;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A delivery that cannot be made or read: bad input, outside the actor's units, not found, or
 * documents that do not validate against their schemas. It carries a reason code and the arguments
 * of its text; the web turns them into text in the user's language ({@code problem.<REASON>}, or
 * {@code problem.<REASON>.<variant>}). {@link #getMessage()} is English, for logs and as the
 * technical detail of a document that does not validate. Messages never name a patient.
 */
public class NprDeliveryException extends RuntimeException {

  /** What kind of refusal. */
  public enum Kind {
    INVALID,
    OUTSIDE_UNITS,
    NOT_FOUND,
    DOCUMENT_INVALID
  }

  private final Kind kind;
  private final String reason;
  private final @Nullable String field;
  private final List<String> args;
  private @Nullable String variant;

  NprDeliveryException(
      Kind kind, String reason, String message, @Nullable String field, Object... args) {
    super(message);
    this.kind = kind;
    this.reason = reason;
    this.field = field;
    this.args = Arrays.stream(args).map(String::valueOf).toList();
  }

  static NprDeliveryException invalid(
      String reason, String message, @Nullable String field, Object... args) {
    return new NprDeliveryException(Kind.INVALID, reason, message, field, args);
  }

  /** Another text for the same reason code (message key {@code problem.<REASON>.<variant>}). */
  NprDeliveryException variant(String variant) {
    this.variant = variant;
    return this;
  }

  public Kind kind() {
    return kind;
  }

  /** A reason code for machines, e.g. {@code UNKNOWN_ORGANISATION}. */
  public String reason() {
    return reason;
  }

  /** The message key of the text for people. */
  public String messageKey() {
    return "problem." + reason + (variant == null ? "" : "." + variant);
  }

  /** The arguments of the text. */
  public List<String> args() {
    return args;
  }

  /** The request field at fault, if any. */
  public @Nullable String field() {
    return field;
  }
}

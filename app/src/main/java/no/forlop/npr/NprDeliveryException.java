package no.forlop.npr;

import org.jspecify.annotations.Nullable;

/**
 * A delivery that cannot be made or read: bad input, outside the actor's units, not found, or
 * documents that do not validate against their schemas. Messages never name a patient.
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

  NprDeliveryException(Kind kind, String reason, String message, @Nullable String field) {
    super(message);
    this.kind = kind;
    this.reason = reason;
    this.field = field;
  }

  static NprDeliveryException invalid(String reason, String message, @Nullable String field) {
    return new NprDeliveryException(Kind.INVALID, reason, message, field);
  }

  public Kind kind() {
    return kind;
  }

  /** A reason code for machines, e.g. {@code UNKNOWN_ORGANISATION}. */
  public String reason() {
    return reason;
  }

  /** The request field at fault, if any. */
  public @Nullable String field() {
    return field;
  }
}

package no.forlop.ingest;

/** A delivery that is not JSON or NDJSON at all; nothing in it could be read. */
public class UnreadableDeliveryException extends RuntimeException {

  public UnreadableDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}

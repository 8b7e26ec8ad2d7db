package no.forlop.ingest.fhir;

/**
 * Understands that a delivery cannot be read at all: not JSON or NDJSON, or a JSON document that is
 * neither a FHIR Bundle nor a resource. The message is one line, without personal data.
 */
public class UnreadableDeliveryException extends RuntimeException {

  UnreadableDeliveryException(String reason) {
    super(reason);
  }
}

package no.forlop.reporting;

/** A request for indicators that cannot be answered (e.g. a period that ends before it starts). */
public class InvalidIndicatorQueryException extends RuntimeException {

  public InvalidIndicatorQueryException(String message) {
    super(message);
  }
}

package no.forlop.pathway;

/**
 * The pathway belongs to an organisation outside the acting user's units. The web says so in the
 * user's language ({@code problem.OUTSIDE_UNITS}); the message is English, for logs.
 */
public class OutsideUnitsException extends RuntimeException {

  private final java.util.@org.jspecify.annotations.Nullable UUID pathway;

  OutsideUnitsException() {
    this(null);
  }

  /** Refused one pathway: the page may offer emergency access to it. */
  OutsideUnitsException(java.util.@org.jspecify.annotations.Nullable UUID pathway) {
    super("This pathway belongs to a unit you do not work in.");
    this.pathway = pathway;
  }

  /** The pathway refused, when one was asked for by its id. */
  public java.util.Optional<java.util.UUID> pathway() {
    return java.util.Optional.ofNullable(pathway);
  }
}

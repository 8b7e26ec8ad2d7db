package no.forlop.pathway;

/**
 * The pathway belongs to an organisation outside the acting user's units. The web says so in the
 * user's language ({@code problem.OUTSIDE_UNITS}); the message is English, for logs.
 */
public class OutsideUnitsException extends RuntimeException {

  OutsideUnitsException() {
    super("This pathway belongs to a unit you do not work in.");
  }
}

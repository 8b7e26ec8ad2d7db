package no.forlop.pathway;

/** The pathway belongs to an organisation outside the acting user's units. */
public class OutsideUnitsException extends RuntimeException {

  OutsideUnitsException() {
    super("This pathway belongs to a unit you do not work in.");
  }
}

package no.forlop.mdt;

/** The meeting belongs to (or would be planned for) a unit the acting user does not work in. */
public class MeetingOutsideUnitsException extends RuntimeException {

  MeetingOutsideUnitsException() {
    super("This MDT meeting belongs to a unit you do not work in.");
  }
}

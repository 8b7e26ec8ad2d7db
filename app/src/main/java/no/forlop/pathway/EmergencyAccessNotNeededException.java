package no.forlop.pathway;

/**
 * Emergency access asked for a pathway of one of the user's own units: not given, since the user
 * has access already (HTTP 409, {@code EMERGENCY_ACCESS_NOT_NEEDED}).
 */
public class EmergencyAccessNotNeededException extends RuntimeException {

  EmergencyAccessNotNeededException() {
    super("The pathway belongs to one of the user's units: no emergency access is needed.");
  }
}

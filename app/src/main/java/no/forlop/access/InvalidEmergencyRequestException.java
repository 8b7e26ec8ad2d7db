package no.forlop.access;

/** A request for emergency access that cannot be granted as typed (HTTP 400). */
public class InvalidEmergencyRequestException extends RuntimeException {

  private final EmergencyRequest.Problem problem;

  InvalidEmergencyRequestException(EmergencyRequest.Problem problem) {
    super("emergency access request refused: " + problem);
    this.problem = problem;
  }

  public EmergencyRequest.Problem problem() {
    return problem;
  }
}

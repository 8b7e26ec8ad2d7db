package no.forlop.pathway;

/**
 * A request that names something that does not exist or conflicts with what does (an unknown
 * pathway or variant, or an open instance of the same pathway), with a reason code.
 */
public class InvalidPathwayRequestException extends RuntimeException {

  /** What is wrong. */
  public enum Problem {
    UNKNOWN_PATHWAY,
    UNKNOWN_VARIANT,
    INVALID_ORGANISATION,
    PATHWAY_ALREADY_OPEN,
    /** A patient is in one mental-health or substance-use pathway at a time. */
    MENTAL_HEALTH_PATHWAY_OPEN
  }

  /** Whether the request conflicts with a pathway already open (rather than being malformed). */
  public boolean isConflict() {
    return problem == Problem.PATHWAY_ALREADY_OPEN || problem == Problem.MENTAL_HEALTH_PATHWAY_OPEN;
  }

  private final Problem problem;

  InvalidPathwayRequestException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}

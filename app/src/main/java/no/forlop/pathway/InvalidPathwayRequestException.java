package no.forlop.pathway;

import java.util.List;

/**
 * A request that names something that does not exist or conflicts with what does (an unknown
 * pathway or variant, an open instance of the same pathway, a change of pathway type the rules do
 * not allow), with a reason code.
 *
 * <p>Problems with a text in the message files ({@code error.pathway.<PROBLEM>}, Norwegian, with
 * English in {@code _en}) carry its arguments ({@link #args()}: strings, dates, or catalogue texts
 * in both languages to be shown in the reader's); the exception's own message is then a technical
 * summary for logs.
 */
public class InvalidPathwayRequestException extends RuntimeException {

  /** What is wrong. */
  public enum Problem {
    UNKNOWN_PATHWAY,
    UNKNOWN_VARIANT,
    INVALID_ORGANISATION,
    PATHWAY_ALREADY_OPEN,
    /** A patient is in one mental-health or substance-use pathway at a time. */
    MENTAL_HEALTH_PATHWAY_OPEN,
    /** Only a mental-health or substance-use pathway changes type. */
    TYPE_CHANGE_NOT_MENTAL_HEALTH,
    /** The pathway whose type is to change is closed or transferred. */
    TYPE_CHANGE_NOT_OPEN,
    /** The pathway whose type is to change has no start to change from. */
    TYPE_CHANGE_NOT_STARTED,
    /** The new type is the pathway's own. */
    TYPE_CHANGE_SAME_TYPE,
    /** The new type is not a mental-health or substance-use pathway. */
    TYPE_CHANGE_TO_NOT_MENTAL_HEALTH,
    /** The change is dated before the pathway's start. */
    TYPE_CHANGE_BEFORE_START,
    /** The change is dated after today. */
    TYPE_CHANGE_IN_FUTURE,
    /** The new pathway is not in use on the date of the change. */
    TYPE_CHANGE_PATHWAY_NOT_VALID,
    /** The catalogue has no code that closes a pathway for a change of type. */
    TYPE_CHANGE_NO_CLOSING_CODE
  }

  /** Whether the request conflicts with a pathway already open (rather than being malformed). */
  public boolean isConflict() {
    return problem == Problem.PATHWAY_ALREADY_OPEN
        || problem == Problem.MENTAL_HEALTH_PATHWAY_OPEN
        || problem == Problem.TYPE_CHANGE_NOT_OPEN;
  }

  /**
   * Whether the request is well-formed but breaks a rule of the pathway (a change of type the rules
   * do not allow), rather than being malformed or conflicting.
   */
  public boolean isBusinessRule() {
    return problem.name().startsWith("TYPE_CHANGE_") && !isConflict();
  }

  private final Problem problem;
  private final List<Object> args;

  InvalidPathwayRequestException(Problem problem, String message) {
    super(message);
    this.problem = problem;
    this.args = List.of();
  }

  private InvalidPathwayRequestException(Problem problem, List<Object> args) {
    super(problem + " " + args);
    this.problem = problem;
    this.args = args;
  }

  /** A problem whose text is {@code error.pathway.<PROBLEM>} in the message files. */
  static InvalidPathwayRequestException of(Problem problem, Object... args) {
    return new InvalidPathwayRequestException(problem, List.of(args));
  }

  public Problem problem() {
    return problem;
  }

  /** The key of the problem's text in the message files. */
  public String messageKey() {
    return "error.pathway." + problem.name();
  }

  /** The arguments of the problem's text. */
  public List<Object> args() {
    return args;
  }
}

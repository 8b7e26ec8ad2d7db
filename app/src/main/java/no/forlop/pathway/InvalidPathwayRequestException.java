package no.forlop.pathway;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import no.forlop.catalog.Localized;

/**
 * A request that names something that does not exist or conflicts with what does (an unknown
 * pathway or variant, or an open instance of the same pathway): a reason and the arguments of its
 * text, like {@link no.forlop.pathway.Rejection}. The web turns it into text in the user's language
 * ({@code problem.<PROBLEM>} in the message files); {@link #getMessage()} is the English text, for
 * logs and the import report. No argument names the patient. A catalogue name may be an argument in
 * both languages ({@link Localized}): each reader gets theirs.
 */
public class InvalidPathwayRequestException extends RuntimeException {

  /**
   * What is wrong, with the English text; its arguments are numbered in that text as in the message
   * files (an argument a language does not need is left out of its text).
   */
  public enum Problem {
    /** {0} the pathway asked for, {1} the catalogue version. */
    UNKNOWN_PATHWAY("The catalogue (version {1}) has no pathway {0}."),
    /** {0} the variant asked for, {1} the variants there are. */
    UNKNOWN_VARIANT("The catalogue has no variant {0} (there are {1})."),
    /** {0} the organisation given. */
    INVALID_ORGANISATION(
        "The organisation must be an identifier of 1–40 letters or digits"
            + " (organisasjonsnummer), not {0}."),
    /**
     * {0} code prefix (or id), {1} Norwegian name, {2} English name, {3} organisation, {4} the date
     * it started (or was opened), {5} 1 if it has started, else 0.
     */
    PATHWAY_ALREADY_OPEN(
        "The patient already has an open {2} ({0}, {5,choice,0#opened|1#started} {4}) at {3}."
            + " Close or correct it before opening another."),
    /**
     * A patient is in one mental-health or substance-use pathway at a time. {0} the open one's code
     * prefix (or id), {1} its Norwegian name, {2} its English name, {3} its organisation, {4} the
     * date it started (or was opened), {5} 1 if it has started, else 0, {6} the code prefix (or id)
     * of the one asked for, {7} the open one's id, {8} 1 if it is at the organisation asked for
     * (then a change of pathway type is the way on), else 0.
     */
    MENTAL_HEALTH_PATHWAY_OPEN(
        "The patient is already in a mental-health or substance-use pathway: {2} ({0} at {3},"
            + " {5,choice,0#opened|1#started} {4}). A patient is in one such pathway at a time."
            + " {8,choice,0#End it (closure or transfer) before starting {6}.|1#If {6} is the"
            + " right type now, change the type of the open pathway (on its page, or POST"
            + " /api/v1/pathways/{7}/type-change): which type is right is a clinical judgement."
            + " Otherwise end it (closure or transfer) before starting {6}.}"),
    /** Only a mental-health or substance-use pathway changes type. {0} the pathway's name. */
    TYPE_CHANGE_NOT_MENTAL_HEALTH(
        "{0} is not a mental-health or substance-use pathway; only those change pathway type."),
    /** The pathway whose type is to change is closed or transferred. {0} its name, {1} state. */
    TYPE_CHANGE_NOT_OPEN("{0} is not open ({1}), so its pathway type cannot change."),
    /** The pathway whose type is to change has no start to change from. {0} its name. */
    TYPE_CHANGE_NOT_STARTED("{0} has no registered start: register the start first."),
    /** The new type is the pathway's own. {0} its name. */
    TYPE_CHANGE_SAME_TYPE("The pathway already is {0}: choose another pathway type."),
    /** The new type is not a mental-health or substance-use pathway. {0} its name. */
    TYPE_CHANGE_TO_NOT_MENTAL_HEALTH(
        "{0} is not a mental-health or substance-use pathway: the type can only change to one."),
    /** The change is dated before the pathway's start. {0} the date, {1} name, {2} the start. */
    TYPE_CHANGE_BEFORE_START(
        "The change is dated {0}, but {1} started {2}: change the type on or after the start."),
    /** The change is dated after today. {0} the date, {1} today. */
    TYPE_CHANGE_IN_FUTURE("The change is dated {0}, after today ({1})."),
    /** The new pathway is not in use on the date. {0} its name, {1} the date, {2} from, {3} to. */
    TYPE_CHANGE_PATHWAY_NOT_VALID("{0} is not in use on {1} (in use {2} to {3})."),
    /** The catalogue has no code that closes a pathway for a change of type. {0} the name. */
    TYPE_CHANGE_NO_CLOSING_CODE(
        "The catalogue has no code that closes {0} for a change of pathway type.");

    private final String english;

    Problem(String english) {
      this.english = english;
    }
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

  InvalidPathwayRequestException(Problem problem, Object... args) {
    super(englishText(problem, Arrays.asList(args)));
    this.problem = problem;
    this.args = List.copyOf(Arrays.asList(args));
  }

  /** The English text of a problem with these arguments. */
  static String englishText(Problem problem, List<Object> args) {
    return new MessageFormat(problem.english, Locale.ENGLISH)
        .format(args.stream().map(a -> a instanceof Localized l ? l.in("en") : a).toArray());
  }

  static InvalidPathwayRequestException of(Problem problem, Object... args) {
    return new InvalidPathwayRequestException(problem, args);
  }

  /** The key of the problem's text in the message files. */
  public String messageKey() {
    return "problem." + problem.name();
  }

  public Problem problem() {
    return problem;
  }

  /** The arguments of the text: strings, and a number where the text chooses a word by it. */
  public List<Object> args() {
    return args;
  }
}

package no.forlop.pathway;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A request that names something that does not exist or conflicts with what does (an unknown
 * pathway or variant, or an open instance of the same pathway): a reason and the arguments of its
 * text, like {@link no.forlop.pathway.domain.Rejection}. The web turns it into text in the user's
 * language ({@code problem.<PROBLEM>} in the message files); {@link #getMessage()} is the English
 * text, for logs and the import report. No argument names the patient.
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
     * of the one asked for.
     */
    MENTAL_HEALTH_PATHWAY_OPEN(
        "The patient is already in a mental-health or substance-use pathway: {2} ({0} at {3},"
            + " {5,choice,0#opened|1#started} {4}). A patient is in one such pathway at a time."
            + " End it (closure or transfer) before starting {6}, or change the pathway type.");

    private final String english;

    Problem(String english) {
      this.english = english;
    }
  }

  /** Whether the request conflicts with a pathway already open (rather than being malformed). */
  public boolean isConflict() {
    return problem == Problem.PATHWAY_ALREADY_OPEN || problem == Problem.MENTAL_HEALTH_PATHWAY_OPEN;
  }

  private final Problem problem;
  private final List<Object> args;

  InvalidPathwayRequestException(Problem problem, Object... args) {
    super(new MessageFormat(problem.english, Locale.ENGLISH).format(args));
    this.problem = problem;
    this.args = List.copyOf(Arrays.asList(args));
  }

  public Problem problem() {
    return problem;
  }

  /** The arguments of the text: strings, and a number where the text chooses a word by it. */
  public List<Object> args() {
    return args;
  }
}

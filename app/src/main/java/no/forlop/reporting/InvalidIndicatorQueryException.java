package no.forlop.reporting;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A request for indicators that cannot be answered (e.g. a period that ends before it starts): what
 * is wrong and the arguments of its text. The web turns it into text in the user's language ({@code
 * problem.INVALID_QUERY.<PROBLEM>}); {@link #getMessage()} is English, for logs.
 */
public class InvalidIndicatorQueryException extends RuntimeException {

  /** What is wrong, with the English text; its arguments as in the message files. */
  public enum Problem {
    PERIOD_REQUIRED("from and to are required"),
    /** {0} from, {1} to. */
    PERIOD_REVERSED("to ({1}) is before from ({0})"),
    /** {0} the most years a period may cover. */
    PERIOD_TOO_LONG("a period can cover at most {0} years"),
    INDICATOR_REQUIRED("an indicator is required");

    private final String english;

    Problem(String english) {
      this.english = english;
    }
  }

  private final Problem problem;
  private final List<String> args;

  public InvalidIndicatorQueryException(Problem problem, Object... args) {
    super(new MessageFormat(problem.english, Locale.ENGLISH).format(strings(args).toArray()));
    this.problem = problem;
    this.args = strings(args);
  }

  private static List<String> strings(Object... args) {
    return Arrays.stream(args).map(String::valueOf).toList();
  }

  public Problem problem() {
    return problem;
  }

  public List<String> args() {
    return args;
  }
}

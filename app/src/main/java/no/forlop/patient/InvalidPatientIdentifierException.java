package no.forlop.patient;

/** A text that is not a valid fødselsnummer or D-nummer, with what is wrong with it. */
public class InvalidPatientIdentifierException extends IllegalArgumentException {

  /** What is wrong with the number. */
  public enum Problem {
    LENGTH("must have exactly 11 digits"),
    NOT_DIGITS("may hold only digits"),
    CHECKSUM("has wrong check digits"),
    DATE("does not start with a valid date");

    private final String text;

    Problem(String text) {
      this.text = text;
    }
  }

  private final Problem problem;

  InvalidPatientIdentifierException(Problem problem) {
    // the number itself is never part of the message: messages may end up in logs
    super("Not a valid fødselsnummer or D-nummer: it " + problem.text);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}

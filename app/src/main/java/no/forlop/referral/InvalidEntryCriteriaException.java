package no.forlop.referral;

import java.util.List;

/** An entry-criteria document was refused; each problem says where and what. */
public class InvalidEntryCriteriaException extends RuntimeException {

  private final List<String> problems;

  public InvalidEntryCriteriaException(List<String> problems) {
    super("The entry criteria are not valid:\n - " + String.join("\n - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}

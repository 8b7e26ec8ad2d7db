package no.forlop.catalog.codelist;

import java.util.List;

/** A code-list file that cannot be read, with every problem found (line or element named). */
public class InvalidCodeListException extends RuntimeException {

  private final List<String> problems;

  public InvalidCodeListException(List<String> problems) {
    super("The code list cannot be read: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}

package no.forlop.catalog;

import java.util.List;

/** A catalogue document was refused; each problem says where and what. */
public class InvalidCatalogueException extends RuntimeException {

  private final List<String> problems;

  public InvalidCatalogueException(List<String> problems) {
    super("The catalogue is not valid:\n - " + String.join("\n - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}

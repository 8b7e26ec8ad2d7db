package no.forlop.terminology;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A ConceptMap that was refused, with every problem found: each a reason code (its text is {@code
 * problem.<REASON>} in the message files), the element at fault and the arguments of the text.
 */
public class InvalidConceptMapException extends RuntimeException {

  /** Why a ConceptMap cannot be loaded. */
  public enum Reason {
    UNREADABLE_CONCEPT_MAP,
    CONCEPT_MAP_VERSION_MISSING,
    CONCEPT_MAP_VERSION_INVALID,
    CONCEPT_MAP_EMPTY,
    SOURCE_SYSTEM_MISSING,
    TARGET_SYSTEM_NOT_CONCEPTS,
    SOURCE_CODE_MISSING,
    TARGET_MISSING,
    UNKNOWN_TARGET_CONCEPT,
    EQUIVALENCE_NOT_SUPPORTED,
    UNMAPPED_NOT_SUPPORTED,
    DUPLICATE_MAPPING
  }

  /**
   * One problem.
   *
   * @param expression the element at fault (FHIR path), if any
   * @param args the arguments of the text
   * @param diagnostics a technical detail for integrators (English), if any
   */
  public record Problem(
      Reason reason, @Nullable String expression, List<String> args, @Nullable String diagnostics) {

    public Problem {
      args = List.copyOf(args);
    }

    @Override
    public String toString() {
      return reason + (expression == null ? "" : " at " + expression) + " " + args;
    }
  }

  private final List<Problem> problems;

  public InvalidConceptMapException(List<Problem> problems) {
    super("The ConceptMap cannot be loaded: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}

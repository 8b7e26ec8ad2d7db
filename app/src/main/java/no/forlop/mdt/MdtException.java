package no.forlop.mdt;

import java.util.Arrays;
import java.util.List;
import no.forlop.mdt.domain.MdtProblem;

/** A meeting cannot be planned, its agenda changed or a decision recorded, for a named reason. */
public class MdtException extends RuntimeException {

  private final MdtProblem problem;
  private final List<String> args;

  public MdtException(MdtProblem problem, Object... args) {
    super(problem.name());
    this.problem = problem;
    this.args = Arrays.stream(args).map(String::valueOf).toList();
  }

  public MdtProblem problem() {
    return problem;
  }

  /** The arguments of the problem's message. */
  public List<String> args() {
    return args;
  }
}

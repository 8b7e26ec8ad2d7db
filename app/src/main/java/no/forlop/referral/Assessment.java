package no.forlop.referral;

import java.util.List;

/**
 * A GP's ticked findings judged against a pathway's criteria: whether a well-founded suspicion is
 * met, which findings support it, which required findings are missing, which of the GP's filter
 * steps are not ticked as done, and which steps a specialist does after the referral.
 */
public record Assessment(
    Outcome outcome,
    List<Item> present,
    List<Item> missingRequired,
    List<FilterStep> missingFilterSteps,
    List<FilterStep> specialistSteps) {

  public enum Outcome {
    /** The criteria are met: a well-founded suspicion by the sourced criteria. */
    MET,
    /** The criteria are not met by what was ticked. */
    NOT_MET,
    /** This pathway's criteria are not known; the GP judges alone. */
    UNKNOWN
  }

  public Assessment {
    present = List.copyOf(present);
    missingRequired = List.copyOf(missingRequired);
    missingFilterSteps = List.copyOf(missingFilterSteps);
    specialistSteps = List.copyOf(specialistSteps);
  }
}

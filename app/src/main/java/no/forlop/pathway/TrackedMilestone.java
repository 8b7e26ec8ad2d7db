package no.forlop.pathway;

import java.time.LocalDate;
import java.util.List;

/**
 * A milestone Forløp tracks on a pathway instance that is not a registry code (e.g. {@code
 * BIOPSY}), with the rule that found it and the source events it was found in. The derivation
 * replaces an instance's tracked milestones each time it runs.
 *
 * @param sources the source events, as {@code Type/id}
 */
public record TrackedMilestone(String type, LocalDate date, String rule, List<String> sources) {

  /**
   * The clinical decision taken at the trust that transferred the patient here for treatment: this
   * instance's treatment start rests on it, and its lead time to the decision is not judged again.
   */
  public static final String DECIDED_AT_SENDER = "DECIDED_AT_SENDER";

  public TrackedMilestone {
    sources = List.copyOf(sources);
  }
}

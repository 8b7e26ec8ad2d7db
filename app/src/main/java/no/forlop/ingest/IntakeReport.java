package no.forlop.ingest;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What became of one delivery: how many resources were accepted, which were rejected or ignored and
 * why, and which patients' pathways it concerned.
 */
public record IntakeReport(
    UUID delivery,
    int accepted,
    List<Problem> rejected,
    List<Problem> ignored,
    Set<String> patients) {

  /** A resource that was not used, and why. */
  public record Problem(String source, String reason) {}
}

package no.forlop.coding.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.coding.domain.DerivationResult.TrackedMilestone;
import org.jspecify.annotations.Nullable;

/** A pathway instance being derived: one pathway at one organisation, from its start. */
final class DraftInstance {
  final PathwayDefinition pathway;
  final String organisation;
  final Starts.Start start;
  final List<DerivationResult.Code> codes = new ArrayList<>();
  final List<TrackedMilestone> milestones = new ArrayList<>();
  final List<DerivationResult.Code> decisions = new ArrayList<>();
  @Nullable LocalDate closing;

  /**
   * The instance at the sending organisation, where this one was opened by a transfer in the same
   * pathway (the sender's O and this one's A); {@code null} otherwise.
   */
  @Nullable DraftInstance transferredFrom;

  /** The day the sender transferred the patient here, where {@link #transferredFrom} is set. */
  @Nullable LocalDate transferredOn;

  DraftInstance(PathwayDefinition pathway, String organisation, Starts.Start start) {
    this.pathway = pathway;
    this.organisation = organisation;
    this.start = start;
  }

  LocalDate startDate() {
    return start.date();
  }

  void add(DerivationResult.@Nullable Code code) {
    if (code != null) {
      codes.add(code);
    }
  }

  /**
   * The facts the derivation could not use for this instance, and why (also the result's problems).
   */
  final List<DerivationResult.Problem> unused = new java.util.ArrayList<>();

  /** The latest decision so far. */
  DerivationResult.Code lastDecision() {
    return decisions.get(decisions.size() - 1);
  }

  /** Whether the instance is open on a day: on or after its start, not after its closing. */
  boolean covers(LocalDate day) {
    return !day.isBefore(start.date()) && (closing == null || !day.isAfter(closing));
  }

  /** The instance as the derivation's result, its codes by date and milestone. */
  DerivationResult.Instance result() {
    return new DerivationResult.Instance(
        pathway.id(),
        organisation,
        start.date(),
        codes.stream()
            .sorted(
                java.util.Comparator.comparing(DerivationResult.Code::date)
                    .thenComparing(c -> c.milestone().ordinal()))
            .toList(),
        milestones,
        transferredFrom == null || transferredOn == null
            ? null
            : new DerivationResult.Transfer(
                transferredFrom.organisation, transferredFrom.startDate(), transferredOn),
        unused);
  }
}

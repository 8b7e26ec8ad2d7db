package no.forlop.pathway;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A pathway instance as the derivation finds it in a patient's EHR events: one pathway at one
 * organisation, the codes it should carry and the milestones tracked on it. The pathway module
 * decides which stored instance it is (or opens one) and brings that instance in line.
 *
 * @param pathway the catalogue id of the pathway definition
 * @param organisation the organisation number
 * @param start the date the derivation starts the instance on
 * @param unused what the derivation found for this instance but could not code, and why
 * @param transferredFrom where a transfer in the same pathway opened this instance, the sender's
 *     instance (one of the same derivation's instances) and the day it sent the referral
 */
public record DerivedInstance(
    PathwayDefinitionId pathway,
    OrganisationNumber organisation,
    LocalDate start,
    List<DerivedCode> codes,
    List<TrackedMilestone> milestones,
    @Nullable Transfer transferredFrom,
    List<UnusedFact> unused) {

  public DerivedInstance {
    codes = List.copyOf(codes);
    milestones = List.copyOf(milestones);
    unused = List.copyOf(unused);
  }

  /** An instance with nothing the derivation could not code. */
  public DerivedInstance(
      PathwayDefinitionId pathway,
      OrganisationNumber organisation,
      LocalDate start,
      List<DerivedCode> codes,
      List<TrackedMilestone> milestones,
      @Nullable Transfer transferredFrom) {
    this(pathway, organisation, start, codes, milestones, transferredFrom, List.of());
  }

  /** An instance no transfer opened. */
  public DerivedInstance(
      PathwayDefinitionId pathway,
      OrganisationNumber organisation,
      LocalDate start,
      List<DerivedCode> codes,
      List<TrackedMilestone> milestones) {
    this(pathway, organisation, start, codes, milestones, null);
  }

  /**
   * The sender of a transfer: its instance of the same pathway at {@code organisation} that starts
   * on {@code senderStart}, the day the referral was sent ({@code sentOn}) and the derivation rule
   * that found the transfer.
   */
  public record Transfer(
      OrganisationNumber organisation, LocalDate senderStart, LocalDate sentOn, String rule) {}
}

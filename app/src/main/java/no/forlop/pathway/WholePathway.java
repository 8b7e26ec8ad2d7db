package no.forlop.pathway;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A patient's whole pathway across the instances that transfers between trusts link (ADR 0021),
 * with the lead times measured as NPR measures one pathway across institutions: from the first
 * trust's start to the treating trust's treatment start. A pathway no transfer links is a chain of
 * one.
 *
 * <p>What it holds of another trust's instance is only what the patient-level lead times are made
 * of: the trust, the day of the transfer, and the date, code and trust of the four milestones.
 *
 * @param instances the chain, first trust first
 * @param start the first trust's start (NPR's {@code StartDato}/{@code Ainst})
 * @param firstAttendance the first attendance wherever registered ({@code UtrStartDato}/{@code
 *     Sinst})
 * @param decision the first clinical decision after it ({@code KliniskBeslutn}/{@code Cinst})
 * @param treatment the first treatment start ({@code StartBeh}/{@code Finst}): the treating trust
 * @param leadTimes OF1–OF4 (per treatment type) across the chain
 */
public record WholePathway(
    PathwayDefinitionId pathway,
    LocalDate asOf,
    String catalogueVersion,
    List<Instance> instances,
    @Nullable Point start,
    @Nullable Point firstAttendance,
    @Nullable Point decision,
    @Nullable Point treatment,
    List<LeadTime> leadTimes) {

  public WholePathway {
    instances = List.copyOf(instances);
    leadTimes = List.copyOf(leadTimes);
  }

  /**
   * One instance of the chain.
   *
   * @param transferredOn the day the previous trust transferred the patient here ({@code null} for
   *     the first)
   * @param visible whether the user who asked may open its pathway page (its trust is one of the
   *     user's units); always {@code false} for the read models
   */
  public record Instance(
      PathwayId id,
      OrganisationNumber organisation,
      PathwayState state,
      @Nullable LocalDate transferredOn,
      boolean visible) {}

  /** A milestone of the whole pathway and the trust whose instance registered it. */
  public record Point(
      PathwayId pathway, OrganisationNumber organisation, String code, LocalDate date) {}

  /** Whether transfers link more than one instance. */
  public boolean linked() {
    return instances.size() > 1;
  }

  public Instance first() {
    return instances.get(0);
  }

  public Instance last() {
    return instances.get(instances.size() - 1);
  }

  /** The trust where treatment started, once it has. */
  public @Nullable OrganisationNumber treatingOrganisation() {
    return treatment == null ? null : treatment.organisation();
  }

  /** The instance that transferred the patient to {@code id}, if one did. */
  public Optional<Instance> before(PathwayId id) {
    for (int i = 1; i < instances.size(); i++) {
      if (instances.get(i).id().equals(id)) {
        return Optional.of(instances.get(i - 1));
      }
    }
    return Optional.empty();
  }

  /** The instance {@code id} transferred the patient to, if any. */
  public Optional<Instance> after(PathwayId id) {
    for (int i = 0; i + 1 < instances.size(); i++) {
      if (instances.get(i).id().equals(id)) {
        return Optional.of(instances.get(i + 1));
      }
    }
    return Optional.empty();
  }
}

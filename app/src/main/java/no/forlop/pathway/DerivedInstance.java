package no.forlop.pathway;

import java.time.LocalDate;
import java.util.List;

/**
 * A pathway instance as the derivation finds it in a patient's EHR events: one pathway at one
 * organisation, the codes it should carry and the milestones tracked on it. The pathway module
 * decides which stored instance it is (or opens one) and brings that instance in line.
 *
 * @param pathway the catalogue id of the pathway definition
 * @param organisation the organisation number
 * @param start the date the derivation starts the instance on
 */
public record DerivedInstance(
    PathwayDefinitionId pathway,
    OrganisationNumber organisation,
    LocalDate start,
    List<DerivedCode> codes,
    List<TrackedMilestone> milestones) {

  public DerivedInstance {
    codes = List.copyOf(codes);
    milestones = List.copyOf(milestones);
  }
}

package no.forlop.pathway;

import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * A request to open a pathway instance.
 *
 * @param patient the patient's fødselsnummer or D-nummer
 * @param pathway the pathway's catalogue id (e.g. {@code colorectal}) or code prefix ({@code A12})
 * @param organisation the owning organisation (organisasjonsnummer)
 * @param variant the care setting or severity its norms depend on, if known (e.g. OUTPATIENT)
 */
public record CreatePathway(
    PatientIdentifier patient,
    PathwayDefinitionId pathway,
    OrganisationNumber organisation,
    @Nullable String variant) {

  /**
   * A request from text, each value read as the API reads it.
   *
   * @throws no.forlop.patient.InvalidPatientIdentifierException when the patient is not a
   *     fødselsnummer or D-nummer
   */
  public static CreatePathway of(
      String patient, String pathway, String organisation, @Nullable String variant) {
    return new CreatePathway(
        PatientIdentifier.parse(patient),
        PathwayDefinitionId.of(pathway),
        OrganisationNumber.of(organisation),
        variant);
  }
}

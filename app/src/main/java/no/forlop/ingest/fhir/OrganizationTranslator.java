package no.forlop.ingest.fhir;

import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.OrganisationRecord;
import org.hl7.fhir.r4.model.Organization;

/** Understands a FHIR Organization as a health trust or hospital with its organisation number. */
final class OrganizationTranslator implements ResourceTranslator<Organization> {

  /** The FHIR identifier system for an organisasjonsnummer (Enhetsregisteret). */
  static final String ORGANISATION_NUMBER_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.101";

  @Override
  public Class<Organization> resourceClass() {
    return Organization.class;
  }

  @Override
  public ClinicalEvent translate(Organization organization, Reading reading) {
    var number =
        organization.getIdentifier().stream()
            .filter(id -> ORGANISATION_NUMBER_SYSTEM.equals(id.getSystem()))
            .filter(id -> id.hasValue() && !id.getValue().isBlank())
            .map(id -> id.getValue().replace(" ", ""))
            .findFirst()
            .orElseThrow(
                () ->
                    reading.missing(
                        IntakeReason.Phrase.of(
                            "element.organisationNumber", ORGANISATION_NUMBER_SYSTEM),
                        "organisationWhich"));
    return new OrganisationRecord(
        reading.source(), number, reading.optional(organization.getNameElement()));
  }
}

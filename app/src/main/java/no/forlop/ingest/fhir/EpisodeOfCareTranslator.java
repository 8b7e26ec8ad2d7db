package no.forlop.ingest.fhir;

import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.CareEpisode;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.Reference;

/**
 * Understands a FHIR EpisodeOfCare as the patient's ({@code patient}) period of care at an
 * organisation ({@code managingOrganization}), started by a referral ({@code referralRequest}):
 * when it is {@code finished}, its {@code period.end} closes a mental-health pathway
 * (docs/rules.md, {@code MH-END-EPISODE}). A finished episode must say when it ended.
 */
final class EpisodeOfCareTranslator implements ResourceTranslator<EpisodeOfCare> {

  @Override
  public Class<EpisodeOfCare> resourceClass() {
    return EpisodeOfCare.class;
  }

  @Override
  public ClinicalEvent translate(EpisodeOfCare episode, Reading reading) {
    var patient = reading.patient(episode.getPatient(), "patient", "episodePatient");
    var status = reading.required(episode.getStatusElement(), "status");
    var end = reading.optionalInstant(episode.getPeriod().getEndElement(), "period.end");
    if (end == null && "finished".equals(status)) {
      throw reading.missing("period.end", "episodeEnd");
    }
    var referral =
        episode.getReferralRequest().stream()
            .filter(Reference::hasReference)
            .map(r -> reading.optional(r, "referralRequest"))
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse(null);
    return new CareEpisode(
        reading.source(),
        patient,
        status,
        reading.organisation(episode.getManagingOrganization(), "managingOrganization"),
        referral,
        end);
  }
}

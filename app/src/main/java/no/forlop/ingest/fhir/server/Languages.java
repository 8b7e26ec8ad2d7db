package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Locale;
import no.forlop.ingest.fhir.IntakeReason;

/**
 * Chooses the language of the FHIR endpoint's texts as the REST API does: Norwegian bokmål, or
 * English when the client asks for it in {@code Accept-Language}.
 */
final class Languages {

  private Languages() {}

  static Locale of(RequestDetails request) {
    var header = request.getHeader("Accept-Language");
    return header != null && header.strip().toLowerCase(Locale.ROOT).startsWith("en")
        ? Locale.ENGLISH
        : IntakeReason.NORWEGIAN;
  }
}

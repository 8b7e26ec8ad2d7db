package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Locale;

/**
 * Chooses the language of the FHIR endpoint's texts as the REST API does: Norwegian bokmål, or
 * English when the client asks for it in {@code Accept-Language}.
 */
final class Languages {

  private Languages() {}

  static Locale of(RequestDetails request) {
    return "en"
            .equals(
                no.forlop.web.PreferredLanguage.of(request.getHeader("Accept-Language"))
                    .getLanguage())
        ? Locale.ENGLISH
        : no.forlop.ingest.fhir.IntakeReason.NORWEGIAN;
  }
}

package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the language of the FHIR endpoint's texts as the REST API does: Norwegian bokmål, or
 * English when the client asks for it in {@code Accept-Language}.
 */
final class Languages {

  private Languages() {}

  static Locale of(RequestDetails request) {
    return of(request.getHeader("Accept-Language"));
  }

  /** The language of an {@code Accept-Language} header (none: Norwegian bokmål). */
  static Locale of(@Nullable String acceptLanguage) {
    return "en".equals(no.forlop.web.PreferredLanguage.of(acceptLanguage).getLanguage())
        ? Locale.ENGLISH
        : no.forlop.ingest.fhir.IntakeReason.NORWEGIAN;
  }
}

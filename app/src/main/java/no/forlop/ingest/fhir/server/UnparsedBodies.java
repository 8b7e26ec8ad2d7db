package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Keeps HAPI from parsing request bodies: whether a resource is acceptable is for Forløp's reader
 * to say, strictly and one resource at a time, and HAPI would refuse a whole bundle for one entry
 * it cannot parse (an unknown resource type, a broken narrative). HAPI parses a body only when the
 * request has no resource yet; once the request is routed, this gives it an empty one of the type
 * the URL names (a Bundle for {@code POST /fhir}), and the providers read the raw body.
 */
@Interceptor
final class UnparsedBodies {

  private final FhirContext fhir;

  UnparsedBodies(FhirContext fhir) {
    this.fhir = fhir;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean standIn(RequestDetails request) {
    var method = request.getRequestType();
    if ((method == RequestTypeEnum.POST || method == RequestTypeEnum.PUT)
        && request.getResource() == null) {
      var type = request.getResourceName();
      request.setResource(
          type == null || type.isBlank()
              ? new Bundle()
              : fhir.getResourceDefinition(type).newInstance());
    }
    return true;
  }
}

package no.forlop.ingest.fhir;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Referral;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Understands a FHIR ServiceRequest that is an order as a referral: its pathway and priority codes
 * ({@code code} and {@code category}), the suspected condition ({@code reasonCode}), who sent it
 * ({@code requester}) and who is to receive it ({@code performer}). An order is intent {@code
 * order} or one of its kinds in FHIR's request-intent hierarchy: {@code original-order}, {@code
 * reflex-order}, {@code filler-order} (the receiving organisation's own order for the referral) and
 * {@code instance-order}. Other intents ({@code proposal}, {@code plan}, {@code directive}, {@code
 * option}) are no referral and are ignored.
 */
final class ServiceRequestTranslator implements ResourceTranslator<ServiceRequest> {

  private static final Set<String> ORDERS =
      Set.of("order", "original-order", "reflex-order", "filler-order", "instance-order");

  @Override
  public Class<ServiceRequest> resourceClass() {
    return ServiceRequest.class;
  }

  @Override
  public ClinicalEvent translate(ServiceRequest request, Reading reading) {
    var intent = reading.required(request.getIntentElement(), "intent");
    if (!ORDERS.contains(intent)) {
      throw reading.ignored("NOT_AN_ORDER", intent);
    }
    var patient = reading.patient(request.getSubject(), "subject", "patientReferred");
    var status = reading.required(request.getStatusElement(), "status");
    var codes =
        Stream.concat(
                Reading.codes(List.of(request.getCode())).stream(),
                Reading.codes(request.getCategory()).stream())
            .toList();
    var performer =
        request.getPerformer().isEmpty()
            ? null
            : reading.organisation(request.getPerformer().get(0), "performer[0]");
    return new Referral(
        reading.source(),
        patient,
        status,
        codes,
        Reading.codes(request.getReasonCode()),
        reading.organisation(request.getRequester(), "requester"),
        performer,
        reading.instant(request.getAuthoredOnElement(), "authoredOn", "referralWritten"));
  }
}

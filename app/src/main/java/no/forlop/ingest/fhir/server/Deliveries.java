package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import no.forlop.access.Actor;
import no.forlop.access.InvalidPurposeException;
import no.forlop.access.Purpose;
import no.forlop.ingest.IntakeReport;
import no.forlop.ingest.IntakeService;
import no.forlop.ingest.UnreadableDeliveryException;
import no.forlop.ingest.fhir.IntakeReason;

/**
 * Hands request bodies to the intake as deliveries, as they came, with the signed-in user (or
 * system) as the actor and the purpose from {@code X-Forlop-Purpose}, as the REST API reads it.
 */
final class Deliveries {

  static final String PURPOSE_HEADER = "X-Forlop-Purpose";

  private final IntakeService intake;

  Deliveries(IntakeService intake) {
    this.intake = intake;
  }

  IntakeReport receive(
      byte[] body,
      String channel,
      RequestDetails request,
      Map<Integer, IntakeReason> alsoRejected,
      Map<Integer, String> ifNoneExist,
      IntakeService.Storing storing) {
    var actor = actor(request);
    try {
      return intake.receive(body, channel, actor, alsoRejected, ifNoneExist, storing);
    } catch (UnreadableDeliveryException e) {
      throw Problem.badRequestVariant("UNREADABLE_BODY", "delivery", e.getMessage()).exception();
    }
  }

  /** The signed-in system or user, and the purpose named in the request (as for the REST API). */
  static Actor actor(RequestDetails request) {
    String why;
    try {
      why = Purpose.of(request.getHeader(PURPOSE_HEADER), Purpose.PATIENT_CARE).code();
    } catch (InvalidPurposeException e) {
      throw Problem.badRequest("INVALID_PURPOSE", PURPOSE_HEADER).exception();
    }
    var authentication =
        org.springframework.security.core.context.SecurityContextHolder.getContext()
            .getAuthentication();
    var who =
        authentication == null || !authentication.isAuthenticated()
            ? "anonymous"
            : authentication.getName();
    return new Actor(who, why);
  }
}

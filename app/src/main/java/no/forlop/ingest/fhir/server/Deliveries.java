package no.forlop.ingest.fhir.server;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import no.forlop.audit.Actor;
import no.forlop.ingest.IntakeReport;
import no.forlop.ingest.IntakeService;
import no.forlop.ingest.UnreadableDeliveryException;

/**
 * Hands request bodies to the intake as deliveries, as they came, with the actor the request names
 * in the same headers as the REST API's: {@code X-Forlop-User} and {@code X-Forlop-Purpose}, the
 * local user when they are absent.
 */
final class Deliveries {

  static final String USER_HEADER = "X-Forlop-User";
  static final String PURPOSE_HEADER = "X-Forlop-Purpose";

  private final IntakeService intake;

  Deliveries(IntakeService intake) {
    this.intake = intake;
  }

  IntakeReport receive(
      byte[] body,
      String channel,
      RequestDetails request,
      Map<Integer, String> alsoRejected,
      IntakeService.Storing storing) {
    var actor = actor(request);
    try {
      return intake.receive(body, channel, actor, alsoRejected, storing);
    } catch (UnreadableDeliveryException e) {
      throw Problem.badRequest(
              "UNREADABLE_BODY", "The request body cannot be read: " + e.getMessage())
          .exception();
    }
  }

  /** The user and purpose named in the request, as the REST API reads them. */
  static Actor actor(RequestDetails request) {
    var user = request.getHeader(USER_HEADER);
    var purpose = request.getHeader(PURPOSE_HEADER);
    try {
      return new Actor(
          user == null || user.isBlank() ? Actor.LOCAL_USER_ID : user.strip(),
          purpose == null || purpose.isBlank() ? Actor.DEFAULT_PURPOSE : purpose.strip());
    } catch (IllegalArgumentException e) {
      throw Problem.badRequest(
              "INVALID_ACTOR",
              USER_HEADER + " and " + PURPOSE_HEADER + " take 1–100 characters each.")
          .exception();
    }
  }
}

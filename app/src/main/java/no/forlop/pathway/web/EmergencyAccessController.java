package no.forlop.pathway.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.access.EmergencyGrant;
import no.forlop.access.EmergencyRequest;
import no.forlop.access.InvalidEmergencyRequestException;
import no.forlop.pathway.EmergencyAccessNotNeededException;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayNotFoundException;
import no.forlop.pathway.PathwayService;
import no.forlop.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Emergency access (nødtilgang) through the API: a coordinator or clinician asks for a pathway of
 * another unit with a reason, and may read that patient's pathways there until it expires (ADR
 * 0028). Only coordinators and clinicians reach this route (the security configuration).
 */
@RestController
@RequestMapping("/api/v1/pathways/{id}/emergency-access")
@Tag(name = "Pathways", description = "Pathway instances, their codes, history and lead times")
class EmergencyAccessController {

  private final PathwayService pathways;

  EmergencyAccessController(PathwayService pathways) {
    this.pathways = pathways;
  }

  /** The request: the kind of situation (optional, default OTHER) and the reason (10–500). */
  record GrantRequest(@Nullable String kind, @Nullable String reason) {}

  /** An emergency access given: until when, and to what. */
  record GrantResponse(
      UUID id,
      UUID pathway,
      String organisation,
      EmergencyRequest.Kind kind,
      String reason,
      Instant grantedAt,
      Instant expiresAt) {

    static GrantResponse of(EmergencyGrant grant) {
      return new GrantResponse(
          grant.id(),
          grant.pathway(),
          grant.organisation(),
          grant.kind(),
          grant.reason(),
          grant.grantedAt(),
          grant.expiresAt());
    }
  }

  @PostMapping
  @Operation(
      summary =
          "Ask for emergency access (nødtilgang) to a pathway of another unit, with a reason;"
              + " opens that patient's pathways there for a limited time, audited")
  ResponseEntity<GrantResponse> grant(
      @PathVariable UUID id,
      @RequestBody(required = false) @Nullable GrantRequest body,
      Actor actor) {
    EmergencyRequest request;
    try {
      request =
          EmergencyRequest.of(
              body == null ? null : body.kind(), body == null ? null : body.reason());
    } catch (InvalidEmergencyRequestException e) {
      throw ApiProblem.invalid(
              e.problem().name(), EmergencyRequest.MIN_REASON, EmergencyRequest.MAX_REASON)
          .key("emergency.problem." + e.problem().name())
          .at(e.problem() == EmergencyRequest.Problem.KIND_UNKNOWN ? "kind" : "reason");
    }
    try {
      var grant = pathways.grantEmergencyAccess(new PathwayId(id), request, actor);
      return ResponseEntity.created(URI.create("/api/v1/pathways/" + id))
          .body(GrantResponse.of(grant));
    } catch (PathwayNotFoundException e) {
      throw ApiProblem.notFound("PATHWAY_NOT_FOUND", e.id());
    } catch (EmergencyAccessNotNeededException e) {
      throw ApiProblem.conflict("EMERGENCY_ACCESS_NOT_NEEDED")
          .key("emergency.problem.EMERGENCY_ACCESS_NOT_NEEDED");
    }
  }
}

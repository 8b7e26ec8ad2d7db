package no.forlop.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.access.EmergencyGrant;
import no.forlop.access.EmergencyRequest;
import no.forlop.audit.EmergencyAccessReview;
import no.forlop.audit.EmergencyAccessReview.ReviewRefusedException;
import no.forlop.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emergency accesses (nødtilgang) to the patients of the caller's units, for review by a leader
 * or administrator there (the security configuration lets only them in).
 */
@RestController
@RequestMapping("/api/v1/emergency-access")
@Tag(name = "Audit", description = "Who accessed a patient's data, when and why")
class EmergencyAccessReviewController {

  private final EmergencyAccessReview review;
  private final Clock clock;

  EmergencyAccessReviewController(EmergencyAccessReview review, Clock clock) {
    this.review = review;
    this.clock = clock;
  }

  /** One emergency access as the reviewer sees it. */
  record Entry(
      UUID id,
      String actor,
      String patient,
      String organisation,
      UUID pathway,
      EmergencyRequest.Kind kind,
      String reason,
      Instant grantedAt,
      Instant expiresAt,
      boolean active,
      @Nullable String reviewedBy,
      @Nullable Instant reviewedAt,
      @Nullable String reviewComment) {

    static Entry of(EmergencyGrant g, Instant now) {
      return new Entry(
          g.id(),
          g.actor(),
          g.patient(),
          g.organisation(),
          g.pathway(),
          g.kind(),
          g.reason(),
          g.grantedAt(),
          g.expiresAt(),
          g.activeAt(now),
          g.reviewedBy(),
          g.reviewedAt(),
          g.reviewComment());
    }
  }

  record ReviewRequest(@Nullable String comment) {}

  @GetMapping
  @Operation(
      summary =
          "The emergency accesses to the patients of your units, newest first (each patient"
              + " listed is recorded as read)")
  List<Entry> list(Actor actor) {
    var now = clock.instant();
    return review.list(actor).stream().map(g -> Entry.of(g, now)).toList();
  }

  @PostMapping("/{id}/review")
  @Operation(summary = "Mark an emergency access reviewed, with a comment (once)")
  Entry review(
      @PathVariable UUID id,
      @RequestBody(required = false) @Nullable ReviewRequest body,
      Actor actor) {
    try {
      var grant = review.review(id, body == null ? "" : body.comment(), actor);
      return Entry.of(grant, clock.instant());
    } catch (ReviewRefusedException e) {
      var reason = "EMERGENCY_REVIEW_" + e.problem().name();
      var problem =
          switch (e.problem()) {
            case NOT_FOUND -> ApiProblem.notFound(reason);
            case OUTSIDE_UNITS -> ApiProblem.forbidden(reason);
            case ALREADY_REVIEWED -> ApiProblem.conflict(reason);
            case COMMENT_REQUIRED, COMMENT_TOO_LONG ->
                ApiProblem.invalid(reason, EmergencyAccessReview.MAX_COMMENT).at("comment");
          };
      throw problem.key("emergency.problem." + reason);
    }
  }
}

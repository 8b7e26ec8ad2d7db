package no.forlop.access;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One emergency access (nødtilgang) given: who, to which patient's pathway at which unit, why, from
 * when until when, and the review by a leader or administrator of that unit once it is done.
 */
public record EmergencyGrant(
    UUID id,
    String actor,
    String patient,
    String organisation,
    UUID pathway,
    EmergencyRequest.Kind kind,
    String reason,
    Instant grantedAt,
    Instant expiresAt,
    @Nullable String reviewedBy,
    @Nullable Instant reviewedAt,
    @Nullable String reviewComment) {

  /**
   * Whether the access is open at this instant: from its grant up to, not including, its expiry.
   */
  public boolean activeAt(Instant instant) {
    return !instant.isBefore(grantedAt) && instant.isBefore(expiresAt);
  }

  public boolean reviewed() {
    return reviewedAt != null;
  }

  /** What the access opens. */
  public EmergencyAccess access() {
    return new EmergencyAccess(patient, organisation);
  }
}

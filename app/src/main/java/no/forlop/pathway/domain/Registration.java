package no.forlop.pathway.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.pathway.CodeRef;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.Origin;
import org.jspecify.annotations.Nullable;

/**
 * A code as it stands now, after every correction, withdrawal or confirmation recorded for it.
 *
 * @param corrected whether it was corrected after it was first registered
 */
public record Registration(
    UUID id,
    CodeRef code,
    LocalDate date,
    CodeState state,
    Status status,
    Origin origin,
    @Nullable StartBasis startBasis,
    boolean corrected,
    Instant recordedAt,
    String recordedBy) {

  /** Whether the registration still counts. */
  public enum Status {
    ACTIVE,
    WITHDRAWN,
    REJECTED
  }

  public boolean isRegistered() {
    return status == Status.ACTIVE && state == CodeState.REGISTERED;
  }

  public boolean isProposed() {
    return status == Status.ACTIVE && state == CodeState.PROPOSED;
  }

  Registration with(CodeRef newCode, LocalDate newDate) {
    return new Registration(
        id, newCode, newDate, state, status, origin, startBasis, true, recordedAt, recordedBy);
  }

  Registration with(Status newStatus) {
    return new Registration(
        id, code, date, state, newStatus, origin, startBasis, corrected, recordedAt, recordedBy);
  }

  Registration confirmed() {
    return new Registration(
        id,
        code,
        date,
        CodeState.REGISTERED,
        status,
        origin,
        startBasis,
        corrected,
        recordedAt,
        recordedBy);
  }
}

package no.forlop.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import no.forlop.catalog.StartRule.StartBasis;
import org.jspecify.annotations.Nullable;

/**
 * One fact in a pathway's history, never changed once recorded: a code registered (or proposed), a
 * correction, a withdrawal, or a proposal confirmed or rejected. The pathway's current codes are
 * what its facts add up to.
 *
 * @param seq the position in the pathway's history, from 1
 * @param registration the registration the fact is about
 * @param code the code (registrations and corrections)
 * @param date the code's date (registrations and corrections)
 * @param reason why (a correction, withdrawal or rejection), or why a code is only proposed
 * @param catalogueVersion the catalogue version the fact was validated against
 */
public record CodeFact(
    int seq,
    Kind kind,
    UUID registration,
    @Nullable CodeRef code,
    @Nullable LocalDate date,
    @Nullable CodeState state,
    Origin origin,
    @Nullable StartBasis startBasis,
    @Nullable Remark reason,
    String actor,
    Instant recordedAt,
    String catalogueVersion) {

  /** What happened. */
  public enum Kind {
    REGISTERED,
    CORRECTED,
    WITHDRAWN,
    CONFIRMED,
    REJECTED
  }
}

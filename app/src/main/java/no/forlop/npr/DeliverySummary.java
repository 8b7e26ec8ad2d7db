package no.forlop.npr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What was delivered when: one delivery of an organisation's pathway codes for a period, whether it
 * is the current one for that organisation and period or was superseded by a later delivery, its
 * counts and the SHA-256 (hex) of both documents as stored.
 *
 * @param withheldCodes registered codes in the period that were not delivered because the catalogue
 *     knows no official code for them
 * @param refusedCodes those codes, each with why (empty for deliveries made before they were named)
 */
public record DeliverySummary(
    UUID id,
    String organisation,
    LocalDate from,
    LocalDate to,
    int sequence,
    @Nullable UUID supersedes,
    @Nullable UUID supersededBy,
    boolean current,
    Instant createdAt,
    String createdBy,
    int patients,
    int pathways,
    int codes,
    int withheldCodes,
    List<RefusedCode> refusedCodes,
    String schemaVersion,
    String messageSha256,
    String identitiesSha256) {}

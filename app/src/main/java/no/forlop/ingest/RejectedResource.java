package no.forlop.ingest;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A resource that was received but not used (rejected, or ignored), with the reason and the
 * delivery it came in.
 *
 * @param source the resource as {@code Type/id}, or where it stood ({@code line 12})
 * @param location where it stood in its delivery ({@code line 12} of a bulk file, {@code entry 3}
 *     of a bundle); {@code null} for resources received before Forløp kept it
 * @param outcome {@code REJECTED} or {@code IGNORED}
 * @param code the stable reason code; {@code null} for resources received before Forløp kept it
 * @param reason what is wrong or why it was not used, in the language asked for, without personal
 *     data
 * @param channel how the delivery came ({@code bulk:…}, {@code pull:…}, {@code fhir:batch} …)
 */
public record RejectedResource(
    String source,
    @Nullable String location,
    IntakeReport.Outcome outcome,
    @Nullable String code,
    String reason,
    UUID delivery,
    String channel,
    Instant receivedAt) {}

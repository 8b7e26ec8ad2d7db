package no.forlop.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * A resource that was received but could not be used, with the reason and the delivery it came in.
 *
 * @param source the resource as {@code Type/id}, or where it stood ({@code line 12})
 * @param reason one line saying what is wrong, without personal data
 * @param channel how the delivery came ({@code bulk:…}, {@code pull:…}, {@code replay:…})
 */
public record RejectedResource(
    String source, String reason, UUID delivery, String channel, Instant receivedAt) {}

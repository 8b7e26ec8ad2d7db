package no.forlop.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One recorded access: who did what to which patient's data, when and why. */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String purpose,
    AuditAction action,
    @Nullable String patient,
    String resource,
    @Nullable String details) {}

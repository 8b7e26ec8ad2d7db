package no.forlop.terminology;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored ConceptMap version: its canonical URL, how many mappings it has, when and by whom it was
 * loaded, when it was last put in force, and whether it is in force now.
 */
public record ConceptMapVersion(
    String version,
    String url,
    String checksum,
    int mappings,
    Instant loadedAt,
    String loadedBy,
    @Nullable Instant activatedAt,
    @Nullable String activatedBy,
    boolean active) {}

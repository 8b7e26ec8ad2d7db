package no.forlop.catalog;

import org.jspecify.annotations.Nullable;

/** A kind of treatment start (e.g. SURGICAL, coded FK in cancer pathways). */
public record TreatmentType(String id, Localized names, @Nullable String note) {}

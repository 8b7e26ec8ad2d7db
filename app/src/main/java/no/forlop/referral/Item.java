package no.forlop.referral;

import java.time.LocalDate;
import no.forlop.catalog.Localized;
import org.jspecify.annotations.Nullable;

/**
 * One sourced statement of the entry criteria: a sign, a finding or a part of the referral, in our
 * own words, with where and when it was read, and whether it was read in the directorate's own
 * text.
 */
public record Item(
    String id,
    Localized text,
    boolean verified,
    String source,
    LocalDate read,
    @Nullable String note) {}

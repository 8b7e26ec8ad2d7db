package no.forlop.referral;

import java.time.LocalDate;
import no.forlop.catalog.Localized;
import org.jspecify.annotations.Nullable;

/** A step of the filter function (filterfunksjon): what is done first, by whom, with its source. */
public record FilterStep(
    String id,
    Localized text,
    Performer doneBy,
    boolean verified,
    String source,
    LocalDate read,
    @Nullable String note) {}

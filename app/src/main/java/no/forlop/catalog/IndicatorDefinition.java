package no.forlop.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A lead-time indicator (forløpstidsindikator): the interval from one milestone to another, e.g.
 * OF1 from start to first attendance.
 *
 * @param perTreatment measured per treatment type (OF3, OF4)
 * @param repeating measured again between each pair of consecutive {@code to} milestones
 *     (evaluation intervals)
 */
public record IndicatorDefinition(
    String id,
    Milestone from,
    Milestone to,
    boolean perTreatment,
    boolean repeating,
    Localized names,
    boolean verified,
    @Nullable String source,
    @Nullable String note) {}

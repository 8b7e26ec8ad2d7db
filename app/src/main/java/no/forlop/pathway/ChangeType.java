package no.forlop.pathway;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A request to change the type of a patient's mental-health or substance-use pathway (e.g. D12 to
 * eating disorders in children and young people, D11 to D01): the open pathway is closed and one of
 * the new type opened at the same organisation, both on the date of the change (ADR 0014).
 *
 * @param pathway the new pathway's catalogue id (e.g. {@code eating-disorders-young}) or code
 *     prefix ({@code D01})
 * @param date the day of the change: the old pathway ends and the new one starts
 * @param note why, as the coordinator wrote it, if given
 */
public record ChangeType(PathwayDefinitionId pathway, LocalDate date, @Nullable String note) {}

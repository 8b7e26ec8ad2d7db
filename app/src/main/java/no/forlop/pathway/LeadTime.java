package no.forlop.pathway;

import java.time.LocalDate;
import no.forlop.calendar.DayType;
import org.jspecify.annotations.Nullable;

/**
 * One measured interval of a pathway (e.g. OF1 from start to first attendance) against the norm in
 * force on its start date.
 *
 * @param treatment the treatment type, once known, for indicators measured per treatment
 * @param days the length of a finished interval (the start day is day 0)
 * @param elapsedDays how long a running interval has lasted by the as-of date
 * @param standardDays the norm, or {@code null} when no verified norm exists
 * @param dueDate the last day within the norm
 * @param unverifiedStandardDays a norm the catalogue knows but could not verify (never judged by)
 * @param assumption how the norm was chosen when the pathway lacks a detail (see {@link
 *     Assumption})
 * @param patientDelayed a patient-caused delay (pasientutsatt) was registered within the interval
 */
public record LeadTime(
    String indicator,
    @Nullable String treatment,
    LocalDate from,
    @Nullable LocalDate to,
    @Nullable Long days,
    @Nullable Long elapsedDays,
    @Nullable Integer standardDays,
    DayType dayType,
    @Nullable LocalDate dueDate,
    Status status,
    @Nullable Integer unverifiedStandardDays,
    @Nullable String normSource,
    @Nullable Assumption assumption,
    boolean patientDelayed,
    String catalogueVersion) {

  /** Where an interval stands against its norm. */
  public enum Status {
    /** Finished within the norm ({@code days ≤ standardDays}). */
    MET,
    /** Finished after the norm. */
    BREACHED,
    /** Not finished; the as-of date is on or before the due date. */
    RUNNING,
    /** Not finished; the as-of date is after the due date. */
    OVERDUE,
    /** No verified norm: the interval is measured but not judged. */
    UNKNOWN_NORM
  }

  /** How a norm was chosen when the pathway does not (yet) tell which one applies. */
  public enum Assumption {
    /** The treatment type is not known yet: the shortest norm of the indicator is used. */
    SHORTEST_NORM_TREATMENT_NOT_KNOWN,
    /** The care setting or severity is not known: the shortest of its norms is used. */
    SHORTEST_NORM_VARIANT_NOT_KNOWN
  }
}

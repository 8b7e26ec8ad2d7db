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
 * @param notJudged why the interval is not judged against a norm although the catalogue has
 *     verified ones ({@link NotJudged}), or {@code null}
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
    String catalogueVersion,
    @Nullable NotJudged notJudged) {

  /** An interval judged, or not judged for want of a verified norm alone. */
  public LeadTime(
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
    this(
        indicator,
        treatment,
        from,
        to,
        days,
        elapsedDays,
        standardDays,
        dayType,
        dueDate,
        status,
        unverifiedStandardDays,
        normSource,
        assumption,
        patientDelayed,
        catalogueVersion,
        null);
  }

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
    /**
     * No norm to judge by: none verified, or the pathway lacks the detail that picks one of several
     * ({@link NotJudged}). The interval is measured but not judged.
     */
    UNKNOWN_NORM,
    /**
     * The pathway is left out of this indicator, as NPR defines it ({@link NotJudged}, e.g. the
     * right to treatment was given directly at the referral assessment): shown, never overdue, not
     * in the indicator's statistics.
     */
    EXCLUDED
  }

  /** Why an interval with verified norms is not judged against one. */
  public enum NotJudged {
    /**
     * The norms differ by care setting (poliklinikk, døgn) and neither the pathway nor its first
     * attendance records one: no norm is picked.
     */
    CARE_SETTING_NOT_RECORDED,
    /** The norms differ by severity and the pathway does not record it: no norm is picked. */
    SEVERITY_NOT_RECORDED,
    /**
     * The right to treatment was given directly at the referral assessment: the pathway has no
     * assessment phase to measure.
     */
    DIRECT_TREATMENT_RIGHT
  }

  /** How a norm was chosen when the pathway does not (yet) tell which one applies. */
  public enum Assumption {
    /** The treatment type is not known yet: the shortest norm of the indicator is used. */
    SHORTEST_NORM_TREATMENT_NOT_KNOWN,
    /**
     * The care setting is not recorded on the pathway: it is taken from its first attendance
     * (Encounter class inpatient or ambulatory).
     */
    SETTING_OF_FIRST_ATTENDANCE
  }
}

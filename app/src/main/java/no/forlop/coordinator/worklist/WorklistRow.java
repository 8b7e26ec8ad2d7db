package no.forlop.coordinator.worklist;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One open pathway in the worklist, as the list shows it before the pathway is opened: the
 * patient's initials and masked identity number, the next milestone with its due date and days
 * left, the status and the flags.
 *
 * @param daysLeft days from today to the due date (negative when overdue)
 * @param inactive a step without a deadline is expected and no code came for longer than the unit's
 *     limit (reason {@link Reason#INACTIVE})
 * @param transferredIn the patient came from another organisation in the same pathway
 * @param plannedEvaluation the date a coordinator planned for the next evaluation, if any
 * @param transferredOut when this unit transferred the patient to another organisation (such a
 *     pathway is closed here but stays on the list for the unit's inactivity limit, so the handover
 *     can be followed up)
 * @param expectedMilestone the step the pathway waits for, also when no interval runs; {@code null}
 *     when it is complete for coding (ADR 0035)
 * @param elapsedDays for a running interval without a deadline (no verified norm): days since it
 *     began
 * @param usualDays the unit's usual time for that step (the median of its finished intervals of the
 *     last year), or {@code null} when the unit has too few to compare with
 * @param inactiveDays days without a code, when a step without a deadline is expected; else 0
 * @param reasons why the row needs action now; empty when it does not
 */
public record WorklistRow(
    UUID pathwayId,
    String patientInitials,
    String patientMasked,
    String pathway,
    @Nullable String codePrefix,
    String organisation,
    String state,
    @Nullable LocalDate startDate,
    @Nullable String nextIndicator,
    @Nullable String nextMilestone,
    @Nullable LocalDate dueDate,
    @Nullable Long daysLeft,
    Status status,
    int proposals,
    boolean disagreement,
    @Nullable String problem,
    boolean inactive,
    boolean transferredIn,
    @Nullable LocalDate transferredOut,
    @Nullable String coordinator,
    @Nullable LocalDate plannedEvaluation,
    @Nullable String expectedMilestone,
    @Nullable Long elapsedDays,
    @Nullable Integer usualDays,
    long inactiveDays,
    List<Reason> reasons) {

  /** Transferred in longer ago than the reason lasts: noted, no longer a reason to act. */
  public boolean transferredInNoted() {
    return transferredIn && !reasons.contains(Reason.TRANSFERRED_IN);
  }

  /** The row needs a coordinator now. */
  public boolean needsAction() {
    return !reasons.isEmpty();
  }

  /** The step to show as next: the running interval's, else the one the state leaves open. */
  public @Nullable String shownMilestone() {
    return nextMilestone != null ? nextMilestone : expectedMilestone;
  }

  /** An evaluation is due next and its planned date is after the due date. */
  public boolean evaluationPlannedLate() {
    return plannedEvaluation != null && dueDate != null && plannedEvaluation.isAfter(dueDate);
  }
}

package no.forlop.coordinator.worklist;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One open pathway in the worklist, as the list shows it before the pathway is opened: the
 * patient's initials and masked identity number, the next milestone with its due date and days
 * left, the status and the flags.
 *
 * @param daysLeft days from today to the due date (negative when overdue)
 * @param inactive no code for longer than the unit's limit
 * @param transferredIn the patient came from another organisation in the same pathway
 * @param plannedEvaluation the date a coordinator planned for the next evaluation, if any
 * @param transferredOut when this unit transferred the patient to another organisation (such a
 *     pathway is closed here but stays on the list for the unit's inactivity limit, so the handover
 *     can be followed up)
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
    @Nullable LocalDate plannedEvaluation) {

  /** An evaluation is due next and its planned date is after the due date. */
  public boolean evaluationPlannedLate() {
    return plannedEvaluation != null && dueDate != null && plannedEvaluation.isAfter(dueDate);
  }
}

package no.forlop.coordinator.worklist;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What needs a coordinator now (ADR 0035): the reasons of one worklist row, from its facts, today
 * and its unit's thresholds. {@link Worklist} asks PostgreSQL the same question to filter, count
 * and page the default view ({@code needs_action} in its query); {@code WorklistIT} holds the two
 * to the same answer.
 */
final class NeedsAction {

  private NeedsAction() {}

  /**
   * The facts of a row the reasons are read from.
   *
   * @param nextMilestone the milestone of the running interval, if any
   * @param expectedMilestone the step the pathway waits for, {@code null} when complete for coding
   * @param dueDate the running interval's deadline, when a verified norm gives one
   * @param plannedEvaluation the date a coordinator planned for the next evaluation, if any
   * @param transferredOut when the unit transferred the patient out, if it did
   * @param transferredIn when the patient was transferred in from another organisation, if so
   * @param lastActivity the date of the newest code (proposals count), if any
   * @param startDate the pathway's start, if registered
   */
  record Facts(
      @Nullable String nextMilestone,
      @Nullable String expectedMilestone,
      @Nullable LocalDate dueDate,
      @Nullable LocalDate plannedEvaluation,
      int proposals,
      boolean disagreement,
      boolean ruleBreak,
      @Nullable LocalDate transferredOut,
      @Nullable LocalDate transferredIn,
      @Nullable LocalDate lastActivity,
      @Nullable LocalDate startDate) {}

  /** The unit's thresholds: amber (days before a deadline) and inactivity (days). */
  record Thresholds(int amberDays, int inactiveDays) {}

  static List<Reason> reasons(Facts facts, LocalDate today, Thresholds thresholds) {
    var reasons = new ArrayList<Reason>();
    var due = facts.dueDate();
    if (due != null && facts.expectedMilestone() != null) {
      var withinThreshold = !due.isAfter(today.plusDays(thresholds.amberDays()));
      if ("EVALUATION".equals(facts.nextMilestone())) {
        var planned = facts.plannedEvaluation();
        var plannedInTime = planned != null && !planned.isAfter(due) && !planned.isBefore(today);
        if (withinThreshold && !plannedInTime) {
          reasons.add(Reason.EVALUATION_DUE);
        }
      } else if (due.isBefore(today)) {
        reasons.add(Reason.OVERDUE);
      } else if (withinThreshold) {
        reasons.add(Reason.DUE_SOON);
      }
    }
    if (facts.proposals() > 0) {
      reasons.add(Reason.PROPOSALS);
    }
    if (facts.disagreement()) {
      reasons.add(Reason.DISAGREEMENT);
    }
    if (facts.ruleBreak()) {
      reasons.add(Reason.RULE_BREAK);
    }
    var window = today.minusDays(thresholds.inactiveDays());
    if (facts.transferredOut() != null && !facts.transferredOut().isBefore(window)) {
      reasons.add(Reason.TRANSFERRED_OUT);
    }
    if (facts.transferredIn() != null && !facts.transferredIn().isBefore(window)) {
      reasons.add(Reason.TRANSFERRED_IN);
    }
    if (inactiveDays(facts, today) > thresholds.inactiveDays()) {
      reasons.add(Reason.INACTIVE);
    }
    return List.copyOf(reasons);
  }

  /**
   * Days without a code, for a pathway that waits for a step with no deadline running (an
   * evaluation has its own rule); 0 otherwise.
   */
  static long inactiveDays(Facts facts, LocalDate today) {
    if (facts.expectedMilestone() == null
        || facts.dueDate() != null
        || "EVALUATION".equals(facts.expectedMilestone())) {
      return 0;
    }
    var last = facts.lastActivity() != null ? facts.lastActivity() : facts.startDate();
    return last == null ? 0 : ChronoUnit.DAYS.between(last, today);
  }
}

package no.forlop.coordinator.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import no.forlop.coordinator.worklist.NeedsAction.Facts;
import no.forlop.coordinator.worklist.NeedsAction.Thresholds;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * What needs a coordinator now (ADR 0035), on both sides of each threshold. Today is 2024-12-31;
 * the unit turns amber 3 days before a deadline and flags 14 days without a code.
 */
class NeedsActionTest {

  static final LocalDate TODAY = LocalDate.parse("2024-12-31");
  static final Thresholds UNIT = new Thresholds(3, 14);

  /** A pathway waiting for a first attendance, started and last coded today, nothing else. */
  private static Facts waiting() {
    return new Facts(
        "FIRST_ATTENDANCE",
        "FIRST_ATTENDANCE",
        null,
        null,
        0,
        false,
        false,
        null,
        null,
        TODAY,
        TODAY);
  }

  private static Facts due(@Nullable String next, String expected, LocalDate due) {
    return new Facts(next, expected, due, null, 0, false, false, null, null, TODAY, TODAY);
  }

  private static Facts lastCoded(@Nullable String expected, LocalDate last) {
    return new Facts(null, expected, null, null, 0, false, false, null, null, last, last);
  }

  @Test
  void a_deadline_within_the_threshold_is_due_soon_one_day_beyond_is_not() {
    assertThat(reasons(due("FIRST_ATTENDANCE", "FIRST_ATTENDANCE", TODAY.plusDays(3))))
        .containsExactly(Reason.DUE_SOON);
    assertThat(reasons(due("FIRST_ATTENDANCE", "FIRST_ATTENDANCE", TODAY.plusDays(4)))).isEmpty();
  }

  @Test
  void a_deadline_today_is_due_soon_and_yesterdays_is_overdue() {
    assertThat(reasons(due("FIRST_ATTENDANCE", "FIRST_ATTENDANCE", TODAY)))
        .containsExactly(Reason.DUE_SOON);
    assertThat(reasons(due("FIRST_ATTENDANCE", "FIRST_ATTENDANCE", TODAY.minusDays(1))))
        .containsExactly(Reason.OVERDUE);
  }

  @Test
  void a_unit_with_a_zero_threshold_acts_only_on_the_day() {
    var zero = new Thresholds(0, 14);
    assertThat(NeedsAction.reasons(due("OF", "OF", TODAY), TODAY, zero))
        .containsExactly(Reason.DUE_SOON);
    assertThat(NeedsAction.reasons(due("OF", "OF", TODAY.plusDays(1)), TODAY, zero)).isEmpty();
  }

  @Test
  void inactivity_at_the_limit_is_not_action_one_day_beyond_is() {
    assertThat(reasons(lastCoded("FIRST_ATTENDANCE", TODAY.minusDays(14)))).isEmpty();
    assertThat(reasons(lastCoded("FIRST_ATTENDANCE", TODAY.minusDays(15))))
        .containsExactly(Reason.INACTIVE);
    assertThat(NeedsAction.inactiveDays(lastCoded("FIRST_ATTENDANCE", TODAY.minusDays(15)), TODAY))
        .isEqualTo(15);
  }

  @Test
  void a_pathway_complete_for_coding_is_never_inactive_nor_due() {
    // a cancer pathway whose treatment has started: nothing more to register
    assertThat(reasons(lastCoded(null, TODAY.minusDays(200)))).isEmpty();
    assertThat(NeedsAction.inactiveDays(lastCoded(null, TODAY.minusDays(200)), TODAY)).isZero();
    assertThat(reasons(due(null, null, TODAY.minusDays(5)))).isEmpty();
  }

  @Test
  void a_running_deadline_governs_not_inactivity() {
    var longQuiet =
        new Facts(
            "TREATMENT_START",
            "TREATMENT_START",
            TODAY.plusDays(20),
            null,
            0,
            false,
            false,
            null,
            null,
            TODAY.minusDays(30),
            TODAY.minusDays(30));
    assertThat(reasons(longQuiet)).isEmpty();
  }

  @Test
  void a_pathway_waiting_for_an_evaluation_without_a_deadline_is_not_inactive() {
    assertThat(reasons(lastCoded("EVALUATION", TODAY.minusDays(60)))).isEmpty();
  }

  @Test
  void an_evaluation_due_needs_action_unless_planned_by_its_deadline() {
    var due = TODAY.plusDays(2);
    assertThat(reasons(evaluation(due, null))).containsExactly(Reason.EVALUATION_DUE);
    // planned on the due date: in hand
    assertThat(reasons(evaluation(due, due))).isEmpty();
    // planned the day after the due date: too late
    assertThat(reasons(evaluation(due, due.plusDays(1)))).containsExactly(Reason.EVALUATION_DUE);
    // overdue with a plan for today: in hand; with a plan that has passed: not
    assertThat(reasons(evaluation(TODAY.minusDays(1), TODAY.minusDays(1))))
        .containsExactly(Reason.EVALUATION_DUE);
    assertThat(reasons(evaluation(TODAY, TODAY))).isEmpty();
    // beyond the threshold: not yet
    assertThat(reasons(evaluation(TODAY.plusDays(4), null))).isEmpty();
    assertThat(reasons(evaluation(TODAY.plusDays(3), null))).containsExactly(Reason.EVALUATION_DUE);
  }

  private static Facts evaluation(LocalDate due, @Nullable LocalDate planned) {
    return new Facts(
        "EVALUATION", "EVALUATION", due, planned, 0, false, false, null, null, TODAY, TODAY);
  }

  @Test
  void proposals_disagreements_and_rule_breaks_need_action_even_when_complete() {
    var complete = new Facts(null, null, null, null, 2, true, true, null, null, TODAY, TODAY);
    assertThat(reasons(complete))
        .containsExactly(Reason.PROPOSALS, Reason.DISAGREEMENT, Reason.RULE_BREAK);
    assertThat(reasons(waiting())).isEmpty();
  }

  @Test
  void a_transfer_is_followed_up_for_the_units_inactivity_limit() {
    assertThat(reasons(transferredOut(TODAY.minusDays(14))))
        .containsExactly(Reason.TRANSFERRED_OUT);
    assertThat(reasons(transferredOut(TODAY.minusDays(15)))).isEmpty();
    assertThat(reasons(transferredIn(TODAY.minusDays(14)))).containsExactly(Reason.TRANSFERRED_IN);
    assertThat(reasons(transferredIn(TODAY.minusDays(15)))).isEmpty();
  }

  private static Facts transferredOut(LocalDate on) {
    return new Facts(null, null, null, null, 0, false, false, on, null, on, TODAY.minusDays(30));
  }

  private static Facts transferredIn(LocalDate on) {
    return new Facts(
        "FIRST_ATTENDANCE", "FIRST_ATTENDANCE", null, null, 0, false, false, null, on, TODAY, on);
  }

  private static java.util.List<Reason> reasons(Facts facts) {
    return NeedsAction.reasons(facts, TODAY, UNIT);
  }
}

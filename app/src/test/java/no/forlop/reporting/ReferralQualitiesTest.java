package no.forlop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import no.forlop.pathway.TrackedMilestone;
import org.junit.jupiter.api.Test;

/**
 * The referral-quality table's small numbers (ADR 0044): counts 1 and 2 suppressed, 3 shown; a
 * share hidden with a suppressed count it is made of (complete, incomplete or known), the days with
 * fewer than 3 receipts; and the referral read back from the milestones the derivation tracks.
 */
class ReferralQualitiesTest {

  private static ReferralQualities.Row row(
      long referrals, long complete, long known, long received) {
    return ReferralQualities.row(
        "colorectal", "974600951", null, referrals, complete, known, received, 3.0, 5.4, 3);
  }

  @Test
  void two_is_suppressed_and_three_is_shown() {
    var two = row(2, 2, 2, 2);
    var three = row(3, 3, 3, 3);

    assertThat(two.referrals().suppressed()).isTrue();
    assertThat(two.referrals().display(3)).isEqualTo("<3");
    assertThat(two.complete().suppressed()).isTrue();
    assertThat(two.sharePercent()).isNull();
    assertThat(two.medianDays()).isNull();
    assertThat(two.p90Days()).isNull();

    assertThat(three.referrals().display(3)).isEqualTo("3");
    assertThat(three.complete().display(3)).isEqualTo("3");
    assertThat(three.sharePercent()).isEqualTo(100);
    assertThat(three.medianDays()).isEqualTo(3.0);
    assertThat(three.p90Days()).isEqualTo(5.4);
  }

  @Test
  void one_is_suppressed_and_zero_is_shown() {
    var none = row(6, 0, 6, 0);
    var one = row(6, 1, 6, 1);

    assertThat(none.complete().display(3)).isEqualTo("0");
    assertThat(none.sharePercent()).as("0 of 6 complete").isZero();
    assertThat(none.medianDays()).as("no receipt: no days").isNull();
    assertThat(one.complete().display(3)).isEqualTo("<3");
    assertThat(one.sharePercent()).isNull();
    assertThat(one.medianDays()).isNull();
  }

  @Test
  void the_share_is_hidden_when_the_incomplete_would_be_suppressed() {
    assertThat(row(6, 4, 6, 6).sharePercent()).as("2 incomplete").isNull();
    assertThat(row(7, 4, 7, 6).sharePercent()).as("3 incomplete").isEqualTo(57);
  }

  @Test
  void the_unknown_are_the_referrals_without_known_completeness_and_suppressed_alike() {
    assertThat(row(7, 3, 6, 3).unknown().display(3)).isEqualTo("<3");
    assertThat(row(9, 3, 6, 3).unknown().display(3)).isEqualTo("3");
    assertThat(row(6, 3, 6, 3).unknown().display(3)).isEqualTo("0");
  }

  @Test
  void nothing_is_suppressed_below_a_threshold_of_zero() {
    var row = ReferralQualities.row("colorectal", "974600951", null, 1, 1, 1, 1, 2.0, 2.0, 0);

    assertThat(row.referrals().display(0)).isEqualTo("1");
    assertThat(row.sharePercent()).isEqualTo(100);
    assertThat(row.medianDays()).isEqualTo(2.0);
  }

  @Test
  void the_starting_referral_is_read_from_the_tracked_milestones() {
    var day = LocalDate.parse("2024-12-20");
    var referral =
        StartingReferral.of(
            List.of(
                new TrackedMilestone("BIOPSY", day, "BIOPSY-TAKEN", List.of("Procedure/p1")),
                new TrackedMilestone(
                    TrackedMilestone.REFERRAL_WRITTEN,
                    day,
                    "START-REFERRAL-RECEIVED",
                    List.of("ServiceRequest/s1"),
                    "974600951 Fjordby legesenter"),
                new TrackedMilestone(
                    TrackedMilestone.REFERRAL_RECEIVED,
                    day.plusDays(2),
                    "START-REFERRAL-RECEIVED",
                    List.of("Task/t1")),
                new TrackedMilestone(
                    TrackedMilestone.REFERRAL_CONTENT_INCOMPLETE,
                    day,
                    "START-REFERRAL-RECEIVED",
                    List.of("QuestionnaireResponse/q1"),
                    "1/2")));

    assertThat(referral)
        .isEqualTo(
            new StartingReferral(
                "974600951", "Fjordby legesenter", day, day.plusDays(2), "INCOMPLETE"));
    assertThat(StartingReferral.of(List.of()).requester()).isNull();
  }
}

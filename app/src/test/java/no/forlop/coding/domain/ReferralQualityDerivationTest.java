package no.forlop.coding.domain;

import static no.forlop.coding.domain.DerivationTest.DERIVATION;
import static no.forlop.coding.domain.Facts.HF1;
import static no.forlop.coding.domain.Facts.HF2;
import static no.forlop.coding.domain.Facts.aPatient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The referral that started a pathway from another organisation, tracked for the hospital's
 * referral quality (ADR 0044): written by whom and when, received when, and its required content
 * complete, incomplete or unknown by the GP's answers.
 */
class ReferralQualityDerivationTest {

  private static final String PRACTICE = "Organization/gp1";

  private static Facts fromPractice() {
    return aPatient()
        .organisation(PRACTICE, "974600951")
        .referral("sr1", "A12A", "2024-03-01", PRACTICE, HF1);
  }

  private static List<String> tracked(Facts facts) {
    var result = DERIVATION.derive(facts.build());
    assertThat(result.instances()).hasSize(1);
    return result.instances().get(0).milestones().stream()
        .map(m -> m.type() + " " + m.date() + (m.detail() == null ? "" : " " + m.detail()))
        .toList();
  }

  @Test
  void a_referral_from_a_practice_is_tracked_as_written_and_received() {
    assertThat(tracked(fromPractice().task("t1", "sr1", "received", "2024-03-04", HF1)))
        .containsExactly("REFERRAL_WRITTEN 2024-03-01 974600951", "REFERRAL_RECEIVED 2024-03-04");
  }

  @Test
  void without_a_receipt_only_the_writing_is_tracked() {
    assertThat(tracked(fromPractice())).containsExactly("REFERRAL_WRITTEN 2024-03-01 974600951");
  }

  @Test
  void every_item_confirmed_is_complete_and_one_missing_is_incomplete() {
    assertThat(
            tracked(fromPractice().referralResponse("q1", "sr1", "completed", "2024-03-01", 3, 3)))
        .contains("REFERRAL_CONTENT_COMPLETE 2024-03-01 3/3");
    assertThat(
            tracked(fromPractice().referralResponse("q1", "sr1", "completed", "2024-03-01", 3, 2)))
        .contains("REFERRAL_CONTENT_INCOMPLETE 2024-03-01 2/3");
  }

  @Test
  void answers_that_list_no_required_content_or_are_not_final_leave_it_unknown() {
    assertThat(
            tracked(fromPractice().referralResponse("q1", "sr1", "completed", "2024-03-01", 0, 0)))
        .containsExactly("REFERRAL_WRITTEN 2024-03-01 974600951");
    assertThat(
            tracked(
                fromPractice().referralResponse("q1", "sr1", "in-progress", "2024-03-01", 3, 3)))
        .containsExactly("REFERRAL_WRITTEN 2024-03-01 974600951");
  }

  @Test
  void answers_to_another_referral_do_not_count() {
    assertThat(
            tracked(fromPractice().referralResponse("q1", "sr9", "completed", "2024-03-01", 3, 3)))
        .containsExactly("REFERRAL_WRITTEN 2024-03-01 974600951");
  }

  @Test
  void a_referral_without_a_requester_or_from_the_hospital_itself_is_not_tracked() {
    assertThat(tracked(aPatient().referral("sr1", "A12A", "2024-03-01", null, HF1))).isEmpty();
    assertThat(tracked(aPatient().referral("sr1", "A12A", "2024-03-01", HF1, HF1))).isEmpty();
  }

  @Test
  void a_referral_from_another_trust_is_tracked_with_its_organisation_number() {
    assertThat(tracked(aPatient().referral("sr1", "A12A", "2024-03-01", HF2, HF1)))
        .filteredOn(m -> m.startsWith("REFERRAL_WRITTEN"))
        .containsExactly("REFERRAL_WRITTEN 2024-03-01 910000020");
  }
}

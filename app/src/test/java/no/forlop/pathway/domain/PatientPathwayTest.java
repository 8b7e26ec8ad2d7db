package no.forlop.pathway.domain;

import static no.forlop.pathway.domain.PathwayFixture.aPathway;
import static no.forlop.pathway.domain.PathwayFixture.date;
import static no.forlop.pathway.domain.PathwayFixture.factOf;
import static no.forlop.pathway.domain.PathwayFixture.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.Rejection.Reason;
import no.forlop.pathway.Remark;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Corrections, withdrawals and proposals are new facts; the history keeps everything. */
class PatientPathwayTest {

  /** A treating trust's instance whose treatment rests on the sender's decision. */
  @Nested
  class TransferForTreatment {

    @Test
    void treatment_on_or_after_the_senders_decision_is_registered_without_a_decision_here() {
      var p = aPathway("colorectal").decidedAtSender("2024-03-20").with("A12A 2024-03-25");
      assertThat(p.state()).isEqualTo(PathwayState.DECIDED);

      factOf(p.register("A12FK", "2024-04-10"));

      assertThat(p.state()).isEqualTo(PathwayState.IN_TREATMENT);
    }

    @Test
    void treatment_before_the_senders_decision_still_needs_a_decision() {
      var p = aPathway("colorectal").decidedAtSender("2024-03-20").with("A12A 2024-03-04");

      assertThat(reasonOf(p.register("A12FK", "2024-03-19"))).isEqualTo(Reason.DECISION_MISSING);
    }

    @Test
    void without_a_decision_at_the_sender_treatment_needs_one_here() {
      var p = aPathway("colorectal").with("A12A 2024-03-25");

      assertThat(reasonOf(p.register("A12FK", "2024-04-10"))).isEqualTo(Reason.DECISION_MISSING);
      assertThat(p.state()).isEqualTo(PathwayState.AWAITING_FIRST_ATTENDANCE);
    }

    @Test
    void the_intervals_to_and_from_the_decision_are_not_judged_again_here() {
      var p = aPathway("colorectal").decidedAtSender("2024-03-20").with("A12A 2024-03-25");
      p.register("A12FK", "2024-04-10");

      var indicators = p.leadTimes("2024-06-30").stream().map(l -> l.indicator()).toList();

      // OF4 (start to treatment) is this trust's; OF2 and OF3 end or start at the decision
      // taken at the sender; OF1 can no longer end here, as treatment has started
      assertThat(indicators).containsExactly("OF4");
      assertThat(p.leadTime("OF4", "2024-06-30").status()).isEqualTo(LeadTime.Status.MET);
    }

    @Test
    void an_instance_with_its_own_decision_is_judged_on_it() {
      var p =
          aPathway("colorectal")
              .decidedAtSender("2024-03-01")
              .with("A12A 2024-03-04", "A12S 2024-03-06", "A12CK 2024-03-20");

      assertThat(p.leadTimes("2024-06-30").stream().map(l -> l.indicator()))
          .contains("OF1", "OF2", "OF3", "OF4");
    }
  }

  @Nested
  class Corrections {

    @Test
    void a_correction_changes_the_date_and_keeps_the_original_in_the_history() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-12");
      var s = p.registration("A12S");

      var fact =
          factOf(
              p.pathway.correct(
                  s.id(),
                  null,
                  date("2024-03-11"),
                  Remark.written("Wrong day typed"),
                  p.rules,
                  p.context()));

      assertThat(fact.kind()).isEqualTo(CodeFact.Kind.CORRECTED);
      assertThat(p.registration("A12S").date()).isEqualTo(date("2024-03-11"));
      assertThat(p.registration("A12S").corrected()).isTrue();
      assertThat(p.pathway.history())
          .extracting(CodeFact::kind)
          .containsExactly(
              CodeFact.Kind.REGISTERED, CodeFact.Kind.REGISTERED, CodeFact.Kind.CORRECTED);
      assertThat(p.pathway.history().get(1).date()).isEqualTo(date("2024-03-12"));
      assertThat(fact.reason()).isEqualTo(Remark.written("Wrong day typed"));
      assertThat(fact.actor()).isEqualTo("coordinator");
    }

    @Test
    void a_correction_may_change_the_code() {
      var p = aPathway("colorectal").with("A12A 2024-01-08", "A12S 2024-01-12", "A12CA 2024-01-22");
      var decision = p.registration("A12CA");

      factOf(
          p.pathway.correct(
              decision.id(),
              p.rules.resolve("CI").orElseThrow(),
              null,
              Remark.written("Benign histology: no disease"),
              p.rules,
              p.context()));

      assertThat(p.registration("A12CI").id()).isEqualTo(decision.id());
      assertThat(p.registration("A12CI").code().official()).isEqualTo("A12CI");
    }

    @Test
    void a_correction_that_breaks_the_order_is_refused_and_nothing_is_recorded() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-11");
      var s = p.registration("A12S");

      var outcome =
          p.pathway.correct(
              s.id(), null, date("2024-03-01"), Remark.written("typo"), p.rules, p.context());

      assertThat(reasonOf(outcome)).isEqualTo(Reason.BEFORE_START);
      assertThat(p.pathway.history()).hasSize(2);
      assertThat(p.registration("A12S").date()).isEqualTo(date("2024-03-11"));
    }

    @Test
    void a_correction_needs_a_reason() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      var a = p.registration("A12A");
      assertThat(
              reasonOf(
                  p.pathway.correct(
                      a.id(), null, date("2024-03-05"), Remark.written(" "), p.rules, p.context())))
          .isEqualTo(Reason.REASON_REQUIRED);
    }

    @Test
    void a_correction_that_changes_nothing_is_refused() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      var a = p.registration("A12A");
      assertThat(
              reasonOf(
                  p.pathway.correct(
                      a.id(),
                      null,
                      date("2024-03-04"),
                      Remark.written("same"),
                      p.rules,
                      p.context())))
          .isEqualTo(Reason.NOTHING_TO_CORRECT);
    }

    @Test
    void an_unknown_registration_cannot_be_corrected() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      assertThat(
              reasonOf(
                  p.pathway.correct(
                      UUID.randomUUID(),
                      null,
                      date("2024-03-05"),
                      Remark.written("x"),
                      p.rules,
                      p.context())))
          .isEqualTo(Reason.NO_SUCH_REGISTRATION);
    }
  }

  @Nested
  class Withdrawals {

    @Test
    void a_withdrawn_code_no_longer_counts_but_stays_in_the_history() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-11");
      var s = p.registration("A12S");

      factOf(
          p.pathway.withdraw(
              s.id(), Remark.written("Registered on the wrong patient"), p.rules, p.context()));

      assertThat(p.state()).isEqualTo(PathwayState.AWAITING_FIRST_ATTENDANCE);
      assertThat(p.pathway.registration(s.id()).orElseThrow().status())
          .isEqualTo(Registration.Status.WITHDRAWN);
      assertThat(p.pathway.history()).hasSize(3);
    }

    @Test
    void the_start_cannot_be_withdrawn_while_later_codes_depend_on_it() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-11");
      var a = p.registration("A12A");
      assertThat(
              reasonOf(p.pathway.withdraw(a.id(), Remark.written("mistake"), p.rules, p.context())))
          .isEqualTo(Reason.START_MISSING);
    }

    @Test
    void a_withdrawal_needs_a_reason() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      assertThat(
              reasonOf(p.pathway.withdraw(p.registration("A12A").id(), null, p.rules, p.context())))
          .isEqualTo(Reason.REASON_REQUIRED);
    }

    @Test
    void a_code_cannot_be_withdrawn_twice() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      var a = p.registration("A12A");
      factOf(p.pathway.withdraw(a.id(), Remark.written("mistake"), p.rules, p.context()));
      assertThat(
              reasonOf(p.pathway.withdraw(a.id(), Remark.written("again"), p.rules, p.context())))
          .isEqualTo(Reason.ALREADY_WITHDRAWN);
    }

    @Test
    void after_a_withdrawal_the_milestone_can_be_registered_again() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-11");
      factOf(
          p.pathway.withdraw(
              p.registration("A12S").id(), Remark.written("in error"), p.rules, p.context()));
      factOf(p.register("A12S", "2024-03-13"));
      assertThat(p.registration("A12S").date()).isEqualTo(date("2024-03-13"));
    }
  }

  @Nested
  class Proposals {

    @Test
    void a_proposal_does_not_count_until_it_is_confirmed() {
      var p = aPathway("thyroid");
      factOf(p.register("A37A", "2024-11-05", CodeState.PROPOSED));
      assertThat(p.state()).isEqualTo(PathwayState.AWAITING_START);

      factOf(p.pathway.confirm(p.registration("A37A").id(), p.rules, p.context()));

      assertThat(p.state()).isEqualTo(PathwayState.AWAITING_FIRST_ATTENDANCE);
      assertThat(p.registration("A37A").state()).isEqualTo(CodeState.REGISTERED);
    }

    @Test
    void a_proposal_that_breaks_the_order_is_kept_but_cannot_be_confirmed() {
      var p = aPathway("thyroid");
      factOf(p.register("A37S", "2024-11-06", CodeState.PROPOSED));

      var outcome = p.pathway.confirm(p.registration("A37S").id(), p.rules, p.context());

      assertThat(reasonOf(outcome)).isEqualTo(Reason.START_MISSING);
      assertThat(p.registration("A37S").isProposed()).isTrue();
    }

    @Test
    void a_rejected_proposal_no_longer_stands() {
      var p = aPathway("thyroid");
      factOf(p.register("A37A", "2024-11-05", CodeState.PROPOSED));
      var id = p.registration("A37A").id();

      factOf(p.pathway.reject(id, Remark.written("Not a pathway referral"), p.context()));

      assertThat(p.pathway.registration(id).orElseThrow().status())
          .isEqualTo(Registration.Status.REJECTED);
    }

    @Test
    void a_rejection_needs_a_reason() {
      var p = aPathway("thyroid");
      factOf(p.register("A37A", "2024-11-05", CodeState.PROPOSED));
      assertThat(
              reasonOf(
                  p.pathway.reject(p.registration("A37A").id(), Remark.written(""), p.context())))
          .isEqualTo(Reason.REASON_REQUIRED);
    }

    @Test
    void a_proposal_in_a_pathway_without_a_known_prefix_cannot_be_confirmed_as_if_complete() {
      var p = aPathway("breast");
      factOf(p.register("A", "2024-11-05", CodeState.PROPOSED));
      var id = p.registration("A").id();
      assertThat(p.registration("A").code().official()).isNull();

      var refused = p.pathway.confirmRefused(id, p.rules);
      var outcome = p.pathway.confirm(id, p.rules, p.context());

      assertThat(refused).isNotNull();
      assertThat(refused.reason()).isEqualTo(Reason.CODE_PREFIX_UNKNOWN);
      assertThat(refused.args()).containsExactly("A", "2024-11-05", "Pakkeforløp for brystkreft");
      assertThat(reasonOf(outcome)).isEqualTo(Reason.CODE_PREFIX_UNKNOWN);
      assertThat(p.registration("A").isProposed()).isTrue();
      assertThat(p.state()).isEqualTo(PathwayState.AWAITING_START);
    }

    @Test
    void the_same_proposal_with_a_known_prefix_can_be_confirmed() {
      var p = aPathway("colorectal");
      factOf(p.register("A12A", "2024-11-05", CodeState.PROPOSED));
      var id = p.registration("A12A").id();

      assertThat(p.pathway.confirmRefused(id, p.rules)).isNull();
      factOf(p.pathway.confirm(id, p.rules, p.context()));
      assertThat(p.registration("A12A").state()).isEqualTo(CodeState.REGISTERED);
    }

    @Test
    void a_registered_code_is_not_a_proposal() {
      var p = aPathway("thyroid").with("A37A 2024-11-05");
      assertThat(reasonOf(p.pathway.confirm(p.registration("A37A").id(), p.rules, p.context())))
          .isEqualTo(Reason.NOT_A_PROPOSAL);
    }
  }

  @Test
  void the_history_can_be_replayed_into_the_same_codes() {
    var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-12", "A12CK 2024-03-20");
    factOf(
        p.pathway.correct(
            p.registration("A12S").id(),
            null,
            date("2024-03-11"),
            Remark.written("typo"),
            p.rules,
            p.context()));

    var replayed = new PatientPathway(p.pathway.header(), p.pathway.history());

    assertThat(replayed.registrations()).isEqualTo(p.pathway.registrations());
    assertThat(replayed.state(p.rules)).isEqualTo(PathwayState.DECIDED);
    assertThat(replayed.pending()).isEmpty();
  }

  @Test
  void every_fact_records_the_catalogue_version_it_was_checked_against() {
    var p = aPathway("colorectal").with("A12A 2024-03-04");
    assertThat(p.pathway.history())
        .allSatisfy(
            f -> assertThat(f.catalogueVersion()).isEqualTo(PathwayFixture.CATALOGUE.version()));
  }
}

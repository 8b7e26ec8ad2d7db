package no.forlop.pathway.domain;

import static no.forlop.pathway.domain.PathwayFixture.CATALOGUE;
import static no.forlop.pathway.domain.PathwayFixture.aPathway;
import static no.forlop.pathway.domain.PathwayFixture.date;
import static no.forlop.pathway.domain.PathwayFixture.factOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.forlop.catalog.Milestone;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.Origin;
import no.forlop.pathway.Rejection.Reason;
import no.forlop.pathway.Remark;
import no.forlop.pathway.domain.Reconciliation.Outcome;
import no.forlop.pathway.domain.Reconciliation.Wanted;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The policy between the derivation and the people who code: a person's code wins, a differing
 * derivation stays a proposal, a derived code a person withdrew is not derived again, and what the
 * coding rules refuse comes back as a value. Colorectal cancer (A12); today is 2024-12-31; the
 * fixture's own changes are a coordinator's.
 */
class ReconciliationTest {

  static final String DERIVATION = "system:derivation";

  static PatientPathway.Context derivation() {
    return new PatientPathway.Context(
        PathwayFixture.TODAY,
        DERIVATION,
        Instant.parse("2024-12-31T10:00:00Z"),
        CATALOGUE.version());
  }

  /** A registered derived code: "A 2024-03-04" (key, date). */
  static Wanted registered(String keyAndDate) {
    return wanted(keyAndDate, CodeState.REGISTERED, null);
  }

  static Wanted proposed(String keyAndDate, String note) {
    return wanted(keyAndDate, CodeState.PROPOSED, Remark.written(note));
  }

  private static Wanted wanted(String keyAndDate, CodeState state, @Nullable Remark note) {
    var parts = keyAndDate.split(" ");
    var key = parts[0];
    var milestone =
        switch (key.substring(0, 1)) {
          case "A" -> Milestone.PATHWAY_START;
          case "S" -> Milestone.FIRST_ATTENDANCE;
          case "C" -> Milestone.CLINICAL_DECISION;
          case "F" -> Milestone.TREATMENT_START;
          default -> throw new IllegalArgumentException(key);
        };
    return new Wanted(
        key,
        milestone,
        date(parts[1]),
        state,
        Origin.derived("RULE-" + key, "2024.1", List.of("Encounter/" + key), Map.of()),
        null,
        note);
  }

  static List<Outcome> reconcile(PathwayFixture p, Wanted... wanted) {
    return Reconciliation.reconcile(p.pathway, Arrays.asList(wanted), p.rules, derivation());
  }

  /** The active codes as "A12S 2024-03-12 REGISTERED DERIVED", in the order first recorded. */
  static List<String> codes(PathwayFixture p) {
    return p.pathway.registrations().stream()
        .filter(r -> r.status() == Registration.Status.ACTIVE)
        .map(r -> r.code().display() + " " + r.date() + " " + r.state() + " " + r.origin().kind())
        .toList();
  }

  static <T extends Outcome> T only(List<Outcome> outcomes, Class<T> type) {
    assertThat(outcomes).hasSize(1).first().isInstanceOf(type);
    return type.cast(outcomes.get(0));
  }

  @Nested
  class WithoutAPerson {

    @Test
    void the_first_derivation_registers_every_code_with_its_trace() {
      var p = aPathway("colorectal");

      var outcomes = reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-12"));

      assertThat(outcomes).hasSize(2).allMatch(o -> o instanceof Outcome.Registered);
      assertThat(codes(p))
          .containsExactly(
              "A12A 2024-03-04 REGISTERED DERIVED", "A12S 2024-03-12 REGISTERED DERIVED");
      var fact = ((Outcome.Registered) outcomes.get(1)).fact();
      assertThat(fact.actor()).isEqualTo(DERIVATION);
      assertThat(fact.origin().ruleId()).isEqualTo("RULE-S");
      assertThat(fact.origin().sources()).containsExactly("Encounter/S");
    }

    @Test
    void the_same_codes_again_change_nothing() {
      var p = aPathway("colorectal");
      reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-12"));

      var outcomes = reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-12"));

      assertThat(outcomes).isEmpty();
      assertThat(p.pathway.history()).hasSize(2);
    }

    @Test
    void a_derived_code_whose_events_changed_is_corrected() {
      var p = aPathway("colorectal");
      reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-12"));

      var corrected =
          only(
              reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-11")),
              Outcome.Corrected.class);

      assertThat(corrected.fact().kind()).isEqualTo(CodeFact.Kind.CORRECTED);
      assertThat(corrected.fact().reason().english())
          .isEqualTo("The EHR events changed (Encounter/S)");
      assertThat(codes(p)).contains("A12S 2024-03-11 REGISTERED DERIVED");
    }

    @Test
    void a_derived_proposal_becomes_registered_when_the_events_now_register_it() {
      var p = aPathway("colorectal");
      reconcile(p, proposed("A 2024-03-04", "No pathway code on the referral"));
      assertThat(codes(p)).containsExactly("A12A 2024-03-04 PROPOSED DERIVED");

      only(reconcile(p, registered("A 2024-03-04")), Outcome.Confirmed.class);

      assertThat(codes(p)).containsExactly("A12A 2024-03-04 REGISTERED DERIVED");
    }

    @Test
    void a_derived_proposal_is_replaced_by_a_differing_registered_code() {
      var p = aPathway("colorectal");
      reconcile(
          p,
          registered("A 2024-03-04"),
          registered("S 2024-03-12"),
          proposed("CA 2024-03-20", "From the diagnosis"));

      var outcomes =
          reconcile(
              p,
              registered("A 2024-03-04"),
              registered("S 2024-03-12"),
              registered("CK 2024-03-20"));

      assertThat(outcomes).hasSize(2);
      var withdrawn = (Outcome.Withdrawn) outcomes.get(0);
      assertThat(withdrawn.fact().reason().english())
          .isEqualTo("Replaced: the EHR events now give CK 2024-03-20");
      assertThat(outcomes.get(1)).isInstanceOf(Outcome.Registered.class);
      assertThat(codes(p)).contains("A12CK 2024-03-20 REGISTERED DERIVED").hasSize(3);
    }

    @Test
    void stale_derived_codes_are_withdrawn_latest_first_so_the_order_holds_at_every_step() {
      var p = aPathway("colorectal");
      reconcile(
          p, registered("A 2024-03-04"), registered("S 2024-03-12"), registered("CK 2024-03-20"));

      var outcomes = reconcile(p, registered("A 2024-03-04"));

      assertThat(outcomes)
          .map(o -> ((Outcome.Withdrawn) o).fact())
          .map(f -> p.pathway.registration(f.registration()).orElseThrow().code().display())
          .containsExactly("A12CK", "A12S");
      assertThat(((Outcome.Withdrawn) outcomes.get(0)).fact().reason().english())
          .isEqualTo("The EHR events behind this code no longer support it");
      assertThat(codes(p)).containsExactly("A12A 2024-03-04 REGISTERED DERIVED");
    }

    @Test
    void a_stale_code_whose_withdrawal_would_break_the_order_stays_and_the_refusal_is_a_value() {
      var p = aPathway("colorectal");
      reconcile(p, registered("A 2024-03-04"));
      p.with("A12S 2024-03-12");

      var outcomes = reconcile(p);

      assertThat(outcomes).hasSize(1).first().isInstanceOf(Outcome.NotWithdrawn.class);
      assertThat(((Outcome.NotWithdrawn) outcomes.get(0)).why().reason())
          .as("the person's attendance needs the start: the withdrawal is refused, as a value")
          .isEqualTo(Reason.START_MISSING);
      assertThat(codes(p))
          .containsExactly(
              "A12A 2024-03-04 REGISTERED DERIVED", "A12S 2024-03-12 REGISTERED MANUAL");
    }
  }

  @Nested
  class APersonWins {

    @Test
    void a_differing_derivation_stays_a_proposal_with_a_note_naming_the_persons_code() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-12");

      var registered =
          only(
                  reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-13")),
                  Outcome.Registered.class)
              .fact();

      // the start: the person's and the derivation's agree, so nothing is derived for it
      assertThat(registered.state()).isEqualTo(CodeState.PROPOSED);
      assertThat(registered.date()).isEqualTo(date("2024-03-13"));
      assertThat(registered.reason().english())
          .isEqualTo("Differs from the code a person registered: A12S 2024-03-12");
      assertThat(codes(p))
          .containsExactly(
              "A12A 2024-03-04 REGISTERED MANUAL",
              "A12S 2024-03-12 REGISTERED MANUAL",
              "A12S 2024-03-13 PROPOSED DERIVED");
    }

    @Test
    void a_derived_code_the_person_corrected_is_theirs_and_the_derivation_is_proposed() {
      var p = aPathway("colorectal");
      reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-12"));
      factOf(
          p.pathway.correct(
              p.registration("A12S").id(),
              null,
              date("2024-03-11"),
              Remark.written("The attendance was on Monday"),
              p.rules,
              p.context()));

      var outcomes = reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-12"));

      assertThat(only(outcomes, Outcome.Registered.class).fact().state())
          .isEqualTo(CodeState.PROPOSED);
      assertThat(codes(p))
          .contains("A12S 2024-03-11 REGISTERED DERIVED", "A12S 2024-03-12 PROPOSED DERIVED");
    }

    @Test
    void when_a_person_registers_the_same_code_the_derived_one_is_withdrawn() {
      var p = aPathway("colorectal");
      reconcile(p, proposed("A 2024-03-04", "No pathway code on the referral"));
      p.with("A12A 2024-03-04");

      var withdrawn =
          only(
              reconcile(p, proposed("A 2024-03-04", "No pathway code on the referral")),
              Outcome.Withdrawn.class);

      assertThat(withdrawn.fact().reason().english())
          .isEqualTo("A person registered the same code");
      assertThat(codes(p)).containsExactly("A12A 2024-03-04 REGISTERED MANUAL");
    }

    @Test
    void a_derived_code_a_person_withdrew_is_not_derived_again() {
      var p = aPathway("colorectal");
      reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-12"));
      factOf(
          p.pathway.withdraw(
              p.registration("A12S").id(),
              Remark.written("Not a real attendance"),
              p.rules,
              p.context()));

      var outcomes = reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-12"));

      assertThat(outcomes).isEmpty();
      assertThat(codes(p)).containsExactly("A12A 2024-03-04 REGISTERED DERIVED");
    }

    @Test
    void a_derived_proposal_a_person_rejected_is_not_proposed_again() {
      var p = aPathway("colorectal");
      reconcile(p, proposed("A 2024-03-04", "No pathway code on the referral"));
      factOf(
          p.pathway.reject(p.registration("A12A").id(), Remark.written("Not cancer"), p.context()));

      assertThat(reconcile(p, proposed("A 2024-03-04", "No pathway code on the referral")))
          .isEmpty();
      assertThat(codes(p)).isEmpty();
    }

    @Test
    void but_a_different_date_for_a_withdrawn_code_is_derived() {
      var p = aPathway("colorectal");
      reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-12"));
      factOf(
          p.pathway.withdraw(
              p.registration("A12S").id(),
              Remark.written("Not a real attendance"),
              p.rules,
              p.context()));

      var outcomes = reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-19"));

      assertThat(only(outcomes, Outcome.Registered.class).fact().date())
          .isEqualTo(date("2024-03-19"));
    }
  }

  @Nested
  class RefusedByTheCodingRules {

    @Test
    void a_refused_registered_code_becomes_a_proposal_with_the_reason() {
      var p = aPathway("colorectal");

      var outcomes = reconcile(p, registered("S 2024-03-12"));

      var proposed = only(outcomes, Outcome.ProposedInstead.class);
      assertThat(proposed.why().reason()).isEqualTo(Reason.START_MISSING);
      assertThat(proposed.fact().state()).isEqualTo(CodeState.PROPOSED);
      assertThat(proposed.fact().reason()).isEqualTo(Remark.of(proposed.why()));
      assertThat(proposed.fact().reason().english()).isEqualTo(proposed.why().englishText());
      assertThat(codes(p)).containsExactly("A12S 2024-03-12 PROPOSED DERIVED");
    }

    @Test
    void a_correction_the_rules_refuse_withdraws_the_code_and_proposes_the_new_one() {
      var p = aPathway("colorectal");
      reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-12"));

      // the attendance moves before the start
      var outcomes = reconcile(p, registered("A 2024-03-04"), registered("S 2024-03-01"));

      assertThat(outcomes).hasSize(2);
      assertThat(((Outcome.Withdrawn) outcomes.get(0)).fact().reason().english())
          .isEqualTo("The EHR events changed; the new code is proposed");
      assertThat(((Outcome.ProposedInstead) outcomes.get(1)).why().reason())
          .isEqualTo(Reason.BEFORE_START);
      assertThat(codes(p))
          .containsExactly(
              "A12A 2024-03-04 REGISTERED DERIVED", "A12S 2024-03-01 PROPOSED DERIVED");
    }

    @Test
    void a_code_refused_even_as_a_proposal_is_not_derivable_and_nothing_is_recorded() {
      var p = aPathway("colorectal");
      var future = registered("A 2025-01-02");

      var refused = only(reconcile(p, future), Outcome.NotDerivable.class);

      assertThat(refused.code()).isSameAs(future);
      assertThat(refused.why().reason()).isEqualTo(Reason.DATE_IN_FUTURE);
      assertThat(p.pathway.history()).isEmpty();
    }

    @Test
    void a_key_the_pathway_does_not_know_is_not_derivable() {
      var p = aPathway("colorectal");

      var refused = only(reconcile(p, proposed("CX 2024-03-04", "?")), Outcome.NotDerivable.class);

      assertThat(refused.why().reason()).isEqualTo(Reason.UNKNOWN_CODE);
      assertThat(refused.why().args()).first().isEqualTo("CX");
    }
  }
}

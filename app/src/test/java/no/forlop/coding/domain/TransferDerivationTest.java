package no.forlop.coding.domain;

import static no.forlop.coding.domain.Facts.HF1;
import static no.forlop.coding.domain.Facts.HF2;
import static no.forlop.coding.domain.Facts.aPatient;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.forlop.catalog.Milestone;
import no.forlop.coding.RuleSetLoader;
import no.forlop.pathway.CodeState;
import no.forlop.terminology.domain.Concept;
import no.forlop.terminology.domain.ConceptMapping;
import no.forlop.terminology.domain.Terminology;
import org.junit.jupiter.api.Test;

/**
 * {@code TRANSFER-SENT}: O only when the responsibility for the patient moves. A referral to
 * another trust only for a particular examination or for advice (its category or code means
 * EXAMINATION_ONLY or ADVICE_ONLY) gives no O at the sender and no instance at the receiver, and is
 * listed with why; through an unverified mapping the O is only proposed.
 */
class TransferDerivationTest {

  static final String SENDER = "910000012";
  static final String RECEIVER = "910000020";
  static final String SNOMED = "http://snomed.info/sct";
  static final String IMAGING = "363679005";
  static final String CONSULTATION = "11429006";
  static final String LOCAL = "https://ehr.fjordby.example/codes/referral-kind";

  /** Colorectal work-up at HF1: received 1 Feb, first attended 6 Feb. */
  static Facts inWorkUpAtTheSender() {
    return aPatient()
        .referral("sr1", "A12A", "2024-01-30", null, HF1)
        .task("t1", "sr1", "received", "2024-02-01", HF1)
        .encounter("e1", "finished", "AMB", HF1, "2024-02-06");
  }

  static DerivationResult derive(Terminology terminology, Facts facts) {
    return new Derivation(DerivationTest.CATALOGUE, RuleSetLoader.bundled(), terminology)
        .derive(facts.build());
  }

  static DerivationResult derive(Facts facts) {
    return derive(DerivationTest.TERMINOLOGY, facts);
  }

  static List<String> codes(DerivationResult result, String organisation) {
    return result.instances().stream()
        .filter(i -> i.organisation().equals(organisation))
        .flatMap(i -> i.codes().stream())
        .map(c -> c.key() + " " + c.date())
        .toList();
  }

  static DerivationResult.Code transfer(DerivationResult result) {
    return result.instances().stream()
        .flatMap(i -> i.codes().stream())
        .filter(c -> c.milestone() == Milestone.TRANSFERRED)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void a_referral_to_another_trust_for_further_work_up_is_a_transfer_dated_the_day_it_was_sent() {
    // given: HF1 refers on 12 Feb, HF2 receives it on 13 Feb
    var facts =
        inWorkUpAtTheSender()
            .referral("sr2", "A12", "2024-02-12", HF1, HF2)
            .task("t2", "sr2", "received", "2024-02-13", HF2);
    // when
    var result = derive(facts);
    // then
    assertThat(codes(result, SENDER))
        .containsExactly("A 2024-02-01", "S 2024-02-06", "O 2024-02-12");
    assertThat(transfer(result).state()).isEqualTo(CodeState.REGISTERED);
    assertThat(codes(result, RECEIVER)).containsExactly("A 2024-02-13");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void the_receivers_instance_names_the_senders_instance_and_the_day_it_was_sent() {
    // given: HF1 refers on 12 Feb, HF2 receives it on 13 Feb
    var facts =
        inWorkUpAtTheSender()
            .referral("sr2", "A12", "2024-02-12", HF1, HF2)
            .task("t2", "sr2", "received", "2024-02-13", HF2);
    // when
    var result = derive(facts);
    // then: the receiver's instance links back (ADR 0021); the sender's links nowhere
    var byOrganisation =
        result.instances().stream()
            .collect(
                java.util.stream.Collectors.toMap(DerivationResult.Instance::organisation, i -> i));
    assertThat(byOrganisation.get(RECEIVER).transferredFrom())
        .isEqualTo(
            new DerivationResult.Transfer(
                SENDER,
                java.time.LocalDate.parse("2024-02-01"),
                java.time.LocalDate.parse("2024-02-12")));
    assertThat(byOrganisation.get(SENDER).transferredFrom()).isNull();
  }

  @Test
  void a_referral_to_another_trust_only_for_imaging_is_no_transfer_and_starts_nothing_there() {
    // given: the same referral, but in the category Imaging
    var facts =
        inWorkUpAtTheSender()
            .referralInCategory("sr2", "A12", SNOMED, IMAGING, "2024-02-12", HF1, HF2)
            .task("t2", "sr2", "received", "2024-02-13", HF2);
    // when
    var result = derive(facts);
    // then: the sender keeps the patient, the receiver has no pathway, and the referral is listed
    assertThat(result.instances()).hasSize(1);
    assertThat(codes(result, SENDER)).containsExactly("A 2024-02-01", "S 2024-02-06");
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.source()).isEqualTo("ServiceRequest/sr2");
              assertThat(p.code()).isEqualTo(ProblemCode.REFERRAL_FOR_EXAMINATION_OR_ADVICE);
              assertThat(p.code().ignored()).isTrue();
              assertThat(p.args()).contains("EXAMINATION_ONLY");
            });
  }

  @Test
  void
      an_imaging_referral_from_a_trust_not_in_the_pathway_still_starts_the_pathway_at_the_receiver() {
    // given: HF1 has no pathway of its own; its referral for imaging carries the pathway code
    var facts =
        aPatient()
            .referralInCategory("sr2", "A12A", SNOMED, IMAGING, "2024-02-12", HF1, HF2)
            .task("t2", "sr2", "received", "2024-02-13", HF2);
    // when
    var result = derive(facts);
    // then
    assertThat(codes(result, RECEIVER)).containsExactly("A 2024-02-13");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void a_referral_whose_advice_code_is_mapped_only_unverified_gives_a_proposed_transfer() {
    // given: Consultation, which means ADVICE_ONLY only through an unverified default mapping
    var facts =
        inWorkUpAtTheSender()
            .referralInCategory("sr2", "A12", SNOMED, CONSULTATION, "2024-02-12", HF1, HF2)
            .task("t2", "sr2", "received", "2024-02-13", HF2);
    // when
    var result = derive(facts);
    // then: O is proposed for the coordinator, with why; the receiver starts as after a transfer
    var o = transfer(result);
    assertThat(o.date()).hasToString("2024-02-12");
    assertThat(o.state()).isEqualTo(CodeState.PROPOSED);
    assertThat(o.note()).isNotNull();
    assertThat(o.note().key()).isEqualTo(DerivationNote.TRANSFER_MAYBE_EXAMINATION_OR_ADVICE.key());
    assertThat(o.inputs())
        .containsEntry("concept", "ADVICE_ONLY")
        .containsEntry("mappingVerified", "false");
    assertThat(codes(result, RECEIVER)).containsExactly("A 2024-02-13");
  }

  @Test
  void a_hospital_that_maps_its_own_code_for_a_second_opinion_gets_no_transfer_from_it() {
    // given: the hospital's ConceptMap says its local code SECOND-OPINION is ADVICE_ONLY
    var terminology =
        DerivationTest.TERMINOLOGY.with(
            "2025-1",
            List.of(
                new ConceptMapping(
                    Concept.ADVICE_ONLY,
                    LOCAL,
                    "SECOND-OPINION",
                    null,
                    false,
                    true,
                    "ConceptMap 2025-1",
                    null,
                    null)));
    var facts =
        inWorkUpAtTheSender()
            .referral("sr2", "A12", "2024-02-12", HF1, HF2)
            .task("t2", "sr2", "received", "2024-02-13", HF2);
    var withLocalCode =
        inWorkUpAtTheSender()
            .task("t2", "sr2", "received", "2024-02-13", HF2)
            .referralInCategory("sr2", "A12", LOCAL, "SECOND-OPINION", "2024-02-12", HF1, HF2);
    // when
    var plain = derive(terminology, facts);
    var secondOpinion = derive(terminology, withLocalCode);
    // then
    assertThat(codes(plain, SENDER)).contains("O 2024-02-12");
    assertThat(codes(secondOpinion, SENDER)).doesNotContain("O 2024-02-12");
    assertThat(secondOpinion.instances()).hasSize(1);
    assertThat(secondOpinion.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.args()).contains("ADVICE_ONLY", "ConceptMap 2025-1"));
  }
}

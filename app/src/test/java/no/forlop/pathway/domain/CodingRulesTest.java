package no.forlop.pathway.domain;

import static no.forlop.pathway.domain.PathwayFixture.aPathway;
import static no.forlop.pathway.domain.PathwayFixture.factOf;
import static no.forlop.pathway.domain.PathwayFixture.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;

import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.Rejection.Reason;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every coding-order rule, accepted and refused. */
class CodingRulesTest {

  @Nested
  class Start {

    @Test
    void a_start_code_opens_the_pathway() {
      var p = aPathway("colorectal");
      factOf(p.register("A12A", "2024-03-04"));
      assertThat(p.state()).isEqualTo(PathwayState.AWAITING_FIRST_ATTENDANCE);
    }

    @Test
    void a_second_start_in_the_same_instance_is_refused() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      assertThat(reasonOf(p.register("A12A", "2024-03-05"))).isEqualTo(Reason.ALREADY_REGISTERED);
    }

    @Test
    void the_start_is_dated_the_day_the_referral_was_received() {
      var p = aPathway("colorectal");
      factOf(p.registerStart("2024-03-04", null, "2024-03-04", "2024-03-06"));
    }

    @Test
    void a_start_dated_the_day_the_referral_was_assessed_is_refused() {
      var p = aPathway("colorectal");
      var outcome = p.registerStart("2024-03-06", null, "2024-03-04", "2024-03-06");
      assertThat(reasonOf(outcome)).isEqualTo(Reason.START_ON_ASSESSMENT);
    }

    @Test
    void a_start_dated_neither_on_receipt_nor_assessment_is_refused() {
      var p = aPathway("colorectal");
      var outcome = p.registerStart("2024-03-05", StartBasis.REFERRAL_RECEIVED, "2024-03-04", null);
      assertThat(reasonOf(outcome)).isEqualTo(Reason.START_NOT_ON_RECEIPT);
    }

    @Test
    void a_cancer_pathway_may_start_when_suspicion_arises_in_hospital() {
      var p = aPathway("sarcoma");
      factOf(p.registerStart("2024-10-10", StartBasis.SUSPICION_IN_HOSPITAL, null, null));
    }

    @Test
    void a_cancer_pathway_cannot_start_on_an_emergency_decision() {
      var p = aPathway("sarcoma");
      var outcome = p.registerStart("2024-06-10", StartBasis.EMERGENCY_DECISION, null, null);
      assertThat(reasonOf(outcome)).isEqualTo(Reason.START_BASIS_NOT_ALLOWED);
    }

    @Test
    void a_mental_health_pathway_may_start_on_an_emergency_decision() {
      var p = aPathway("mh-adults");
      factOf(p.registerStart("2024-02-08", StartBasis.EMERGENCY_DECISION, null, null));
    }
  }

  @Nested
  class FirstAttendance {

    @Test
    void first_attendance_without_a_start_is_refused() {
      var p = aPathway("colorectal");
      assertThat(reasonOf(p.register("A12S", "2024-03-11"))).isEqualTo(Reason.START_MISSING);
    }

    @Test
    void first_attendance_dated_before_the_start_is_refused() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      assertThat(reasonOf(p.register("A12S", "2024-03-03"))).isEqualTo(Reason.BEFORE_START);
    }

    @Test
    void first_attendance_on_the_day_of_the_start_is_accepted() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      factOf(p.register("A12S", "2024-03-04"));
      assertThat(p.state()).isEqualTo(PathwayState.IN_WORKUP);
    }

    @Test
    void a_second_first_attendance_is_refused() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-11");
      assertThat(reasonOf(p.register("A12S", "2024-03-12"))).isEqualTo(Reason.ALREADY_REGISTERED);
    }
  }

  @Nested
  class ClinicalDecision {

    @Test
    void a_cancer_decision_without_first_attendance_is_refused() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      assertThat(reasonOf(p.register("A12CK", "2024-03-20")))
          .isEqualTo(Reason.FIRST_ATTENDANCE_MISSING);
    }

    @Test
    void a_cancer_decision_dated_before_the_first_attendance_is_refused() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-11");
      assertThat(reasonOf(p.register("A12CK", "2024-03-10")))
          .isEqualTo(Reason.FIRST_ATTENDANCE_MISSING);
    }

    @Test
    void a_cancer_decision_after_first_attendance_is_accepted() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-11");
      factOf(p.register("A12CK", "2024-03-20"));
      assertThat(p.state()).isEqualTo(PathwayState.DECIDED);
    }

    @Test
    void a_cancer_pathway_has_at_most_one_clinical_decision() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20");
      assertThat(reasonOf(p.register("A12CI", "2024-03-21"))).isEqualTo(Reason.TOO_MANY_DECISIONS);
    }

    @Test
    void a_mental_health_pathway_may_be_decided_twice_after_extended_assessment() {
      var p = aPathway("mh-adults").with("PATHWAY_START 2024-02-01", "FIRST_ATTENDANCE 2024-02-05");
      factOf(p.register("D11CU", "2024-03-01"));
      factOf(p.register("D11CP", "2024-04-10"));
      assertThat(p.state()).isEqualTo(PathwayState.DECIDED);
    }

    @Test
    void a_third_mental_health_decision_is_refused() {
      var p =
          aPathway("mh-adults")
              .with("PATHWAY_START 2024-02-01", "D11CU 2024-03-01", "D11CU 2024-04-01");
      assertThat(reasonOf(p.register("D11CP", "2024-05-01"))).isEqualTo(Reason.TOO_MANY_DECISIONS);
    }

    @Test
    void a_second_mental_health_decision_needs_the_first_to_call_for_extended_assessment() {
      var p = aPathway("mh-adults").with("PATHWAY_START 2024-02-01", "D11CP 2024-03-01");
      assertThat(reasonOf(p.register("D11CT", "2024-04-01")))
          .isEqualTo(Reason.DECISION_ALLOWS_NO_FURTHER_DECISION);
    }

    @Test
    void a_mental_health_decision_may_come_without_first_attendance() {
      var p = aPathway("substance-use").with("PATHWAY_START 2024-02-01");
      factOf(p.register("D01CT", "2024-02-01"));
    }

    @Test
    void a_decision_after_the_treatment_start_is_refused() {
      var p =
          aPathway("mh-adults")
              .with("PATHWAY_START 2024-02-01", "D11CP 2024-03-01", "TREATMENT_START 2024-03-05");
      assertThat(reasonOf(p.register("D11CU", "2024-03-10")))
          .isEqualTo(Reason.DECISION_AFTER_TREATMENT);
    }
  }

  @Nested
  class TreatmentStart {

    @Test
    void treatment_before_a_decision_is_refused() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-11");
      assertThat(reasonOf(p.register("A12FK", "2024-04-05"))).isEqualTo(Reason.DECISION_MISSING);
    }

    @Test
    void treatment_dated_before_the_decision_is_refused() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20");
      assertThat(reasonOf(p.register("A12FK", "2024-03-19"))).isEqualTo(Reason.DECISION_MISSING);
    }

    @Test
    void treatment_after_a_cancer_decision_is_accepted() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20");
      factOf(p.register("A12FK", "2024-04-05"));
      assertThat(p.state()).isEqualTo(PathwayState.IN_TREATMENT);
    }

    @Test
    void surveillance_may_be_decided_on_the_day_of_the_decision() {
      var p = aPathway("prostate").with("A16A 2024-10-01", "A16S 2024-10-02", "A16CK 2024-10-07");
      factOf(p.register("A16FO", "2024-10-07"));
    }

    @Test
    void no_treatment_follows_a_decision_that_no_disease_was_found() {
      var p = aPathway("colorectal").with("A12A 2024-01-08", "A12S 2024-01-12", "A12CI 2024-01-22");
      assertThat(reasonOf(p.register("A12FK", "2024-02-01")))
          .isEqualTo(Reason.TREATMENT_NOT_PERMITTED);
    }

    @Test
    void only_the_first_treatment_day_is_a_treatment_start() {
      var p =
          aPathway("breast")
              .with("PATHWAY_START 2024-03-04", "S 2024-03-11", "CK 2024-03-22", "FM 2024-04-01");
      assertThat(reasonOf(p.register("FK", "2024-08-20"))).isEqualTo(Reason.ALREADY_REGISTERED);
    }

    @Test
    void metastases_are_treated_after_the_decision_of_unknown_origin() {
      var p = aPathway("metastases").with("B01A 2024-04-02", "B01S 2024-04-05", "B01CU 2024-04-25");
      factOf(p.register("B01FM", "2024-05-02"));
    }
  }

  @Nested
  class Closing {

    @Test
    void a_transfer_closes_the_pathway_at_the_sending_organisation() {
      var p = aPathway("ovarian").with("A21A 2024-02-01", "A21S 2024-02-06");
      factOf(p.register("A21O", "2024-02-12"));
      assertThat(p.state()).isEqualTo(PathwayState.TRANSFERRED);
      assertThat(p.state().isOpen()).isFalse();
    }

    @Test
    void nothing_is_registered_after_the_pathway_was_transferred() {
      var p = aPathway("ovarian").with("A21A 2024-02-01", "A21S 2024-02-06", "A21O 2024-02-12");
      assertThat(reasonOf(p.register("A21CK", "2024-02-20"))).isEqualTo(Reason.AFTER_CLOSING);
    }

    @Test
    void a_milestone_of_the_day_of_the_transfer_is_still_accepted() {
      var p = aPathway("ovarian").with("A21A 2024-02-01", "A21O 2024-02-12");
      factOf(p.register("A21S", "2024-02-12"));
    }

    @Test
    void the_diagnostic_pathway_ends_with_its_decision() {
      var p = aPathway("diagnostic").with("C01A 2024-02-05", "C01S 2024-02-09", "C01CK 2024-02-20");
      assertThat(p.state()).isEqualTo(PathwayState.CLOSED);
      assertThat(reasonOf(p.register("C01X", "2024-02-25"))).isEqualTo(Reason.AFTER_CLOSING);
    }

    @Test
    void the_diagnostic_pathway_ends_at_death() {
      var p = aPathway("diagnostic").with("C01A 2024-01-15", "C01S 2024-01-18");
      factOf(p.register("C01X", "2024-01-25"));
      assertThat(p.state()).isEqualTo(PathwayState.CLOSED);
    }

    @Test
    void a_mental_health_pathway_is_closed_by_its_closure() {
      var p = aPathway("substance-use").with("PATHWAY_START 2024-02-01", "D01CK 2024-03-01");
      factOf(p.register("PATHWAY_END", "2024-03-02"));
      assertThat(reasonOf(p.register("EVALUATION", "2024-03-05"))).isEqualTo(Reason.AFTER_CLOSING);
    }
  }

  @Nested
  class MentalHealthEvents {

    @Test
    void an_evaluation_before_the_decision_is_refused() {
      var p =
          aPathway("substance-use").with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06");
      assertThat(reasonOf(p.register("EVALUATION", "2024-05-20")))
          .isEqualTo(Reason.DECISION_MISSING);
    }

    @Test
    void evaluations_follow_the_decision_as_often_as_they_happen() {
      var p = aPathway("substance-use").with("PATHWAY_START 2024-05-01", "D01CT 2024-05-20");
      factOf(p.register("EVALUATION", "2024-05-27"));
      factOf(p.register("EVALUATION", "2024-06-20"));
    }

    @Test
    void a_patient_caused_delay_is_registered_in_an_open_pathway() {
      var p =
          aPathway("substance-use").with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06");
      factOf(p.register("D01L", "2024-05-13"));
      assertThat(p.state()).isEqualTo(PathwayState.IN_WORKUP);
    }

    @Test
    void a_patient_caused_delay_before_the_start_is_refused() {
      var p = aPathway("substance-use");
      assertThat(reasonOf(p.register("L", "2024-05-13"))).isEqualTo(Reason.START_MISSING);
    }
  }

  @Nested
  class Dates {

    @Test
    void a_code_dated_today_is_accepted() {
      var p = aPathway("colorectal").today("2024-06-30");
      factOf(p.register("A12A", "2024-06-30"));
    }

    @Test
    void a_code_dated_tomorrow_is_refused() {
      var p = aPathway("colorectal").today("2024-06-30");
      assertThat(reasonOf(p.register("A12A", "2024-07-01"))).isEqualTo(Reason.DATE_IN_FUTURE);
    }

    @Test
    void a_removed_pathway_takes_codes_until_its_last_day() {
      var p = aPathway("acute-leukaemia-mds");
      factOf(p.register("A", "2021-04-30"));
    }

    @Test
    void a_removed_pathway_takes_no_codes_from_the_day_it_was_removed() {
      var p = aPathway("acute-leukaemia-mds").with("A 2021-04-26", "S 2021-04-27");
      assertThat(reasonOf(p.register("CK", "2021-05-03")))
          .isEqualTo(Reason.PATHWAY_NOT_VALID_ON_DATE);
    }

    @Test
    void a_pathway_takes_no_codes_before_it_was_introduced() {
      var p = aPathway("sarcoma");
      assertThat(reasonOf(p.register("A36A", "2015-08-31")))
          .isEqualTo(Reason.PATHWAY_NOT_VALID_ON_DATE);
      factOf(p.register("A36A", "2015-09-01"));
    }

    @Test
    void myeloma_radiotherapy_is_a_code_only_from_2023() {
      var p = aPathway("myeloma").with("A 2022-12-01", "S 2022-12-02", "CK 2022-12-20");
      assertThat(reasonOf(p.register("FS", "2022-12-31"))).isEqualTo(Reason.CODE_NOT_VALID_ON_DATE);
      factOf(p.register("FS", "2023-01-02"));
    }
  }
}

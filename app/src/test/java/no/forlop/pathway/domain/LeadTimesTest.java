package no.forlop.pathway.domain;

import static no.forlop.pathway.domain.PathwayFixture.aPathway;
import static no.forlop.pathway.domain.PathwayFixture.date;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import no.forlop.calendar.DayType;
import no.forlop.catalog.CatalogueParser;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.LeadTime.Assumption;
import no.forlop.pathway.LeadTime.NotJudged;
import no.forlop.pathway.LeadTime.Status;
import no.forlop.pathway.TrackedMilestone;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every lead-time status on both sides of its boundary. Colorectal OF1 is 9 calendar days. */
class LeadTimesTest {

  @Nested
  class FinishedIntervals {

    @Test
    void first_attendance_on_the_last_day_of_the_norm_is_met() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-13");
      var of1 = p.leadTime("OF1", "2024-06-30");
      assertThat(of1.days()).isEqualTo(9);
      assertThat(of1.standardDays()).isEqualTo(9);
      assertThat(of1.status()).isEqualTo(Status.MET);
      assertThat(of1.dueDate()).isEqualTo(date("2024-03-13"));
    }

    @Test
    void first_attendance_the_day_after_the_norm_is_breached() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-14");
      var of1 = p.leadTime("OF1", "2024-06-30");
      assertThat(of1.days()).isEqualTo(10);
      assertThat(of1.status()).isEqualTo(Status.BREACHED);
    }

    @Test
    void the_start_day_is_day_zero() {
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-04");
      assertThat(p.leadTime("OF1", "2024-06-30").days()).isZero();
    }

    @Test
    void surgery_is_measured_against_the_surgical_norm_on_both_sides() {
      var met =
          aPathway("colorectal")
              .with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20", "A12FK 2024-04-03");
      var breached =
          aPathway("colorectal")
              .with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20", "A12FK 2024-04-04");

      var of3Met = met.leadTime("OF3", "2024-06-30");
      var of3Breached = breached.leadTime("OF3", "2024-06-30");

      assertThat(of3Met.treatment()).isEqualTo("SURGICAL");
      assertThat(of3Met.standardDays()).isEqualTo(14);
      assertThat(of3Met.status()).isEqualTo(Status.MET);
      assertThat(of3Breached.days()).isEqualTo(15);
      assertThat(of3Breached.status()).isEqualTo(Status.BREACHED);
    }

    @Test
    void radiotherapy_has_its_own_norm() {
      var p =
          aPathway("colorectal")
              .with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20", "A12FS 2024-04-07");
      var of3 = p.leadTime("OF3", "2024-06-30");
      assertThat(of3.treatment()).isEqualTo("RADIOTHERAPY");
      assertThat(of3.standardDays()).isEqualTo(18);
      assertThat(of3.status()).isEqualTo(Status.MET);
      assertThat(p.leadTime("OF4", "2024-06-30").standardDays()).isEqualTo(39);
    }
  }

  /**
   * FO, FI and FL end OF3 and OF4 with their own treatment type (surveillance, no treatment,
   * symptom-relieving); the catalogue has no norm for those types, so the interval is measured but
   * shown as of unknown norm, never judged against the norm of another treatment.
   */
  @Nested
  class DecisionConversation {

    @Test
    void surveillance_ends_of3_and_of4_measured_but_of_unknown_norm() {
      var p =
          aPathway("colorectal")
              .with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20", "A12FO 2024-03-27");

      for (var indicator : java.util.List.of("OF3", "OF4")) {
        var lt = p.leadTime(indicator, "2024-06-30");
        assertThat(lt.treatment()).isEqualTo("SURVEILLANCE");
        assertThat(lt.to()).isEqualTo(date("2024-03-27"));
        assertThat(lt.status()).isEqualTo(Status.UNKNOWN_NORM);
        assertThat(lt.standardDays()).isNull();
        assertThat(lt.unverifiedStandardDays()).isNull();
        assertThat(lt.dueDate()).isNull();
      }
      assertThat(p.leadTime("OF3", "2024-06-30").days()).isEqualTo(7);
      assertThat(p.leadTime("OF4", "2024-06-30").days()).isEqualTo(23);
    }

    @Test
    void no_treatment_and_palliative_treatment_are_of_unknown_norm_too() {
      var fi =
          aPathway("colorectal")
              .with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20", "A12FI 2024-03-20");
      var fl =
          aPathway("colorectal")
              .with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20", "A12FL 2024-05-20");

      assertThat(fi.leadTime("OF3", "2024-06-30").treatment()).isEqualTo("NO_TREATMENT");
      assertThat(fi.leadTime("OF3", "2024-06-30").status()).isEqualTo(Status.UNKNOWN_NORM);
      assertThat(fi.leadTime("OF3", "2024-06-30").days()).isZero();
      assertThat(fl.leadTime("OF4", "2024-06-30").treatment()).isEqualTo("PALLIATIVE");
      assertThat(fl.leadTime("OF4", "2024-06-30").status()).isEqualTo(Status.UNKNOWN_NORM);
    }

    @Test
    void surveillance_long_after_every_norm_is_still_not_breached_surgery_that_late_is() {
      var fo =
          aPathway("colorectal")
              .with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20", "A12FO 2024-05-20");
      var fk =
          aPathway("colorectal")
              .with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20", "A12FK 2024-05-20");

      assertThat(fo.leadTime("OF3", "2024-06-30").status()).isEqualTo(Status.UNKNOWN_NORM);
      assertThat(fk.leadTime("OF3", "2024-06-30").status()).isEqualTo(Status.BREACHED);
    }
  }

  @Nested
  class RunningIntervals {

    @Test
    void an_interval_is_running_on_its_due_date() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      var of1 = p.leadTime("OF1", "2024-03-13");
      assertThat(of1.status()).isEqualTo(Status.RUNNING);
      assertThat(of1.elapsedDays()).isEqualTo(9);
      assertThat(of1.days()).isNull();
    }

    @Test
    void an_interval_is_overdue_the_day_after_its_due_date() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      assertThat(p.leadTime("OF1", "2024-03-14").status()).isEqualTo(Status.OVERDUE);
    }

    @Test
    void before_the_treatment_is_known_the_shortest_norm_applies() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      var of4 = p.leadTime("OF4", "2024-03-20");
      assertThat(of4.treatment()).isNull();
      assertThat(of4.standardDays()).isEqualTo(35);
      assertThat(of4.dueDate()).isEqualTo(date("2024-04-08"));
      assertThat(of4.assumption()).isEqualTo(Assumption.SHORTEST_NORM_TREATMENT_NOT_KNOWN);
    }

    @Test
    void intervals_that_have_not_started_are_not_listed() {
      var p = aPathway("colorectal").with("A12A 2024-03-04");
      assertThat(p.leadTimes("2024-03-05"))
          .extracting(LeadTime::indicator)
          .containsExactly("OF1", "OF4");
    }

    @Test
    void an_interval_that_can_no_longer_end_is_not_listed() {
      var transferred =
          aPathway("ovarian").with("A21A 2024-02-01", "A21S 2024-02-06", "A21O 2024-02-12");
      var noDisease =
          aPathway("colorectal").with("A12A 2024-01-08", "A12S 2024-01-12", "A12CI 2024-01-22");

      assertThat(transferred.leadTimes("2024-03-01"))
          .extracting(LeadTime::indicator)
          .containsExactly("OF1");
      assertThat(noDisease.leadTimes("2024-03-01"))
          .extracting(LeadTime::indicator)
          .containsExactly("OF1", "OF2");
    }
  }

  @Nested
  class UnknownNorms {

    @Test
    void a_pathway_without_norms_is_measured_but_not_judged() {
      var p = aPathway("prostate").with("A16A 2024-03-04", "A16S 2024-03-20");
      var of1 = p.leadTime("OF1", "2024-06-30");
      assertThat(of1.status()).isEqualTo(Status.UNKNOWN_NORM);
      assertThat(of1.standardDays()).isNull();
      assertThat(of1.days()).isEqualTo(16);
    }

    @Test
    void an_unverified_norm_is_shown_but_never_judges() {
      var p = aPathway("lung").with("A 2024-03-04");
      var of1 = p.leadTime("OF1", "2024-06-30");
      assertThat(of1.status()).isEqualTo(Status.UNKNOWN_NORM);
      assertThat(of1.unverifiedStandardDays()).isEqualTo(7);
      assertThat(of1.standardDays()).isNull();
    }

    @Test
    void a_treatment_type_without_a_norm_is_not_judged() {
      var p =
          aPathway("colorectal")
              .with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20", "A12FO 2024-03-25");
      var of3 = p.leadTime("OF3", "2024-06-30");
      assertThat(of3.treatment()).isEqualTo("SURVEILLANCE");
      assertThat(of3.status()).isEqualTo(Status.UNKNOWN_NORM);
    }
  }

  @Nested
  class WorkingDaysNorms {

    // Myeloma radiotherapy: 14 working days from the decision (from 2023-01-01).
    // Friday 2023-03-31 + 14 working days, skipping Easter (6, 7 and 10 April) = 2023-04-25.

    @Test
    void radiotherapy_on_the_fourteenth_working_day_is_met() {
      var p =
          aPathway("myeloma")
              .today("2023-12-31")
              .with("A 2023-03-01", "S 2023-03-02", "CK 2023-03-31", "FS 2023-04-25");
      var of3 = p.leadTime("OF3", "2023-12-31");
      assertThat(of3.dayType()).isEqualTo(DayType.WORKING);
      assertThat(of3.dueDate()).isEqualTo(date("2023-04-25"));
      assertThat(of3.days()).isEqualTo(14);
      assertThat(of3.status()).isEqualTo(Status.MET);
    }

    @Test
    void radiotherapy_on_the_fifteenth_working_day_is_breached() {
      var p =
          aPathway("myeloma")
              .today("2023-12-31")
              .with("A 2023-03-01", "S 2023-03-02", "CK 2023-03-31", "FS 2023-04-26");
      var of3 = p.leadTime("OF3", "2023-12-31");
      assertThat(of3.days()).isEqualTo(15);
      assertThat(of3.status()).isEqualTo(Status.BREACHED);
    }
  }

  @Nested
  class EffectiveDatedNorms {

    @Test
    void an_interval_started_before_a_norm_change_keeps_the_old_norm() {
      // breast OF2: 7 days until 2021-04-30, 12 days from 2021-05-01
      var p = aPathway("breast").with("A 2021-04-20", "S 2021-04-28", "CK 2021-05-08");
      var of2 = p.leadTime("OF2", "2021-06-30");
      assertThat(of2.standardDays()).isEqualTo(7);
      assertThat(of2.days()).isEqualTo(10);
      assertThat(of2.status()).isEqualTo(Status.BREACHED);
    }

    @Test
    void an_interval_started_on_the_day_of_a_norm_change_gets_the_new_norm() {
      var p = aPathway("breast").with("A 2021-04-26", "S 2021-05-01", "CK 2021-05-11");
      var of2 = p.leadTime("OF2", "2021-06-30");
      assertThat(of2.standardDays()).isEqualTo(12);
      assertThat(of2.status()).isEqualTo(Status.MET);
    }

    @Test
    void changing_a_norm_for_next_year_does_not_change_last_years_results() throws IOException {
      var bundled = bundledYaml();
      var oldLine =
          "      - {indicator: OF1, days: 9, dayType: CALENDAR, verified: true, source:"
              + " \"https://metodebok.no/index.php?action=topic&item=f5dd9824aeb167fafd69\"}";
      assertThat(bundled).contains(oldLine);
      var changed =
          bundled
              .replace("version: \"2026.12.2\"", "version: \"test-next-year\"")
              .replace(
                  oldLine,
                  oldLine.replace("verified: true", "validTo: 2024-12-31, verified: true")
                      + "\n"
                      + oldLine
                          .replace("days: 9", "days: 5")
                          .replace("verified: true", "validFrom: 2025-01-01, verified: true"));
      var nextYear = CatalogueParser.parse(changed.getBytes(StandardCharsets.UTF_8));
      var p = aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-13");
      var definition = nextYear.pathway("colorectal").orElseThrow();
      var rules =
          new CodingRules(definition, nextYear.schemeOf(definition), nextYear.codesOf(definition));

      var before = p.leadTime("OF1", "2024-06-30");
      var after =
          new LeadTimes(nextYear, rules)
              .measure(p.pathway.registeredCodes(rules), p.state(), null, date("2024-06-30"))
              .get(0);

      assertThat(after.standardDays()).isEqualTo(before.standardDays()).isEqualTo(9);
      assertThat(after.status()).isEqualTo(before.status()).isEqualTo(Status.MET);
      assertThat(after.catalogueVersion()).isEqualTo("test-next-year");
      var in2025 =
          aPathway("colorectal").today("2025-12-31").with("A12A 2025-03-03", "A12S 2025-03-10");
      var of1In2025 =
          new LeadTimes(nextYear, rules)
              .measure(
                  in2025.pathway.registeredCodes(rules), in2025.state(), null, date("2025-06-30"))
              .get(0);
      assertThat(of1In2025.standardDays()).isEqualTo(5);
      assertThat(of1In2025.status()).isEqualTo(Status.BREACHED);
    }

    private String bundledYaml() throws IOException {
      try (var in = getClass().getResourceAsStream("/catalog/catalogue.yaml")) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  @Nested
  class MentalHealth {

    @Test
    void an_outpatient_assessment_is_measured_against_the_outpatient_norm() {
      var met =
          aPathway("substance-use", "OUTPATIENT")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06", "D01CT 2024-05-27");
      var breached =
          aPathway("substance-use", "OUTPATIENT")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06", "D01CT 2024-05-28");

      assertThat(met.leadTime("MH_ASSESSMENT", "2024-06-30").standardDays()).isEqualTo(21);
      assertThat(met.leadTime("MH_ASSESSMENT", "2024-06-30").status()).isEqualTo(Status.MET);
      assertThat(breached.leadTime("MH_ASSESSMENT", "2024-06-30").status())
          .isEqualTo(Status.BREACHED);
    }

    @Test
    void without_a_recorded_setting_no_norm_is_picked_and_the_interval_is_left_unjudged() {
      var finished =
          aPathway("substance-use")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06", "D01CT 2024-05-27");
      var running =
          aPathway("substance-use").with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06");

      var assessment = finished.leadTime("MH_ASSESSMENT", "2024-06-30");
      var open = running.leadTime("MH_ASSESSMENT", "2024-06-30");

      // the shortest (inpatient, 7 days) norm would have called 21 days breached
      assertThat(assessment.days()).isEqualTo(21);
      assertThat(assessment.status()).isEqualTo(Status.UNKNOWN_NORM);
      assertThat(assessment.standardDays()).isNull();
      assertThat(assessment.notJudged()).isEqualTo(NotJudged.CARE_SETTING_NOT_RECORDED);
      assertThat(assessment.assumption()).isNull();
      assertThat(open.status()).isEqualTo(Status.UNKNOWN_NORM);
      assertThat(open.dueDate()).isNull();
      assertThat(open.elapsedDays()).isEqualTo(55);
    }

    @Test
    void a_norm_that_does_not_differ_by_setting_still_judges_without_one() {
      var p =
          aPathway("substance-use")
              .with("PATHWAY_START 2024-05-01", "D01CT 2024-05-27", "EVALUATION 2024-06-03");
      var first = p.leadTime("MH_FIRST_EVALUATION", "2024-08-01");
      assertThat(first.standardDays()).isEqualTo(7);
      assertThat(first.status()).isEqualTo(Status.MET);
      assertThat(first.notJudged()).isNull();
    }

    @Test
    void the_setting_of_the_first_attendance_picks_the_norm_when_the_pathway_records_none() {
      var inpatient =
          aPathway("substance-use")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06", "D01CT 2024-05-13")
              .tracking("2024-05-06", TrackedMilestone.FIRST_ATTENDANCE_INPATIENT);
      var inpatientLate =
          aPathway("substance-use")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06", "D01CT 2024-05-14")
              .tracking("2024-05-06", TrackedMilestone.FIRST_ATTENDANCE_INPATIENT);
      var outpatient =
          aPathway("substance-use")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06", "D01CT 2024-05-14")
              .tracking("2024-05-06", TrackedMilestone.FIRST_ATTENDANCE_OUTPATIENT);

      var met = inpatient.leadTime("MH_ASSESSMENT", "2024-06-30");
      assertThat(met.standardDays()).isEqualTo(7);
      assertThat(met.status()).isEqualTo(Status.MET);
      assertThat(met.assumption()).isEqualTo(Assumption.SETTING_OF_FIRST_ATTENDANCE);
      assertThat(inpatientLate.leadTime("MH_ASSESSMENT", "2024-06-30").status())
          .isEqualTo(Status.BREACHED);
      var outpatientMet = outpatient.leadTime("MH_ASSESSMENT", "2024-06-30");
      assertThat(outpatientMet.standardDays()).isEqualTo(21);
      assertThat(outpatientMet.status()).isEqualTo(Status.MET);
    }

    @Test
    void the_setting_recorded_on_the_pathway_wins_over_the_first_attendance() {
      var p =
          aPathway("substance-use", "OUTPATIENT")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06", "D01CT 2024-05-14")
              .tracking("2024-05-06", TrackedMilestone.FIRST_ATTENDANCE_INPATIENT);
      var assessment = p.leadTime("MH_ASSESSMENT", "2024-06-30");
      assertThat(assessment.standardDays()).isEqualTo(21);
      assertThat(assessment.status()).isEqualTo(Status.MET);
      assertThat(assessment.assumption()).isNull();
    }

    @Test
    void a_recorded_severity_and_the_first_attendance_setting_each_pick_their_own_norms() {
      var p =
          aPathway("eating-disorders-young", "SEVERE")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-08", "CP 2024-05-22")
              .tracking("2024-05-08", TrackedMilestone.FIRST_ATTENDANCE_INPATIENT);
      var first = p.leadTime("MH_FIRST_ATTENDANCE", "2024-06-30");
      var assessment = p.leadTime("MH_ASSESSMENT", "2024-06-30");
      assertThat(first.standardDays()).isEqualTo(7);
      assertThat(first.status()).isEqualTo(Status.MET);
      assertThat(assessment.standardDays()).isEqualTo(14);
      assertThat(assessment.status()).isEqualTo(Status.MET);
      assertThat(assessment.assumption()).isEqualTo(Assumption.SETTING_OF_FIRST_ATTENDANCE);
    }

    @Test
    void a_recorded_severity_without_a_known_setting_leaves_the_assessment_unjudged() {
      var p =
          aPathway("eating-disorders-young", "SEVERE")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-08", "CP 2024-05-22");
      var assessment = p.leadTime("MH_ASSESSMENT", "2024-06-30");
      assertThat(assessment.status()).isEqualTo(Status.UNKNOWN_NORM);
      assertThat(assessment.notJudged()).isEqualTo(NotJudged.CARE_SETTING_NOT_RECORDED);
    }

    @Test
    void an_unknown_severity_is_not_called_a_care_setting() {
      var p =
          aPathway("eating-disorders-young")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06");
      var first = p.leadTime("MH_FIRST_ATTENDANCE", "2024-06-30");
      assertThat(first.status()).isEqualTo(Status.UNKNOWN_NORM);
      assertThat(first.notJudged()).isEqualTo(NotJudged.SEVERITY_NOT_RECORDED);
    }

    @Test
    void a_direct_right_to_treatment_leaves_the_pathway_out_of_the_assessment_interval() {
      var running =
          aPathway("substance-use", "OUTPATIENT")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06")
              .tracking("2024-05-01", TrackedMilestone.DIRECT_TREATMENT_RIGHT);
      var finished =
          aPathway("substance-use", "OUTPATIENT")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06", "D01CT 2024-06-14")
              .tracking("2024-05-01", TrackedMilestone.DIRECT_TREATMENT_RIGHT);

      var open = running.leadTime("MH_ASSESSMENT", "2024-06-30");
      var done = finished.leadTime("MH_ASSESSMENT", "2024-06-30");

      // 55 days after the first attendance: without the exclusion this is overdue
      assertThat(open.status()).isEqualTo(Status.EXCLUDED);
      assertThat(open.notJudged()).isEqualTo(NotJudged.DIRECT_TREATMENT_RIGHT);
      assertThat(open.dueDate()).isNull();
      assertThat(open.standardDays()).isNull();
      assertThat(done.status()).isEqualTo(Status.EXCLUDED);
      assertThat(done.days()).isEqualTo(39);
      // the other intervals are measured as usual
      assertThat(running.leadTime("MH_FIRST_ATTENDANCE", "2024-06-30").status())
          .isNotEqualTo(Status.EXCLUDED);
    }

    @Test
    void without_a_direct_right_to_treatment_the_same_assessment_is_overdue() {
      var p =
          aPathway("substance-use", "OUTPATIENT")
              .with("PATHWAY_START 2024-05-01", "FIRST_ATTENDANCE 2024-05-06");
      var open = p.leadTime("MH_ASSESSMENT", "2024-06-30");
      assertThat(open.status()).isEqualTo(Status.OVERDUE);
      assertThat(open.notJudged()).isNull();
    }

    @Test
    void a_direct_right_to_treatment_leaves_a_cancer_pathway_as_it_is() {
      var p =
          aPathway("colorectal")
              .with("A12A 2024-03-04", "A12S 2024-03-11")
              .tracking("2024-03-04", TrackedMilestone.DIRECT_TREATMENT_RIGHT);
      assertThat(p.leadTime("OF2", "2024-06-30").status()).isEqualTo(Status.OVERDUE);
    }

    @Test
    void a_patient_caused_delay_is_flagged_but_the_time_is_still_measured() {
      var p =
          aPathway("substance-use", "OUTPATIENT")
              .with(
                  "PATHWAY_START 2024-05-01",
                  "FIRST_ATTENDANCE 2024-05-06",
                  "D01L 2024-05-13",
                  "D01CT 2024-06-14");
      var assessment = p.leadTime("MH_ASSESSMENT", "2024-06-30");
      assertThat(assessment.days()).isEqualTo(39);
      assertThat(assessment.status()).isEqualTo(Status.BREACHED);
      assertThat(assessment.patientDelayed()).isTrue();
    }

    @Test
    void evaluations_are_measured_from_the_decision_and_then_between_each_other() {
      var p =
          aPathway("substance-use", "OUTPATIENT")
              .with(
                  "PATHWAY_START 2024-05-01",
                  "D01CT 2024-05-27",
                  "EVALUATION 2024-06-03",
                  "EVALUATION 2024-07-29");
      var first = p.leadTime("MH_FIRST_EVALUATION", "2024-08-01");
      var intervals =
          p.leadTimes("2024-08-01").stream()
              .filter(l -> l.indicator().equals("MH_EVALUATION_INTERVAL"))
              .toList();

      assertThat(first.days()).isEqualTo(7);
      assertThat(first.status()).isEqualTo(Status.MET);
      assertThat(intervals).hasSize(2);
      assertThat(intervals.get(0).days()).isEqualTo(56);
      assertThat(intervals.get(0).status()).isEqualTo(Status.MET);
      assertThat(intervals.get(1).status()).isEqualTo(Status.RUNNING);
      assertThat(intervals.get(1).dueDate()).isEqualTo(date("2024-09-23"));
    }

    @Test
    void an_evaluation_one_day_late_is_breached() {
      var p =
          aPathway("substance-use", "OUTPATIENT")
              .with(
                  "PATHWAY_START 2024-05-01",
                  "D01CT 2024-05-27",
                  "EVALUATION 2024-06-03",
                  "EVALUATION 2024-07-30");
      var interval =
          p.leadTimes("2024-08-01").stream()
              .filter(l -> l.indicator().equals("MH_EVALUATION_INTERVAL"))
              .findFirst()
              .orElseThrow();
      assertThat(interval.days()).isEqualTo(57);
      assertThat(interval.status()).isEqualTo(Status.BREACHED);
    }
  }
}

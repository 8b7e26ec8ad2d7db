package no.forlop.pathway.domain;

import static no.forlop.pathway.domain.PathwayFixture.CATALOGUE;
import static no.forlop.pathway.domain.PathwayFixture.aPathway;
import static no.forlop.pathway.domain.PathwayFixture.date;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.LeadTime.Status;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The patient-level lead times across instances linked by transfers, as NPR measures a pathway
 * across trusts: the first trust's A to the treating trust's F. Colorectal norms: OF1 9, OF2 12,
 * OF3 surgery 14, OF4 surgery 35 calendar days.
 */
class PatientLeadTimesTest {

  private static final String FIRST_TRUST = "910000012";
  private static final String SECOND_TRUST = "920000012";
  private static final String THIRD_TRUST = "930000012";

  private static PatientLeadTimes.Member member(
      PathwayFixture p, String organisation, @Nullable String transferredOn) {
    var decidedElsewhere = p.pathway.decidedElsewhere();
    var walk = p.rules.walk(p.pathway.registrations(), decidedElsewhere);
    return new PatientLeadTimes.Member(
        p.pathway.header().id(),
        organisation,
        walk.inClinicalOrder(),
        walk.state(),
        null,
        transferredOn == null ? null : date(transferredOn));
  }

  private static PatientLeadTimes.Result measure(String asOf, PatientLeadTimes.Member... chain) {
    return new PatientLeadTimes(CATALOGUE, aPathway("colorectal").rules)
        .measure(List.of(chain), date(asOf));
  }

  private static LeadTime of(PatientLeadTimes.Result result, String indicator) {
    return result.leadTimes().stream()
        .filter(l -> l.indicator().equals(indicator))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + indicator + " in " + result.leadTimes()));
  }

  private static PathwayFixture sentForSurgery() {
    return aPathway("colorectal")
        .with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20", "A12O 2024-03-22");
  }

  private static PathwayFixture operatedOn(String day) {
    return aPathway("colorectal")
        .decidedAtSender("2024-03-20")
        .with("A12A 2024-03-25", "A12FK " + day);
  }

  @Nested
  class TransferForSurgery {

    @Test
    void surgery_on_the_last_day_of_the_norm_counted_from_the_first_trusts_start_is_met() {
      var result =
          measure(
              "2024-06-30",
              member(sentForSurgery(), FIRST_TRUST, null),
              member(operatedOn("2024-04-08"), SECOND_TRUST, "2024-03-22"));

      var of4 = of(result, "OF4");
      assertThat(of4.from()).isEqualTo(date("2024-03-04"));
      assertThat(of4.to()).isEqualTo(date("2024-04-08"));
      assertThat(of4.treatment()).isEqualTo("SURGICAL");
      assertThat(of4.days()).isEqualTo(35);
      assertThat(of4.standardDays()).isEqualTo(35);
      assertThat(of4.status()).isEqualTo(Status.MET);
      assertThat(result.start().organisation()).isEqualTo(FIRST_TRUST);
      assertThat(result.start().code()).isEqualTo("A12A");
      assertThat(result.decision().organisation()).isEqualTo(FIRST_TRUST);
      assertThat(result.treatment().organisation()).isEqualTo(SECOND_TRUST);
      assertThat(result.treatment().code()).isEqualTo("A12FK");
    }

    @Test
    void surgery_the_day_after_is_breached_though_the_treating_trust_took_only_14_days() {
      var receiver = operatedOn("2024-04-09");
      var result =
          measure(
              "2024-06-30",
              member(sentForSurgery(), FIRST_TRUST, null),
              member(receiver, SECOND_TRUST, "2024-03-22"));

      assertThat(of(result, "OF4").days()).isEqualTo(36);
      assertThat(of(result, "OF4").status()).isEqualTo(Status.BREACHED);
      // the treating trust's own instance measures OF4 from its own A only
      assertThat(receiver.leadTime("OF4", "2024-06-30").days()).isEqualTo(15);
    }

    @Test
    void the_decision_at_the_sender_and_the_surgery_at_the_receiver_make_of3_on_both_sides() {
      var met =
          measure(
              "2024-06-30",
              member(sentForSurgery(), FIRST_TRUST, null),
              member(operatedOn("2024-04-03"), SECOND_TRUST, "2024-03-22"));
      var breached =
          measure(
              "2024-06-30",
              member(sentForSurgery(), FIRST_TRUST, null),
              member(operatedOn("2024-04-04"), SECOND_TRUST, "2024-03-22"));

      assertThat(of(met, "OF3").from()).isEqualTo(date("2024-03-20"));
      assertThat(of(met, "OF3").days()).isEqualTo(14);
      assertThat(of(met, "OF3").status()).isEqualTo(Status.MET);
      assertThat(of(breached, "OF3").days()).isEqualTo(15);
      assertThat(of(breached, "OF3").status()).isEqualTo(Status.BREACHED);
      assertThat(of(met, "OF1").days()).isEqualTo(7);
      assertThat(of(met, "OF2").days()).isEqualTo(9);
    }
  }

  @Nested
  class WorkUpAtTheReceiver {

    private PatientLeadTimes.Result firstAttendanceAtReceiverOn(String day) {
      var sender = aPathway("colorectal").with("A12A 2024-03-04", "A12O 2024-03-06");
      var receiver = aPathway("colorectal").with("A12A 2024-03-08", "A12S " + day);
      return measure(
          "2024-06-30",
          member(sender, FIRST_TRUST, null),
          member(receiver, SECOND_TRUST, "2024-03-06"));
    }

    @Test
    void of1_runs_from_the_first_trusts_start_to_the_first_attendance_at_the_receiver() {
      var met = firstAttendanceAtReceiverOn("2024-03-13");
      var breached = firstAttendanceAtReceiverOn("2024-03-14");

      assertThat(of(met, "OF1").days()).isEqualTo(9);
      assertThat(of(met, "OF1").status()).isEqualTo(Status.MET);
      assertThat(met.firstAttendance().organisation()).isEqualTo(SECOND_TRUST);
      assertThat(of(breached, "OF1").days()).isEqualTo(10);
      assertThat(of(breached, "OF1").status()).isEqualTo(Status.BREACHED);
    }

    @Test
    void of2_runs_from_the_first_attendance_to_the_decision_wherever_made() {
      var sender =
          aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-08", "A12O 2024-03-10");
      var met =
          aPathway("colorectal").with("A12A 2024-03-12", "A12S 2024-03-13", "A12CK 2024-03-20");
      var breached =
          aPathway("colorectal").with("A12A 2024-03-12", "A12S 2024-03-13", "A12CK 2024-03-21");

      var of2Met =
          of(
              measure(
                  "2024-06-30",
                  member(sender, FIRST_TRUST, null),
                  member(met, SECOND_TRUST, "2024-03-10")),
              "OF2");
      var of2Breached =
          of(
              measure(
                  "2024-06-30",
                  member(sender, FIRST_TRUST, null),
                  member(breached, SECOND_TRUST, "2024-03-10")),
              "OF2");

      assertThat(of2Met.from()).isEqualTo(date("2024-03-08"));
      assertThat(of2Met.days()).isEqualTo(12);
      assertThat(of2Met.status()).isEqualTo(Status.MET);
      assertThat(of2Breached.days()).isEqualTo(13);
      assertThat(of2Breached.status()).isEqualTo(Status.BREACHED);
    }
  }

  @Nested
  class Chains {

    @Test
    void a_chain_of_one_measures_what_the_instance_measures() {
      var only =
          aPathway("colorectal")
              .with("A12A 2024-03-04", "A12S 2024-03-11", "A12CK 2024-03-20", "A12FK 2024-04-03");

      var result = measure("2024-06-30", member(only, FIRST_TRUST, null));

      assertThat(result.leadTimes()).isEqualTo(only.leadTimes("2024-06-30"));
      assertThat(result.treatment().organisation()).isEqualTo(FIRST_TRUST);
    }

    @Test
    void a_chain_of_three_trusts_runs_from_the_first_start_to_the_third_trusts_treatment() {
      var first = aPathway("colorectal").with("A12A 2024-03-04", "A12O 2024-03-05");
      var second =
          aPathway("colorectal").with("A12A 2024-03-06", "A12S 2024-03-08", "A12O 2024-03-12");
      var third =
          aPathway("colorectal")
              .with("A12A 2024-03-14", "A12S 2024-03-15", "A12CK 2024-03-18", "A12FK 2024-04-01");

      var result =
          measure(
              "2024-06-30",
              member(first, FIRST_TRUST, null),
              member(second, SECOND_TRUST, "2024-03-05"),
              member(third, THIRD_TRUST, "2024-03-12"));

      assertThat(of(result, "OF1").days()).isEqualTo(4); // 03-04 → the second trust's S
      assertThat(result.firstAttendance().organisation()).isEqualTo(SECOND_TRUST);
      assertThat(of(result, "OF2").days()).isEqualTo(10); // 03-08 → the third trust's CK
      assertThat(of(result, "OF4").days()).isEqualTo(28);
      assertThat(of(result, "OF4").status()).isEqualTo(Status.MET);
      assertThat(result.start().organisation()).isEqualTo(FIRST_TRUST);
      assertThat(result.treatment().organisation()).isEqualTo(THIRD_TRUST);
    }

    @Test
    void the_chain_of_any_of_its_instances_is_ordered_first_trust_first() {
      var a = UUID.randomUUID();
      var b = UUID.randomUUID();
      var c = UUID.randomUUID();
      var links =
          List.of(
              new TransferLink(b, c, date("2024-03-12"), "TRANSFER-SENT"),
              new TransferLink(a, b, date("2024-03-05"), "TRANSFER-SENT"));

      assertThat(PatientLeadTimes.chainOf(b, links)).containsExactly(a, b, c);
      assertThat(PatientLeadTimes.chainOf(c, links)).containsExactly(a, b, c);
      assertThat(PatientLeadTimes.chainOf(a, links)).containsExactly(a, b, c);
      assertThat(PatientLeadTimes.chainOf(UUID.randomUUID(), links)).hasSize(1);
    }
  }

  @Nested
  class TreatmentNeverStarts {

    private PatientLeadTimes.Member sender() {
      return member(
          aPathway("colorectal").with("A12A 2024-03-04", "A12S 2024-03-11", "A12O 2024-03-12"),
          FIRST_TRUST,
          null);
    }

    @Test
    void while_the_receiver_works_up_of4_runs_from_the_first_start_and_is_overdue_after_35_days() {
      var receiver =
          member(aPathway("colorectal").with("A12A 2024-03-14"), SECOND_TRUST, "2024-03-12");

      var onDueDate = of(measure("2024-04-08", sender(), receiver), "OF4");
      var dayAfter = of(measure("2024-04-09", sender(), receiver), "OF4");

      assertThat(onDueDate.dueDate()).isEqualTo(date("2024-04-08"));
      assertThat(onDueDate.status()).isEqualTo(Status.RUNNING);
      assertThat(dayAfter.status()).isEqualTo(Status.OVERDUE);
      assertThat(measure("2024-04-09", sender(), receiver).treatment()).isNull();
    }

    @Test
    void when_the_receiver_finds_no_disease_no_treatment_interval_is_listed() {
      var receiver =
          member(
              aPathway("colorectal").with("A12A 2024-03-14", "A12S 2024-03-15", "A12CI 2024-03-20"),
              SECOND_TRUST,
              "2024-03-12");

      var result = measure("2024-06-30", sender(), receiver);

      assertThat(result.leadTimes()).extracting(LeadTime::indicator).containsExactly("OF1", "OF2");
      assertThat(result.decision().code()).isEqualTo("A12CI");
      assertThat(result.decision().organisation()).isEqualTo(SECOND_TRUST);
      assertThat(result.treatment()).isNull();
    }
  }
}

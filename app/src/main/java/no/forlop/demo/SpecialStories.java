package no.forlop.demo;

import static no.forlop.demo.DemoHospital.FJORDBY;
import static no.forlop.demo.DemoHospital.NORDVIK;
import static no.forlop.demo.DemoHospital.org;
import static no.forlop.demo.DemoHospital.weekday;
import static no.forlop.demo.DemoHospital.weekdayBefore;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import no.forlop.demo.DemoHospital.CorrectedStart;
import no.forlop.demo.DemoHospital.ManualCode;

/**
 * Writes the charts of the patients who are there to show what goes wrong in real life (one method
 * per {@link DemoHospital.Story} other than a regular pathway): referrals without a pathway code,
 * diagnoses without an attendance, an attendance entered in error, a transfer, a death, codes typed
 * by hand that differ from the EHR, and data the intake must refuse.
 */
final class SpecialStories {

  private final Chart chart;
  private final EhrResources ehr;
  private final Random random;
  private final LocalDate today;
  private final CancerPathway cancer;

  SpecialStories(Chart chart, CancerPathway cancer) {
    this.chart = chart;
    this.ehr = chart.ehr;
    this.random = chart.random;
    this.today = chart.today;
    this.cancer = cancer;
  }

  void priorityWithoutCode() {
    var male = random.nextBoolean();
    chart.born(male, 50, 85);
    var received = weekdayBefore(today.minusDays(1 + random.nextInt(14)));
    var suspected = male && random.nextBoolean() ? "C61" : "C18.9";
    chart.resources.add(
        ehr.referral("sr", null, true, List.of(suspected), null, org(chart.unit), received));
    chart.resources.add(ehr.task("t", "sr", "received", org(chart.unit), received));
    var attended = weekday(received.plusDays(3 + random.nextInt(5)));
    if (chart.happened(attended)) {
      chart.resources.add(ehr.encounter("e1", "finished", "AMB", org(chart.unit), attended, 1));
    }
  }

  void decisionWithoutAttendance() {
    var organ = chart.pick(List.of(Organ.COLORECTAL, Organ.THYROID, Organ.SARCOMA));
    chart.born(chart.sexOf(organ), organ.minAge, organ.maxAge);
    var received = weekdayBefore(today.minusDays(20 + random.nextInt(40)));
    cancer.refer(organ, received, CancerPathway.Entry.GP_WITH_RECEIPT);
    var decided = weekday(received.plusDays(6 + random.nextInt(10)));
    chart.resources.add(
        ehr.assessment("ci", EhrResources.ICD10, chart.pick(organ.own), null, decided));
  }

  void attendanceEnteredInError() {
    var organ = chart.pick(List.of(Organ.COLORECTAL, Organ.THYROID, Organ.SARCOMA));
    chart.born(chart.sexOf(organ), organ.minAge, organ.maxAge);
    var received = weekdayBefore(today.minusDays(14 + random.nextInt(25)));
    cancer.refer(organ, received, CancerPathway.Entry.GP_WITH_RECEIPT);
    var first = weekday(received.plusDays(2 + random.nextInt(4)));
    chart.resources.add(ehr.encounter("e1", "finished", "AMB", org(chart.unit), first, 1));
    chart.later.add(ehr.encounter("e1", "entered-in-error", "AMB", org(chart.unit), first, 2));
    var next = weekday(first.plusDays(3 + random.nextInt(4)));
    // every other one has a real attendance after the error; the others are back to waiting
    if (chart.number % 2 == 0 && chart.happened(next)) {
      chart.resources.add(ehr.encounter("e2", "finished", "AMB", org(chart.unit), next, 1));
    }
  }

  void transfer() {
    var organ = chart.pick(List.of(Organ.COLORECTAL, Organ.SARCOMA, Organ.OESOPHAGUS_STOMACH));
    chart.born(chart.sexOf(organ), organ.minAge, organ.maxAge);
    var from = chart.number % 3 == 0 ? FJORDBY : NORDVIK;
    var to = from.equals(FJORDBY) ? NORDVIK : FJORDBY;
    chart.unit = from;
    var received = weekdayBefore(today.minusDays(40 + random.nextInt(75)));
    cancer.refer(organ, received, CancerPathway.Entry.GP_WITH_RECEIPT);
    var attended = weekday(received.plusDays(chart.interval(organ.toAttendance)));
    if (!chart.happened(attended)) {
      return;
    }
    chart.resources.add(ehr.encounter("e1", "finished", "AMB", org(from), attended, 1));
    var sent = weekday(attended.plusDays(2 + random.nextInt(5)));
    if (!chart.happened(sent)) {
      return;
    }
    chart.resources.add(
        ehr.referral("sr2", organ.prefix, false, List.of(), org(from), org(to), sent));
    var arrived = weekday(sent.plusDays(1));
    if (!chart.happened(arrived)) {
      return;
    }
    chart.resources.add(ehr.task("t2", "sr2", "received", org(to), arrived));
    chart.unit = to;
    cancer.workUp(organ, arrived, "b");
  }

  void diagnosticEndedByDeath() {
    var organ = Organ.DIAGNOSTIC;
    var male = random.nextBoolean();
    var person = chart.born(male, 70, 92);
    var received = weekdayBefore(today.minusDays(30 + random.nextInt(70)));
    cancer.refer(organ, received, CancerPathway.Entry.GP_WITH_RECEIPT);
    var attended = weekday(received.plusDays(2 + random.nextInt(6)));
    chart.resources.add(ehr.encounter("e1", "finished", "AMB", org(chart.unit), attended, 1));
    var died = attended.plusDays(4 + random.nextInt(12));
    if (!chart.happened(died)) {
      died = today.minusDays(1);
    }
    chart.later.add(
        ehr.patient(
            person.identifier(), person.given(), person.family(), male, person.born(), died, 2));
  }

  void startMovedToAssessment() {
    var organ = chart.pick(List.of(Organ.COLORECTAL, Organ.PROSTATE, Organ.SARCOMA));
    chart.born(chart.sexOf(organ), organ.minAge, organ.maxAge);
    var received = weekdayBefore(today.minusDays(25 + random.nextInt(60)));
    cancer.refer(organ, received, CancerPathway.Entry.GP_WITH_RECEIPT);
    var assessed = weekday(received.plusDays(2 + random.nextInt(3)));
    chart.resources.add(ehr.task("ta", "sr", "accepted", org(chart.unit), assessed));
    var attended = weekday(assessed.plusDays(2 + random.nextInt(5)));
    chart.resources.add(ehr.encounter("e1", "finished", "AMB", org(chart.unit), attended, 1));
    chart.actions.add(
        new CorrectedStart(
            chart.identifier(),
            chart.unit,
            java.util.Objects.requireNonNull(organ.prefix),
            assessed,
            "Startdato satt til dagen henvisningen ble vurdert"));
    // a later visit makes the derivation look at the patient again
    var visit = weekday(attended.plusDays(3));
    chart.later.add(
        ehr.encounter(
            "e9", "finished", "AMB", org(chart.unit), chart.happened(visit) ? visit : attended, 1));
  }

  void attendanceInTheFuture() {
    var organ = Organ.COLORECTAL;
    chart.born(null, organ.minAge, organ.maxAge);
    var received = weekdayBefore(today.minusDays(3 + random.nextInt(6)));
    cancer.refer(organ, received, CancerPathway.Entry.GP_WITH_RECEIPT);
    var booked = weekday(today.plusDays(4 + random.nextInt(5)));
    chart.resources.add(ehr.encounter("e1", "finished", "AMB", org(chart.unit), booked, 1));
  }

  void unknownPathwayCode() {
    chart.born(null, 40, 80);
    var received = weekdayBefore(today.minusDays(5 + random.nextInt(20)));
    chart.resources.add(
        ehr.referral("sr", "A99A", false, List.of(), null, org(chart.unit), received));
    chart.resources.add(ehr.task("t", "sr", "received", org(chart.unit), received));
  }

  void priorityPointingNowhere() {
    chart.born(null, 40, 80);
    var received = weekdayBefore(today.minusDays(5 + random.nextInt(20)));
    chart.resources.add(
        ehr.referral("sr", null, true, List.of("R19.0"), null, org(chart.unit), received));
    chart.resources.add(ehr.task("t", "sr", "received", org(chart.unit), received));
  }

  void wrongCheckDigit() {
    var organ = Organ.COLORECTAL;
    var male = random.nextBoolean();
    var invented = chart.people.next(chart.birthDate(organ.minAge, organ.maxAge), male);
    chart.person = invented;
    chart.resources.add(
        ehr.patient(
            InventedPeople.withWrongCheckDigit(invented.identifier()),
            invented.given(),
            invented.family(),
            male,
            invented.born(),
            null,
            1));
    var received = weekdayBefore(today.minusDays(5 + random.nextInt(20)));
    chart.resources.add(
        ehr.referral("sr", "A12A", false, List.of(), null, org(chart.unit), received));
    chart.resources.add(ehr.task("t", "sr", "received", org(chart.unit), received));
  }

  void twoOpenPathways() {
    chart.born(true, 60, 80);
    var first = weekdayBefore(today.minusDays(30 + random.nextInt(20)));
    var second = weekday(first.plusDays(3));
    chart.resources.add(ehr.referral("sr", "A12A", false, List.of(), null, org(chart.unit), first));
    chart.resources.add(ehr.task("t", "sr", "received", org(chart.unit), first));
    chart.resources.add(
        ehr.referral("sr2", "A16", false, List.of(), null, org(chart.unit), second));
    chart.resources.add(ehr.task("t2", "sr2", "received", org(chart.unit), second));
    var attended = weekday(second.plusDays(4));
    chart.resources.add(ehr.encounter("e1", "finished", "AMB", org(chart.unit), attended, 1));
    var decided = weekday(attended.plusDays(8));
    if (chart.happened(decided)) {
      chart.resources.add(ehr.assessment("ci", EhrResources.ICD10, "K57.3", null, decided));
    }
  }

  void surveillanceByHand() {
    var organ = Organ.PROSTATE;
    chart.born(true, 55, 80);
    var received = weekdayBefore(today.minusDays(45 + random.nextInt(60)));
    cancer.refer(organ, received, CancerPathway.Entry.GP_WITH_RECEIPT);
    var here = org(chart.unit);
    var attended = weekday(received.plusDays(3 + random.nextInt(6)));
    chart.resources.add(ehr.encounter("e1", "finished", "AMB", here, attended, 1));
    chart.resources.add(ehr.biopsy("bx", here, weekday(attended.plusDays(2))));
    var decided = weekday(attended.plusDays(10 + random.nextInt(8)));
    chart.resources.add(ehr.encounter("ec", "finished", "AMB", here, decided, 1));
    chart.resources.add(ehr.assessment("ci", EhrResources.ICD10, "C61", "ec", decided));
    var talked = weekday(decided.plusDays(5 + random.nextInt(7)));
    chart.resources.add(ehr.encounter("es", "finished", "AMB", here, talked, 1));
    chart.actions.add(new ManualCode(chart.identifier(), chart.unit, "A16", "FO", talked));
  }

  void mentalHealthNotAssessed() {
    chart.born(random.nextBoolean(), 18, 70);
    var received = weekdayBefore(today.minusDays(1 + random.nextInt(6)));
    chart.resources.add(
        ehr.referral("sr", "D11", false, List.of(), null, org(chart.unit), received));
    chart.resources.add(ehr.task("t", "sr", "received", org(chart.unit), received));
  }
}

package no.forlop.demo;

import static no.forlop.demo.DemoHospital.HISTORY_DAYS;
import static no.forlop.demo.DemoHospital.org;
import static no.forlop.demo.DemoHospital.weekday;
import static no.forlop.demo.DemoHospital.weekdayBefore;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Writes a mental-health or substance-use pathway into a patient's chart, as far as today: the
 * referral received and assessed (the start), the first attendance, and the decision, or an
 * extended assessment followed by a second decision.
 */
final class MentalHealthPathway {

  private final Chart chart;
  private final EhrResources ehr;
  private final Random random;
  private final LocalDate today;

  MentalHealthPathway(Chart chart) {
    this.chart = chart;
    this.ehr = chart.ehr;
    this.random = chart.random;
    this.today = chart.today;
  }

  /**
   * A mental-health or substance-use pathway: referral received, assessed (the start), first
   * attendance, one decision or an extended assessment followed by a second.
   */
  void write(String prefix, int minAge, int maxAge) {
    chart.born(random.nextBoolean(), minAge, maxAge);
    var here = org(chart.unit);
    var received = weekdayBefore(today.minusDays(random.nextInt(HISTORY_DAYS + 10)));
    var written = weekdayBefore(received.minusDays(random.nextInt(5)));
    chart.resources.add(ehr.referral("sr", prefix, false, List.of(), null, here, written));
    chart.resources.add(ehr.task("t", "sr", "received", here, received));
    var assessed = weekday(received.plusDays(2 + random.nextInt(9)));
    if (!chart.happened(assessed)) {
      return;
    }
    chart.resources.add(ehr.task("ta", "sr", "accepted", here, assessed));
    var attended = weekday(assessed.plusDays(chart.interval(prefix.equals("D01") ? 10 : 18)));
    if (!chart.happened(attended)) {
      return;
    }
    var inpatient = prefix.equals("D01") && random.nextInt(100) < 25;
    chart.resources.add(
        ehr.encounter("e1", "finished", inpatient ? "IMP" : "AMB", here, attended, 1));
    var decided = weekday(attended.plusDays(chart.interval(prefix.equals("D01") ? 14 : 35)));
    if (!chart.happened(decided)) {
      return;
    }
    var outcome = mentalHealthOutcome(prefix);
    chart.resources.add(ehr.encounter("ec", "finished", "AMB", here, decided, 1));
    chart.resources.add(
        ehr.assessment("ci", EhrResources.PATHWAY_CODES, code(prefix, outcome), "ec", decided));
    if (!outcome.equals("CU")) {
      return;
    }
    var second = weekday(decided.plusDays(21 + random.nextInt(36)));
    if (!chart.happened(second)) {
      return;
    }
    var next = prefix.equals("D01") ? "CT" : random.nextInt(100) < 75 ? "CP" : "CK";
    chart.resources.add(ehr.encounter("ec2", "finished", "AMB", here, second, 1));
    chart.resources.add(
        ehr.assessment("ci2", EhrResources.PATHWAY_CODES, code(prefix, next), "ec2", second));
  }

  String mentalHealthOutcome(String prefix) {
    int roll = random.nextInt(100);
    if (prefix.equals("D01")) {
      return roll < 55 ? "CT" : roll < 70 ? "CU" : roll < 82 ? "CK" : roll < 92 ? "CI" : "CS";
    }
    return roll < 42
        ? "CP"
        : roll < 62 ? "CU" : roll < 77 ? "CK" : roll < 87 ? "CI" : roll < 94 ? "CA" : "CS";
  }

  /** The outcome as the EHR writes it: with the pathway prefix (D11CP) or without (CP). */
  String code(String prefix, String outcome) {
    return random.nextBoolean() ? prefix + outcome : outcome;
  }
}

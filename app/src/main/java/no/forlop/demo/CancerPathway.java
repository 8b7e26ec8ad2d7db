package no.forlop.demo;

import static no.forlop.demo.DemoHospital.HISTORY_DAYS;
import static no.forlop.demo.DemoHospital.org;
import static no.forlop.demo.DemoHospital.weekday;
import static no.forlop.demo.DemoHospital.weekdayBefore;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import no.forlop.demo.DemoHospital.ManualCode;

/**
 * Writes a cancer pathway into a patient's chart: how the referral arrives, then the work-up and
 * treatment at the chart's current unit from the day the referral was received, as far as today, at
 * the pace and with the findings and treatments typical of the organ ({@link Organ}).
 */
final class CancerPathway {

  private static final List<String> OTHER_CANCERS = List.of("C25.0", "C34.1", "C64", "C67.9");

  private final Chart chart;
  private final EhrResources ehr;
  private final Random random;
  private final LocalDate today;

  CancerPathway(Chart chart) {
    this.chart = chart;
    this.ehr = chart.ehr;
    this.random = chart.random;
    this.today = chart.today;
  }

  /** How a cancer referral arrives. */
  enum Entry {
    /** From a GP, with a receipt Task. */
    GP_WITH_RECEIPT,
    /** From a GP, without a receipt Task (the referral's date is the receipt). */
    GP_WITHOUT_RECEIPT,
    /** Well-founded suspicion arose in the hospital itself (referrer = receiver). */
    IN_HOSPITAL,
    /** Priority PK and the suspected diagnosis, no pathway code (breast). */
    PRIORITY
  }

  Entry entry() {
    int roll = random.nextInt(100);
    return roll < 78
        ? Entry.GP_WITH_RECEIPT
        : roll < 90 ? Entry.GP_WITHOUT_RECEIPT : Entry.IN_HOSPITAL;
  }

  LocalDate received() {
    return weekdayBefore(today.minusDays(random.nextInt(HISTORY_DAYS)));
  }

  void write(Organ organ, LocalDate received, Entry entry) {
    chart.born(chart.sexOf(organ), organ.minAge, organ.maxAge);
    refer(organ, received, entry);
    workUp(organ, received, "");
  }

  void refer(Organ organ, LocalDate received, Entry entry) {
    var code =
        organ.prefix == null ? null : random.nextBoolean() ? organ.prefix + "A" : organ.prefix;
    switch (entry) {
      case GP_WITH_RECEIPT -> {
        var written = weekdayBefore(received.minusDays(random.nextInt(4)));
        // every sixth of Fjordby's patients referred by the demo GP (chosen by id, not by the
        // random draws, so the rest of the demo stays as it was)
        var byDemoGp =
            chart.unit.equals(DemoHospital.FJORDBY)
                && Math.floorMod(ehr.patientId().hashCode(), 6) == 0;
        chart.resources.add(
            byDemoGp
                ? ehr.referral(
                    "sr",
                    code,
                    false,
                    List.of(),
                    DemoHospital.PRACTICE_ID,
                    DemoHospital.GP_HPR,
                    org(chart.unit),
                    written)
                : ehr.referral("sr", code, false, List.of(), null, org(chart.unit), written));
        chart.resources.add(ehr.task("t", "sr", "received", org(chart.unit), received));
        gpAnswers(organ, written);
      }
      case GP_WITHOUT_RECEIPT ->
          chart.resources.add(
              ehr.referral("sr", code, false, List.of(), null, org(chart.unit), received));
      case IN_HOSPITAL ->
          chart.resources.add(
              ehr.referral(
                  "sr", code, false, List.of(), org(chart.unit), org(chart.unit), received));
      case PRIORITY -> {
        chart.resources.add(
            ehr.referral(
                "sr", null, true, List.of(organ.own.get(0)), null, org(chart.unit), received));
        chart.resources.add(ehr.task("t", "sr", "received", org(chart.unit), received));
      }
    }
  }

  /**
   * Required content per pathway the GP page serves (ids of the criteria file's referralContent).
   */
  private static final java.util.Map<Organ, List<String>> REQUIRED_CONTENT =
      java.util.Map.of(
          Organ.COLORECTAL,
          List.of(
              "colorectal-referral-family",
              "colorectal-referral-findings",
              "colorectal-referral-hb",
              "colorectal-referral-occult-blood",
              "colorectal-referral-general"),
          Organ.PROSTATE,
          List.of("prostate-referral-trigger"));

  /**
   * Most GP referrals of the pathways the GP page serves come with the GP's answers (ADR 0044):
   * chosen by the patient's id, not the demo's random draws, so the rest of the demo stays as it
   * was. Two in three have answers; of those, one in four lacks an item of required content. They
   * count on the dashboard's referral quality where the referral names its practice.
   */
  private void gpAnswers(Organ organ, LocalDate written) {
    var items = REQUIRED_CONTENT.get(organ);
    int pick = Math.floorMod(ehr.patientId().hashCode(), 12);
    if (items == null || pick >= 8) {
      return;
    }
    var included = new java.util.LinkedHashMap<String, Boolean>();
    for (int i = 0; i < items.size(); i++) {
      included.put(items.get(i), !(pick < 2 && i == items.size() - 1));
    }
    chart.resources.add(
        ehr.entryCriteriaResponse(
            "qr", "sr", organ.name().toLowerCase(java.util.Locale.ROOT), included, written));
  }

  /**
   * The work-up and treatment at the current unit from the day the referral was received, as far as
   * today: first attendance (a visit, or a CT), maybe another visit and a biopsy, the decision, and
   * the first treatment.
   */
  void workUp(Organ organ, LocalDate start, String tag) {
    var here = org(chart.unit);
    var attended = weekday(start.plusDays(chart.interval(organ.toAttendance)));
    if (!chart.happened(attended)) {
      return;
    }
    if (random.nextInt(100) < 18) {
      chart.resources.add(ehr.imaging("ct" + tag, here, attended));
    } else {
      chart.resources.add(ehr.encounter("e1" + tag, "finished", "AMB", here, attended, 1));
    }
    var decided = weekday(attended.plusDays(chart.interval(organ.toDecision)));
    var visit = weekday(attended.plusDays(2 + random.nextInt(4)));
    if (random.nextInt(100) < 40 && chart.happened(visit) && visit.isBefore(decided)) {
      chart.resources.add(ehr.encounter("e2" + tag, "finished", "AMB", here, visit, 1));
    }
    var biopsy = weekday(attended.plusDays(1 + random.nextInt(4)));
    if (organ != Organ.DIAGNOSTIC
        && random.nextInt(100) < 70
        && chart.happened(biopsy)
        && biopsy.isBefore(decided)) {
      chart.resources.add(ehr.biopsy("bx" + tag, here, biopsy));
    }
    if (!chart.happened(decided)) {
      return;
    }
    var finding = finding(organ);
    chart.resources.add(ehr.encounter("ec" + tag, "finished", "AMB", here, decided, 1));
    chart.resources.add(
        ehr.assessment("ci" + tag, EhrResources.ICD10, finding, "ec" + tag, decided));
    if (!organ.own.contains(finding) || organ == Organ.DIAGNOSTIC) {
      return;
    }
    var treatment = treatment(organ);
    var treated = weekday(decided.plusDays(chart.interval(organ.toTreatment)));
    if (!chart.happened(treated)) {
      return;
    }
    switch (treatment) {
      case SURGERY -> {
        chart.resources.add(ehr.encounter("eop" + tag, "finished", "IMP", here, treated, 1));
        chart.resources.add(ehr.surgery("op" + tag, here, treated));
      }
      case DRUG -> {
        var drug = chart.pick(organ.drugs);
        chart.resources.add(ehr.encounter("ek1" + tag, "finished", "AMB", here, treated, 1));
        chart.resources.add(ehr.drug("ma1" + tag, drug, "ek1" + tag, treated));
        var cycle = weekday(treated.plusDays(21));
        if (chart.happened(cycle)) {
          chart.resources.add(ehr.encounter("ek2" + tag, "finished", "AMB", here, cycle, 1));
          chart.resources.add(ehr.drug("ma2" + tag, drug, "ek2" + tag, cycle));
        }
      }
      case RADIOTHERAPY -> {
        chart.resources.add(ehr.radiotherapy("rt1" + tag, here, treated));
        var next = weekday(treated.plusDays(1));
        if (chart.happened(next)) {
          chart.resources.add(ehr.radiotherapy("rt2" + tag, here, next));
        }
      }
      case SURVEILLANCE, PALLIATIVE -> {
        // decided in a conversation with the patient, which the EHR keeps as text only
        chart.resources.add(ehr.encounter("es" + tag, "finished", "AMB", here, treated, 1));
        chart.actions.add(
            new ManualCode(
                chart.identifier(),
                chart.unit,
                java.util.Objects.requireNonNull(organ.prefix),
                treatment == Organ.Treatment.SURVEILLANCE ? "FO" : "FL",
                treated));
      }
    }
  }

  String finding(Organ organ) {
    int roll = random.nextInt(100);
    if (organ == Organ.DIAGNOSTIC) {
      return roll < 40 ? chart.pick(organ.own) : roll < 80 ? chart.pick(organ.benign) : "Z03.1";
    }
    if (roll < 72) {
      return chart.pick(organ.own);
    }
    if (roll < 82) {
      return chart.pick(organ.benign);
    }
    if (roll < 92) {
      return "Z03.1";
    }
    return organ == Organ.METASTASES ? "C25.0" : chart.pick(OTHER_CANCERS);
  }

  Organ.Treatment treatment(Organ organ) {
    int total = 0;
    for (var weight : organ.treatmentWeights) {
      total += weight;
    }
    int roll = random.nextInt(Math.max(1, total));
    for (int i = 0; i < organ.treatmentWeights.length; i++) {
      roll -= organ.treatmentWeights[i];
      if (roll < 0) {
        return Organ.Treatment.values()[i];
      }
    }
    return Organ.Treatment.SURGERY;
  }
}

package no.forlop.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Invents the EHR history of two health trusts over the last four months, relative to today: each
 * patient's referral, its receipt and assessment, attendances, imaging, biopsies, diagnoses,
 * operations, drugs and radiotherapy, as FHIR R4 NDJSON lines, cut off at today, so that some
 * patients were just referred and others are treated, some intervals are within their norm and
 * others late. A few patients are there to show what goes wrong in real life: referrals without a
 * pathway code, diagnoses without an attendance, an attendance entered in error, codes typed by
 * hand that differ from the EHR, and data the intake must refuse. Deterministic: the same seed,
 * number of patients and day give the same hospital.
 *
 * <p>This class plans which story each patient tells; each patient's {@link Chart} is written by
 * {@link CancerPathway}, {@link MentalHealthPathway} or {@link SpecialStories}.
 */
final class DemoHospital {

  static final String FJORDBY = "910000012";
  static final String NORDVIK = "910000020";
  static final long SEED = 20_261_127L;

  /** How far back the history reaches, in days. */
  static final int HISTORY_DAYS = 125;

  private static final String FJORDBY_ID = "fjordby";
  private static final String NORDVIK_ID = "nordvik";

  /**
   * The invented GP practice Fjordby legesenter and its GP Per Lege (demo user {@code gp}, HPR
   * 9144900): a share of Fjordby's referrals name him (issue 17, ADR 0043).
   */
  static final String PRACTICE = "974600951";

  static final String PRACTICE_ID = "fjordby-legesenter";
  static final String GP_HPR = "9144900";

  /** What a patient's history is there to show. */
  enum Story {
    /** A pathway with a pathway code on the referral, at whatever stage today finds it. */
    REGULAR,
    /** Breast cancer: its code prefix is unknown, so the referral has priority PK and C50. */
    BREAST_BY_PRIORITY,
    /** A referral with priority PK and a suspected diagnosis but no pathway code. */
    PRIORITY_WITHOUT_PATHWAY_CODE,
    /** A diagnosis documented before any attendance was recorded. */
    DECISION_WITHOUT_ATTENDANCE,
    /** The first attendance is later marked entered-in-error (a second version). */
    ATTENDANCE_ENTERED_IN_ERROR,
    /** Worked up at one health trust, then sent to the other for treatment. */
    TRANSFER,
    /** A diagnostic pathway (C01) that ends with the patient's death. */
    DIAGNOSTIC_ENDED_BY_DEATH,
    /** The coordinator moved the start to the day the referral was assessed (against the rules). */
    START_MOVED_TO_ASSESSMENT,
    /** The EHR sent an attendance dated next week as already finished. */
    ATTENDANCE_IN_THE_FUTURE,
    /** A referral with a pathway code the catalogue does not know. */
    UNKNOWN_PATHWAY_CODE,
    /** A PK referral whose suspected diagnosis points to no pathway. */
    PRIORITY_POINTING_NOWHERE,
    /** A Patient whose fødselsnummer has a wrong check digit (the intake refuses it). */
    WRONG_CHECK_DIGIT,
    /** Two cancer pathways open at once, and a diagnosis that belongs to neither. */
    TWO_OPEN_PATHWAYS,
    /** A mental-health referral received but not yet assessed (no pathway yet). */
    MENTAL_HEALTH_NOT_ASSESSED,
    /** Prostate cancer under active surveillance: FO, registered by hand after a conversation. */
    SURVEILLANCE_BY_HAND
  }

  /** What a person did by hand in a pathway, after the EHR's events had been derived. */
  sealed interface PersonAction {
    String identifier();

    String unit();

    String prefix();
  }

  /** A code registered by hand (e.g. FO, surveillance, which the EHR records only as text). */
  record ManualCode(String identifier, String unit, String prefix, String code, LocalDate date)
      implements PersonAction {}

  /** The start code corrected by hand to another date. */
  record CorrectedStart(
      String identifier, String unit, String prefix, LocalDate date, String reason)
      implements PersonAction {}

  /**
   * One invented patient.
   *
   * @param resources the NDJSON lines of the first deliveries
   * @param later second versions and late events, delivered after people have done their part
   */
  record PatientHistory(
      int number,
      Story story,
      String unit,
      List<String> resources,
      List<String> later,
      List<PersonAction> actions) {}

  /** The pathways with a known code prefix that regular patients are in, with their weights. */
  enum Kind {
    COLORECTAL(24),
    PROSTATE(13),
    OVARIAN(5),
    OESOPHAGUS_STOMACH(6),
    SARCOMA(5),
    THYROID(5),
    METASTASES(5),
    DIAGNOSTIC(9),
    MENTAL_HEALTH_ADULTS(16),
    SUBSTANCE_USE(8),
    MENTAL_HEALTH_YOUNG(4);

    final int weight;

    Kind(int weight) {
      this.weight = weight;
    }
  }

  private final LocalDate today;
  private final int size;
  private final Random random;
  private final InventedPeople people;

  DemoHospital(LocalDate today, int size) {
    this.today = today;
    this.size = size;
    this.random = new Random(SEED);
    this.people = new InventedPeople(random);
  }

  /** The two health trusts and the GP practice, as the first lines of every delivery. */
  static String organisations() {
    return EhrResources.organisation(FJORDBY_ID, FJORDBY, "Fjordby sykehus HF")
        + EhrResources.organisation(NORDVIK_ID, NORDVIK, "Nordvik sykehus HF")
        + EhrResources.organisation(PRACTICE_ID, PRACTICE, "Fjordby legesenter");
  }

  /** Every patient's history, in a stable order. */
  List<PatientHistory> generate() {
    var histories = new ArrayList<PatientHistory>();
    var plan = plan();
    for (int i = 0; i < plan.size(); i++) {
      histories.add(new Chart(i + 1, plan.get(i), today, random, people).write());
    }
    return histories;
  }

  /** Which story each patient tells: the few special ones first, then regular pathways. */
  private List<Story> plan() {
    var plan = new ArrayList<Story>();
    add(plan, Story.BREAST_BY_PRIORITY, share(0.06));
    add(plan, Story.TRANSFER, share(0.027));
    add(plan, Story.PRIORITY_WITHOUT_PATHWAY_CODE, share(0.013));
    add(plan, Story.DECISION_WITHOUT_ATTENDANCE, share(0.01));
    add(plan, Story.ATTENDANCE_ENTERED_IN_ERROR, share(0.013));
    add(plan, Story.DIAGNOSTIC_ENDED_BY_DEATH, share(0.01));
    add(plan, Story.START_MOVED_TO_ASSESSMENT, share(0.01));
    add(plan, Story.SURVEILLANCE_BY_HAND, share(0.01));
    add(plan, Story.TWO_OPEN_PATHWAYS, 1);
    add(plan, Story.ATTENDANCE_IN_THE_FUTURE, 1);
    add(plan, Story.UNKNOWN_PATHWAY_CODE, 1);
    add(plan, Story.PRIORITY_POINTING_NOWHERE, 1);
    add(plan, Story.WRONG_CHECK_DIGIT, 1);
    add(plan, Story.MENTAL_HEALTH_NOT_ASSESSED, share(0.007));
    // at least half the patients are regular, whatever the size
    int special = Math.min(plan.size(), size / 2);
    var chosen = new ArrayList<>(plan.subList(0, special));
    while (chosen.size() < size) {
      chosen.add(Story.REGULAR);
    }
    Collections.shuffle(chosen, random);
    return chosen;
  }

  private int share(double fraction) {
    return Math.max(1, (int) Math.round(size * fraction));
  }

  private static void add(List<Story> plan, Story story, int times) {
    for (int i = 0; i < times; i++) {
      plan.add(story);
    }
  }

  /** Hospitals see patients on weekdays: a Saturday or Sunday becomes the Monday after. */
  static LocalDate weekday(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> day.plusDays(2);
      case SUNDAY -> day.plusDays(1);
      default -> day;
    };
  }

  static String org(String unit) {
    return unit.equals(FJORDBY) ? FJORDBY_ID : NORDVIK_ID;
  }

  /** A day in the past on a weekday: a Saturday or Sunday becomes the Friday before. */
  static LocalDate weekdayBefore(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case SATURDAY -> day.minusDays(1);
      case SUNDAY -> day.minusDays(2);
      default -> day;
    };
  }
}

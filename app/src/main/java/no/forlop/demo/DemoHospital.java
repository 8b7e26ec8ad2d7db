package no.forlop.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Invents the EHR history of two health trusts over the last four months, relative to today: each
 * patient's referral, its receipt and assessment, attendances, imaging, biopsies, diagnoses,
 * operations, drugs and radiotherapy, as FHIR R4 NDJSON lines, cut off at today, so that some
 * patients were just referred and others are treated, some intervals are within their norm and
 * others late. A few patients are there to show what goes wrong in real life: referrals without a
 * pathway code, diagnoses without an attendance, an attendance entered in error, codes typed by
 * hand that differ from the EHR, and data the intake must refuse. Deterministic: the same seed,
 * number of patients and day give the same hospital.
 */
final class DemoHospital {

  static final String FJORDBY = "910000012";
  static final String NORDVIK = "910000020";
  static final long SEED = 20_261_127L;

  /** How far back the history reaches, in days. */
  static final int HISTORY_DAYS = 125;

  private static final String FJORDBY_ID = "fjordby";
  private static final String NORDVIK_ID = "nordvik";

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

  /** Treatments, as the EHR records them (surveillance and palliation only as text). */
  enum Treatment {
    SURGERY,
    DRUG,
    RADIOTHERAPY,
    SURVEILLANCE,
    PALLIATIVE
  }

  /**
   * A cancer pathway as the demo needs it: the code on its referrals, the diagnoses that confirm it
   * or not, who gets it, typical days per interval (its norm, or a plausible pace where the
   * catalogue has none), and how it is treated.
   */
  enum Organ {
    COLORECTAL(
        "A12",
        List.of("C18.7", "C18.2", "C18.0", "C20", "C19"),
        List.of("D12.6", "K57.3", "K63.5"),
        null,
        50,
        86,
        9,
        12,
        14,
        new int[] {6, 2, 2, 0, 0},
        List.of("L01BC06", "L01XA03")),
    PROSTATE(
        "A16",
        List.of("C61"),
        List.of("N40", "N41.1"),
        true,
        50,
        85,
        10,
        18,
        21,
        new int[] {4, 2, 3, 2, 0},
        List.of("L02BB03", "L02AE02")),
    OVARIAN(
        "A21",
        List.of("C56", "C57.0"),
        List.of("N83.2", "D27"),
        false,
        40,
        82,
        7,
        14,
        14,
        new int[] {7, 3, 0, 0, 0},
        List.of("L01XA02", "L01CD01")),
    OESOPHAGUS_STOMACH(
        "A32",
        List.of("C16.0", "C16.9", "C15.5"),
        List.of("K25.9", "K22.2"),
        null,
        50,
        86,
        10,
        14,
        14,
        new int[] {4, 5, 1, 0, 0},
        List.of("L01BC02")),
    SARCOMA(
        "A36",
        List.of("C49.2", "C40.2", "C48.0"),
        List.of("D17.2", "D21.2"),
        null,
        25,
        80,
        8,
        21,
        14,
        new int[] {7, 1, 2, 0, 0},
        List.of("L01DB01")),
    THYROID(
        "A37",
        List.of("C73"),
        List.of("E04.1", "D34"),
        null,
        30,
        75,
        10,
        10,
        21,
        new int[] {1, 0, 0, 0, 0},
        List.of()),
    BREAST(
        null,
        List.of("C50.4", "C50.9", "C50.2"),
        List.of("D24", "N60.1"),
        false,
        40,
        82,
        7,
        12,
        13,
        new int[] {7, 3, 0, 0, 0},
        List.of("L01CD01")),
    METASTASES(
        "B01",
        List.of("C78.7", "C79.5", "C77.2", "C80.0"),
        List.of("K76.8", "M81.9"),
        null,
        50,
        86,
        7,
        14,
        14,
        new int[] {0, 6, 2, 0, 2},
        List.of("L01XA01")),
    DIAGNOSTIC(
        "C01",
        List.of("C34.1", "C25.0", "C64", "C80.9"),
        List.of("D50.9", "K29.7", "M35.3"),
        null,
        45,
        88,
        7,
        14,
        0,
        new int[] {0, 0, 0, 0, 0},
        List.of());

    final @Nullable String prefix;
    final List<String> own;
    final List<String> benign;
    final @Nullable Boolean male;
    final int minAge;
    final int maxAge;
    final int toAttendance;
    final int toDecision;
    final int toTreatment;
    final int[] treatmentWeights;
    final List<String> drugs;

    Organ(
        @Nullable String prefix,
        List<String> own,
        List<String> benign,
        @Nullable Boolean male,
        int minAge,
        int maxAge,
        int toAttendance,
        int toDecision,
        int toTreatment,
        int[] treatmentWeights,
        List<String> drugs) {
      this.prefix = prefix;
      this.own = own;
      this.benign = benign;
      this.male = male;
      this.minAge = minAge;
      this.maxAge = maxAge;
      this.toAttendance = toAttendance;
      this.toDecision = toDecision;
      this.toTreatment = toTreatment;
      this.treatmentWeights = treatmentWeights;
      this.drugs = drugs;
    }
  }

  private static final List<String> OTHER_CANCERS = List.of("C25.0", "C34.1", "C64", "C67.9");

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

  /** The two health trusts, as the first lines of every delivery. */
  static String organisations() {
    return EhrResources.organisation(FJORDBY_ID, FJORDBY, "Fjordby sykehus HF")
        + EhrResources.organisation(NORDVIK_ID, NORDVIK, "Nordvik sykehus HF");
  }

  /** Every patient's history, in a stable order. */
  List<PatientHistory> generate() {
    var histories = new ArrayList<PatientHistory>();
    var plan = plan();
    for (int i = 0; i < plan.size(); i++) {
      histories.add(new Chart(i + 1, plan.get(i)).write());
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

  /** One patient's chart, written event by event up to today. */
  private final class Chart {
    private final int number;
    private final Story story;
    private final EhrResources ehr;
    private final List<String> resources = new ArrayList<>();
    private final List<String> later = new ArrayList<>();
    private final List<PersonAction> actions = new ArrayList<>();
    private String unit = FJORDBY;
    private InventedPeople.@Nullable Person person;
    private int slowIntervals;

    Chart(int number, Story story) {
      this.number = number;
      this.story = story;
      this.ehr = new EhrResources("demo-p%04d".formatted(number));
    }

    PatientHistory write() {
      unit = random.nextInt(100) < 72 ? FJORDBY : NORDVIK;
      switch (story) {
        case REGULAR -> regular(kind());
        case BREAST_BY_PRIORITY -> cancer(Organ.BREAST, received(), Entry.PRIORITY);
        case PRIORITY_WITHOUT_PATHWAY_CODE -> priorityWithoutCode();
        case DECISION_WITHOUT_ATTENDANCE -> decisionWithoutAttendance();
        case ATTENDANCE_ENTERED_IN_ERROR -> attendanceEnteredInError();
        case TRANSFER -> transfer();
        case DIAGNOSTIC_ENDED_BY_DEATH -> diagnosticEndedByDeath();
        case START_MOVED_TO_ASSESSMENT -> startMovedToAssessment();
        case ATTENDANCE_IN_THE_FUTURE -> attendanceInTheFuture();
        case UNKNOWN_PATHWAY_CODE -> unknownPathwayCode();
        case PRIORITY_POINTING_NOWHERE -> priorityPointingNowhere();
        case WRONG_CHECK_DIGIT -> wrongCheckDigit();
        case TWO_OPEN_PATHWAYS -> twoOpenPathways();
        case MENTAL_HEALTH_NOT_ASSESSED -> mentalHealthNotAssessed();
        case SURVEILLANCE_BY_HAND -> surveillanceByHand();
      }
      return new PatientHistory(number, story, unit, resources, later, actions);
    }

    // ---------------------------------------------------------------------------- stories

    private Kind kind() {
      int total = 0;
      for (var kind : Kind.values()) {
        total += kind.weight;
      }
      int pick = random.nextInt(total);
      for (var kind : Kind.values()) {
        pick -= kind.weight;
        if (pick < 0) {
          return kind;
        }
      }
      return Kind.COLORECTAL;
    }

    private void regular(Kind kind) {
      switch (kind) {
        case COLORECTAL -> cancer(Organ.COLORECTAL, received(), entry());
        case PROSTATE -> cancer(Organ.PROSTATE, received(), entry());
        case OVARIAN -> cancer(Organ.OVARIAN, received(), entry());
        case OESOPHAGUS_STOMACH -> cancer(Organ.OESOPHAGUS_STOMACH, received(), entry());
        case SARCOMA -> cancer(Organ.SARCOMA, received(), entry());
        case THYROID -> cancer(Organ.THYROID, received(), entry());
        case METASTASES -> cancer(Organ.METASTASES, received(), entry());
        case DIAGNOSTIC -> cancer(Organ.DIAGNOSTIC, received(), entry());
        case MENTAL_HEALTH_ADULTS -> mentalHealth("D11", 18, 75);
        case SUBSTANCE_USE -> mentalHealth("D01", 19, 68);
        case MENTAL_HEALTH_YOUNG -> mentalHealth("D12", 6, 17);
      }
    }

    private void priorityWithoutCode() {
      var male = random.nextBoolean();
      born(male, 50, 85);
      var received = weekdayBefore(today.minusDays(1 + random.nextInt(14)));
      var suspected = male && random.nextBoolean() ? "C61" : "C18.9";
      resources.add(ehr.referral("sr", null, true, List.of(suspected), null, org(unit), received));
      resources.add(ehr.task("t", "sr", "received", org(unit), received));
      var attended = weekday(received.plusDays(3 + random.nextInt(5)));
      if (happened(attended)) {
        resources.add(ehr.encounter("e1", "finished", "AMB", org(unit), attended, 1));
      }
    }

    private void decisionWithoutAttendance() {
      var organ = pick(List.of(Organ.COLORECTAL, Organ.THYROID, Organ.SARCOMA));
      born(sexOf(organ), organ.minAge, organ.maxAge);
      var received = weekdayBefore(today.minusDays(20 + random.nextInt(40)));
      refer(organ, received, Entry.GP_WITH_RECEIPT);
      var decided = weekday(received.plusDays(6 + random.nextInt(10)));
      resources.add(ehr.assessment("ci", EhrResources.ICD10, pick(organ.own), null, decided));
    }

    private void attendanceEnteredInError() {
      var organ = pick(List.of(Organ.COLORECTAL, Organ.THYROID, Organ.SARCOMA));
      born(sexOf(organ), organ.minAge, organ.maxAge);
      var received = weekdayBefore(today.minusDays(14 + random.nextInt(25)));
      refer(organ, received, Entry.GP_WITH_RECEIPT);
      var first = weekday(received.plusDays(2 + random.nextInt(4)));
      resources.add(ehr.encounter("e1", "finished", "AMB", org(unit), first, 1));
      later.add(ehr.encounter("e1", "entered-in-error", "AMB", org(unit), first, 2));
      var next = weekday(first.plusDays(3 + random.nextInt(4)));
      // every other one has a real attendance after the error; the others are back to waiting
      if (number % 2 == 0 && happened(next)) {
        resources.add(ehr.encounter("e2", "finished", "AMB", org(unit), next, 1));
      }
    }

    private void transfer() {
      var organ = pick(List.of(Organ.COLORECTAL, Organ.SARCOMA, Organ.OESOPHAGUS_STOMACH));
      born(sexOf(organ), organ.minAge, organ.maxAge);
      var from = number % 3 == 0 ? FJORDBY : NORDVIK;
      var to = from.equals(FJORDBY) ? NORDVIK : FJORDBY;
      unit = from;
      var received = weekdayBefore(today.minusDays(40 + random.nextInt(75)));
      refer(organ, received, Entry.GP_WITH_RECEIPT);
      var attended = weekday(received.plusDays(interval(organ.toAttendance)));
      if (!happened(attended)) {
        return;
      }
      resources.add(ehr.encounter("e1", "finished", "AMB", org(from), attended, 1));
      var sent = weekday(attended.plusDays(2 + random.nextInt(5)));
      if (!happened(sent)) {
        return;
      }
      resources.add(ehr.referral("sr2", organ.prefix, false, List.of(), org(from), org(to), sent));
      var arrived = weekday(sent.plusDays(1));
      if (!happened(arrived)) {
        return;
      }
      resources.add(ehr.task("t2", "sr2", "received", org(to), arrived));
      unit = to;
      workUp(organ, arrived, "b");
    }

    private void diagnosticEndedByDeath() {
      var organ = Organ.DIAGNOSTIC;
      var male = random.nextBoolean();
      var person = born(male, 70, 92);
      var received = weekdayBefore(today.minusDays(30 + random.nextInt(70)));
      refer(organ, received, Entry.GP_WITH_RECEIPT);
      var attended = weekday(received.plusDays(2 + random.nextInt(6)));
      resources.add(ehr.encounter("e1", "finished", "AMB", org(unit), attended, 1));
      var died = attended.plusDays(4 + random.nextInt(12));
      if (!happened(died)) {
        died = today.minusDays(1);
      }
      later.add(
          ehr.patient(
              person.identifier(), person.given(), person.family(), male, person.born(), died, 2));
    }

    private void startMovedToAssessment() {
      var organ = pick(List.of(Organ.COLORECTAL, Organ.PROSTATE, Organ.SARCOMA));
      born(sexOf(organ), organ.minAge, organ.maxAge);
      var received = weekdayBefore(today.minusDays(25 + random.nextInt(60)));
      refer(organ, received, Entry.GP_WITH_RECEIPT);
      var assessed = weekday(received.plusDays(2 + random.nextInt(3)));
      resources.add(ehr.task("ta", "sr", "accepted", org(unit), assessed));
      var attended = weekday(assessed.plusDays(2 + random.nextInt(5)));
      resources.add(ehr.encounter("e1", "finished", "AMB", org(unit), attended, 1));
      actions.add(
          new CorrectedStart(
              identifier(),
              unit,
              java.util.Objects.requireNonNull(organ.prefix),
              assessed,
              "Startdato satt til dagen henvisningen ble vurdert"));
      // a later visit makes the derivation look at the patient again
      var visit = weekday(attended.plusDays(3));
      later.add(
          ehr.encounter("e9", "finished", "AMB", org(unit), happened(visit) ? visit : attended, 1));
    }

    private void attendanceInTheFuture() {
      var organ = Organ.COLORECTAL;
      born(null, organ.minAge, organ.maxAge);
      var received = weekdayBefore(today.minusDays(3 + random.nextInt(6)));
      refer(organ, received, Entry.GP_WITH_RECEIPT);
      var booked = weekday(today.plusDays(4 + random.nextInt(5)));
      resources.add(ehr.encounter("e1", "finished", "AMB", org(unit), booked, 1));
    }

    private void unknownPathwayCode() {
      born(null, 40, 80);
      var received = weekdayBefore(today.minusDays(5 + random.nextInt(20)));
      resources.add(ehr.referral("sr", "A99A", false, List.of(), null, org(unit), received));
      resources.add(ehr.task("t", "sr", "received", org(unit), received));
    }

    private void priorityPointingNowhere() {
      born(null, 40, 80);
      var received = weekdayBefore(today.minusDays(5 + random.nextInt(20)));
      resources.add(ehr.referral("sr", null, true, List.of("R19.0"), null, org(unit), received));
      resources.add(ehr.task("t", "sr", "received", org(unit), received));
    }

    private void wrongCheckDigit() {
      var organ = Organ.COLORECTAL;
      var male = random.nextBoolean();
      var invented = people.next(birthDate(organ.minAge, organ.maxAge), male);
      person = invented;
      resources.add(
          ehr.patient(
              InventedPeople.withWrongCheckDigit(invented.identifier()),
              invented.given(),
              invented.family(),
              male,
              invented.born(),
              null,
              1));
      var received = weekdayBefore(today.minusDays(5 + random.nextInt(20)));
      resources.add(ehr.referral("sr", "A12A", false, List.of(), null, org(unit), received));
      resources.add(ehr.task("t", "sr", "received", org(unit), received));
    }

    private void twoOpenPathways() {
      born(true, 60, 80);
      var first = weekdayBefore(today.minusDays(30 + random.nextInt(20)));
      var second = weekday(first.plusDays(3));
      resources.add(ehr.referral("sr", "A12A", false, List.of(), null, org(unit), first));
      resources.add(ehr.task("t", "sr", "received", org(unit), first));
      resources.add(ehr.referral("sr2", "A16", false, List.of(), null, org(unit), second));
      resources.add(ehr.task("t2", "sr2", "received", org(unit), second));
      var attended = weekday(second.plusDays(4));
      resources.add(ehr.encounter("e1", "finished", "AMB", org(unit), attended, 1));
      var decided = weekday(attended.plusDays(8));
      if (happened(decided)) {
        resources.add(ehr.assessment("ci", EhrResources.ICD10, "K57.3", null, decided));
      }
    }

    private void surveillanceByHand() {
      var organ = Organ.PROSTATE;
      born(true, 55, 80);
      var received = weekdayBefore(today.minusDays(45 + random.nextInt(60)));
      refer(organ, received, Entry.GP_WITH_RECEIPT);
      var here = org(unit);
      var attended = weekday(received.plusDays(3 + random.nextInt(6)));
      resources.add(ehr.encounter("e1", "finished", "AMB", here, attended, 1));
      resources.add(ehr.biopsy("bx", here, weekday(attended.plusDays(2))));
      var decided = weekday(attended.plusDays(10 + random.nextInt(8)));
      resources.add(ehr.encounter("ec", "finished", "AMB", here, decided, 1));
      resources.add(ehr.assessment("ci", EhrResources.ICD10, "C61", "ec", decided));
      var talked = weekday(decided.plusDays(5 + random.nextInt(7)));
      resources.add(ehr.encounter("es", "finished", "AMB", here, talked, 1));
      actions.add(new ManualCode(identifier(), unit, "A16", "FO", talked));
    }

    private void mentalHealthNotAssessed() {
      born(random.nextBoolean(), 18, 70);
      var received = weekdayBefore(today.minusDays(1 + random.nextInt(6)));
      resources.add(ehr.referral("sr", "D11", false, List.of(), null, org(unit), received));
      resources.add(ehr.task("t", "sr", "received", org(unit), received));
    }

    // ---------------------------------------------------------------------------- pathways

    /** How a cancer referral arrives. */
    private enum Entry {
      /** From a GP, with a receipt Task. */
      GP_WITH_RECEIPT,
      /** From a GP, without a receipt Task (the referral's date is the receipt). */
      GP_WITHOUT_RECEIPT,
      /** Well-founded suspicion arose in the hospital itself (referrer = receiver). */
      IN_HOSPITAL,
      /** Priority PK and the suspected diagnosis, no pathway code (breast). */
      PRIORITY
    }

    private Entry entry() {
      int roll = random.nextInt(100);
      return roll < 78
          ? Entry.GP_WITH_RECEIPT
          : roll < 90 ? Entry.GP_WITHOUT_RECEIPT : Entry.IN_HOSPITAL;
    }

    private LocalDate received() {
      return weekdayBefore(today.minusDays(random.nextInt(HISTORY_DAYS)));
    }

    private void cancer(Organ organ, LocalDate received, Entry entry) {
      born(sexOf(organ), organ.minAge, organ.maxAge);
      refer(organ, received, entry);
      workUp(organ, received, "");
    }

    private void refer(Organ organ, LocalDate received, Entry entry) {
      var code =
          organ.prefix == null ? null : random.nextBoolean() ? organ.prefix + "A" : organ.prefix;
      switch (entry) {
        case GP_WITH_RECEIPT -> {
          var written = weekdayBefore(received.minusDays(random.nextInt(4)));
          resources.add(ehr.referral("sr", code, false, List.of(), null, org(unit), written));
          resources.add(ehr.task("t", "sr", "received", org(unit), received));
        }
        case GP_WITHOUT_RECEIPT ->
            resources.add(ehr.referral("sr", code, false, List.of(), null, org(unit), received));
        case IN_HOSPITAL ->
            resources.add(
                ehr.referral("sr", code, false, List.of(), org(unit), org(unit), received));
        case PRIORITY -> {
          resources.add(
              ehr.referral("sr", null, true, List.of(organ.own.get(0)), null, org(unit), received));
          resources.add(ehr.task("t", "sr", "received", org(unit), received));
        }
      }
    }

    /**
     * The work-up and treatment at the current unit from the day the referral was received, as far
     * as today: first attendance (a visit, or a CT), maybe another visit and a biopsy, the
     * decision, and the first treatment.
     */
    private void workUp(Organ organ, LocalDate start, String tag) {
      var here = org(unit);
      var attended = weekday(start.plusDays(interval(organ.toAttendance)));
      if (!happened(attended)) {
        return;
      }
      if (random.nextInt(100) < 18) {
        resources.add(ehr.imaging("ct" + tag, here, attended));
      } else {
        resources.add(ehr.encounter("e1" + tag, "finished", "AMB", here, attended, 1));
      }
      var decided = weekday(attended.plusDays(interval(organ.toDecision)));
      var visit = weekday(attended.plusDays(2 + random.nextInt(4)));
      if (random.nextInt(100) < 40 && happened(visit) && visit.isBefore(decided)) {
        resources.add(ehr.encounter("e2" + tag, "finished", "AMB", here, visit, 1));
      }
      var biopsy = weekday(attended.plusDays(1 + random.nextInt(4)));
      if (organ != Organ.DIAGNOSTIC
          && random.nextInt(100) < 70
          && happened(biopsy)
          && biopsy.isBefore(decided)) {
        resources.add(ehr.biopsy("bx" + tag, here, biopsy));
      }
      if (!happened(decided)) {
        return;
      }
      var finding = finding(organ);
      resources.add(ehr.encounter("ec" + tag, "finished", "AMB", here, decided, 1));
      resources.add(ehr.assessment("ci" + tag, EhrResources.ICD10, finding, "ec" + tag, decided));
      if (!organ.own.contains(finding) || organ == Organ.DIAGNOSTIC) {
        return;
      }
      var treatment = treatment(organ);
      var treated = weekday(decided.plusDays(interval(organ.toTreatment)));
      if (!happened(treated)) {
        return;
      }
      switch (treatment) {
        case SURGERY -> {
          resources.add(ehr.encounter("eop" + tag, "finished", "IMP", here, treated, 1));
          resources.add(ehr.surgery("op" + tag, here, treated));
        }
        case DRUG -> {
          var drug = pick(organ.drugs);
          resources.add(ehr.encounter("ek1" + tag, "finished", "AMB", here, treated, 1));
          resources.add(ehr.drug("ma1" + tag, drug, "ek1" + tag, treated));
          var cycle = weekday(treated.plusDays(21));
          if (happened(cycle)) {
            resources.add(ehr.encounter("ek2" + tag, "finished", "AMB", here, cycle, 1));
            resources.add(ehr.drug("ma2" + tag, drug, "ek2" + tag, cycle));
          }
        }
        case RADIOTHERAPY -> {
          resources.add(ehr.radiotherapy("rt1" + tag, here, treated));
          var next = weekday(treated.plusDays(1));
          if (happened(next)) {
            resources.add(ehr.radiotherapy("rt2" + tag, here, next));
          }
        }
        case SURVEILLANCE, PALLIATIVE -> {
          // decided in a conversation with the patient, which the EHR keeps as text only
          resources.add(ehr.encounter("es" + tag, "finished", "AMB", here, treated, 1));
          actions.add(
              new ManualCode(
                  identifier(),
                  unit,
                  java.util.Objects.requireNonNull(organ.prefix),
                  treatment == Treatment.SURVEILLANCE ? "FO" : "FL",
                  treated));
        }
      }
    }

    private String finding(Organ organ) {
      int roll = random.nextInt(100);
      if (organ == Organ.DIAGNOSTIC) {
        return roll < 40 ? pick(organ.own) : roll < 80 ? pick(organ.benign) : "Z03.1";
      }
      if (roll < 72) {
        return pick(organ.own);
      }
      if (roll < 82) {
        return pick(organ.benign);
      }
      if (roll < 92) {
        return "Z03.1";
      }
      return organ == Organ.METASTASES ? "C25.0" : pick(OTHER_CANCERS);
    }

    private Treatment treatment(Organ organ) {
      int total = 0;
      for (var weight : organ.treatmentWeights) {
        total += weight;
      }
      int roll = random.nextInt(Math.max(1, total));
      for (int i = 0; i < organ.treatmentWeights.length; i++) {
        roll -= organ.treatmentWeights[i];
        if (roll < 0) {
          return Treatment.values()[i];
        }
      }
      return Treatment.SURGERY;
    }

    /**
     * A mental-health or substance-use pathway: referral received, assessed (the start), first
     * attendance, one decision or an extended assessment followed by a second.
     */
    private void mentalHealth(String prefix, int minAge, int maxAge) {
      born(random.nextBoolean(), minAge, maxAge);
      var here = org(unit);
      var received = weekdayBefore(today.minusDays(random.nextInt(HISTORY_DAYS + 10)));
      var written = weekdayBefore(received.minusDays(random.nextInt(5)));
      resources.add(ehr.referral("sr", prefix, false, List.of(), null, here, written));
      resources.add(ehr.task("t", "sr", "received", here, received));
      var assessed = weekday(received.plusDays(2 + random.nextInt(9)));
      if (!happened(assessed)) {
        return;
      }
      resources.add(ehr.task("ta", "sr", "accepted", here, assessed));
      var attended = weekday(assessed.plusDays(interval(prefix.equals("D01") ? 10 : 18)));
      if (!happened(attended)) {
        return;
      }
      var inpatient = prefix.equals("D01") && random.nextInt(100) < 25;
      resources.add(ehr.encounter("e1", "finished", inpatient ? "IMP" : "AMB", here, attended, 1));
      var decided = weekday(attended.plusDays(interval(prefix.equals("D01") ? 14 : 35)));
      if (!happened(decided)) {
        return;
      }
      var outcome = mentalHealthOutcome(prefix);
      resources.add(ehr.encounter("ec", "finished", "AMB", here, decided, 1));
      resources.add(
          ehr.assessment("ci", EhrResources.PATHWAY_CODES, code(prefix, outcome), "ec", decided));
      if (!outcome.equals("CU")) {
        return;
      }
      var second = weekday(decided.plusDays(21 + random.nextInt(36)));
      if (!happened(second)) {
        return;
      }
      var next = prefix.equals("D01") ? "CT" : random.nextInt(100) < 75 ? "CP" : "CK";
      resources.add(ehr.encounter("ec2", "finished", "AMB", here, second, 1));
      resources.add(
          ehr.assessment("ci2", EhrResources.PATHWAY_CODES, code(prefix, next), "ec2", second));
    }

    private String mentalHealthOutcome(String prefix) {
      int roll = random.nextInt(100);
      if (prefix.equals("D01")) {
        return roll < 55 ? "CT" : roll < 70 ? "CU" : roll < 82 ? "CK" : roll < 92 ? "CI" : "CS";
      }
      return roll < 42
          ? "CP"
          : roll < 62 ? "CU" : roll < 77 ? "CK" : roll < 87 ? "CI" : roll < 94 ? "CA" : "CS";
    }

    /** The outcome as the EHR writes it: with the pathway prefix (D11CP) or without (CP). */
    private String code(String prefix, String outcome) {
      return random.nextBoolean() ? prefix + outcome : outcome;
    }

    // ---------------------------------------------------------------------------- helpers

    private InventedPeople.Person born(@Nullable Boolean male, int minAge, int maxAge) {
      var isMale = male != null ? male : random.nextBoolean();
      var invented = people.next(birthDate(minAge, maxAge), isMale);
      person = invented;
      resources.add(
          ehr.patient(
              invented.identifier(),
              invented.given(),
              invented.family(),
              isMale,
              invented.born(),
              null,
              1));
      return invented;
    }

    private LocalDate birthDate(int minAge, int maxAge) {
      var age = minAge + random.nextInt(maxAge - minAge + 1);
      return today.minusYears(age).minusDays(random.nextInt(365));
    }

    private @Nullable Boolean sexOf(Organ organ) {
      return organ.male;
    }

    private String identifier() {
      return java.util.Objects.requireNonNull(person).identifier();
    }

    /**
     * Days from one milestone to the next: mostly within the norm, about one interval in four late
     * (which is what makes some of today's intervals overdue and some finished ones breached).
     */
    private int interval(int norm) {
      var late = random.nextInt(100) < 27 || (slowIntervals == 0 && number % 7 == 3);
      if (late) {
        slowIntervals++;
        return (int) Math.round(norm * (1.15 + 0.85 * random.nextDouble())) + 1;
      }
      return Math.max(1, (int) Math.round(norm * (0.3 + 0.6 * random.nextDouble())));
    }

    private boolean happened(LocalDate day) {
      return !day.isAfter(today);
    }

    private <T> T pick(List<T> from) {
      return from.get(random.nextInt(from.size()));
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

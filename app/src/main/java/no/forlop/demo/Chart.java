package no.forlop.demo;

import static no.forlop.demo.DemoHospital.FJORDBY;
import static no.forlop.demo.DemoHospital.NORDVIK;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import no.forlop.demo.DemoHospital.Kind;
import no.forlop.demo.DemoHospital.PatientHistory;
import no.forlop.demo.DemoHospital.PersonAction;
import no.forlop.demo.DemoHospital.Story;
import org.jspecify.annotations.Nullable;

/**
 * One patient's chart, written event by event up to today: the resources of the first deliveries,
 * the later ones, and what people did by hand. Which story it tells decides who writes it ({@link
 * CancerPathway}, {@link MentalHealthPathway} or {@link SpecialStories}); all of them draw from the
 * hospital's one random sequence, so the order of the draws is what keeps the hospital the same.
 */
final class Chart {

  final int number;
  final Story story;
  final LocalDate today;
  final Random random;
  final InventedPeople people;
  final EhrResources ehr;
  final List<String> resources = new ArrayList<>();
  final List<String> later = new ArrayList<>();
  final List<PersonAction> actions = new ArrayList<>();

  /** The unit the patient is at now (a transfer moves them). */
  String unit = FJORDBY;

  InventedPeople.@Nullable Person person;
  private int slowIntervals;

  Chart(int number, Story story, LocalDate today, Random random, InventedPeople people) {
    this.number = number;
    this.story = story;
    this.today = today;
    this.random = random;
    this.people = people;
    this.ehr = new EhrResources("demo-p%04d".formatted(number));
  }

  PatientHistory write() {
    unit = random.nextInt(100) < 72 ? FJORDBY : NORDVIK;
    var cancer = new CancerPathway(this);
    var special = new SpecialStories(this, cancer);
    switch (story) {
      case REGULAR -> regular(kind(), cancer);
      case BREAST_BY_PRIORITY ->
          cancer.write(Organ.BREAST, cancer.received(), CancerPathway.Entry.PRIORITY);
      case PRIORITY_WITHOUT_PATHWAY_CODE -> special.priorityWithoutCode();
      case DECISION_WITHOUT_ATTENDANCE -> special.decisionWithoutAttendance();
      case ATTENDANCE_ENTERED_IN_ERROR -> special.attendanceEnteredInError();
      case TRANSFER -> special.transfer();
      case DIAGNOSTIC_ENDED_BY_DEATH -> special.diagnosticEndedByDeath();
      case START_MOVED_TO_ASSESSMENT -> special.startMovedToAssessment();
      case ATTENDANCE_IN_THE_FUTURE -> special.attendanceInTheFuture();
      case UNKNOWN_PATHWAY_CODE -> special.unknownPathwayCode();
      case PRIORITY_POINTING_NOWHERE -> special.priorityPointingNowhere();
      case WRONG_CHECK_DIGIT -> special.wrongCheckDigit();
      case TWO_OPEN_PATHWAYS -> special.twoOpenPathways();
      case MENTAL_HEALTH_NOT_ASSESSED -> special.mentalHealthNotAssessed();
      case SURVEILLANCE_BY_HAND -> special.surveillanceByHand();
    }
    return new PatientHistory(number, story, unit, resources, later, actions);
  }

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

  private void regular(Kind kind, CancerPathway cancer) {
    var mentalHealth = new MentalHealthPathway(this);
    switch (kind) {
      case COLORECTAL -> cancer.write(Organ.COLORECTAL, cancer.received(), cancer.entry());
      case PROSTATE -> cancer.write(Organ.PROSTATE, cancer.received(), cancer.entry());
      case OVARIAN -> cancer.write(Organ.OVARIAN, cancer.received(), cancer.entry());
      case OESOPHAGUS_STOMACH ->
          cancer.write(Organ.OESOPHAGUS_STOMACH, cancer.received(), cancer.entry());
      case SARCOMA -> cancer.write(Organ.SARCOMA, cancer.received(), cancer.entry());
      case THYROID -> cancer.write(Organ.THYROID, cancer.received(), cancer.entry());
      case METASTASES -> cancer.write(Organ.METASTASES, cancer.received(), cancer.entry());
      case DIAGNOSTIC -> cancer.write(Organ.DIAGNOSTIC, cancer.received(), cancer.entry());
      case MENTAL_HEALTH_ADULTS -> mentalHealth.write("D11", 18, 75);
      case SUBSTANCE_USE -> mentalHealth.write("D01", 19, 68);
      case MENTAL_HEALTH_YOUNG -> mentalHealth.write("D12", 6, 17);
    }
  }

  InventedPeople.Person born(@Nullable Boolean male, int minAge, int maxAge) {
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

  LocalDate birthDate(int minAge, int maxAge) {
    var age = minAge + random.nextInt(maxAge - minAge + 1);
    return today.minusYears(age).minusDays(random.nextInt(365));
  }

  @Nullable Boolean sexOf(Organ organ) {
    return organ.male;
  }

  String identifier() {
    return java.util.Objects.requireNonNull(person).identifier();
  }

  /**
   * Days from one milestone to the next: mostly within the norm, about one interval in four late
   * (which is what makes some of today's intervals overdue and some finished ones breached).
   */
  int interval(int norm) {
    var late = random.nextInt(100) < 27 || (slowIntervals == 0 && number % 7 == 3);
    if (late) {
      slowIntervals++;
      return (int) Math.round(norm * (1.15 + 0.85 * random.nextDouble())) + 1;
    }
    return Math.max(1, (int) Math.round(norm * (0.3 + 0.6 * random.nextDouble())));
  }

  boolean happened(LocalDate day) {
    return !day.isAfter(today);
  }

  <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}

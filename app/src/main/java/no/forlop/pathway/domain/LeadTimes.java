package no.forlop.pathway.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import no.forlop.calendar.DayType;
import no.forlop.calendar.WorkingDays;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.IndicatorDefinition;
import no.forlop.catalog.LeadTimeNorm;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.PathwayKind;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.LeadTime.Assumption;
import no.forlop.pathway.LeadTime.NotJudged;
import no.forlop.pathway.LeadTime.Status;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.TrackedMilestone;
import org.jspecify.annotations.Nullable;

/**
 * Understands how long a pathway's intervals took or have taken, and whether that is within the
 * norm in force on the day each interval started. Pure: the as-of date comes in as a parameter.
 *
 * <p>Conventions (docs/glossary.md): calendar days are {@code date(to) − date(from)}; working days
 * are those after {@code from} up to and including {@code to}; an interval is {@code MET} when its
 * days are at most the norm. Only verified norms judge; an interval without one is {@code
 * UNKNOWN_NORM}.
 */
public final class LeadTimes {

  /** The norm variants that are care settings (behandlingsnivå); the others are severities. */
  static final java.util.Set<String> CARE_SETTINGS = java.util.Set.of("OUTPATIENT", "INPATIENT");

  private final Catalogue catalogue;
  private final CodingRules rules;

  public LeadTimes(Catalogue catalogue, CodingRules rules) {
    this.catalogue = catalogue;
    this.rules = rules;
  }

  /**
   * What a pathway tells about which norms apply and which intervals count.
   *
   * @param variant the care setting or severity recorded on the pathway, if any
   * @param attendedSetting the care setting of its first attendance, if known (used for an
   *     indicator whose norms differ by setting when the recorded variant is not one of them)
   * @param decidedElsewhere the instance's treatment rests on a decision taken at the trust that
   *     transferred the patient here
   * @param directTreatmentRight the right to treatment was given directly at the referral
   *     assessment (mental health): the assessment interval is not measured
   */
  public record Basis(
      @Nullable String variant,
      @Nullable String attendedSetting,
      boolean decidedElsewhere,
      boolean directTreatmentRight) {

    /** A pathway with the variant recorded on it (or none) and nothing else to say. */
    public static Basis of(@Nullable String variant) {
      return new Basis(variant, null, false, false);
    }

    /**
     * What a pathway instance tells from the variant recorded on it and its tracked milestones: the
     * setting of its first attendance, whether its treatment rests on a decision taken elsewhere,
     * whether the right to treatment was given directly at the referral assessment.
     */
    public static Basis of(@Nullable String recorded, List<TrackedMilestone> milestones) {
      java.util.function.Predicate<String> has =
          type -> milestones.stream().anyMatch(m -> type.equals(m.type()));
      String attended = null;
      if (has.test(TrackedMilestone.FIRST_ATTENDANCE_INPATIENT)) {
        attended = "INPATIENT";
      } else if (has.test(TrackedMilestone.FIRST_ATTENDANCE_OUTPATIENT)) {
        attended = "OUTPATIENT";
      }
      return new Basis(
          recorded,
          attended,
          has.test(TrackedMilestone.DECIDED_AT_SENDER),
          has.test(TrackedMilestone.DIRECT_TREATMENT_RIGHT));
    }
  }

  /**
   * The intervals that have started, given the registered codes in clinical order.
   *
   * @param variant the pathway's care setting or severity, if known
   */
  public List<LeadTime> measure(
      List<Registration> codes, PathwayState state, @Nullable String variant, LocalDate asOf) {
    return measure(codes, state, asOf, Basis.of(variant));
  }

  /**
   * The intervals that have started; where the instance's treatment rests on a decision taken at
   * the trust that transferred the patient here ({@code decidedElsewhere}) and it has none of its
   * own, the intervals to and from the decision are not judged here: they belong to the sender (and
   * to the patient's whole pathway).
   */
  public List<LeadTime> measure(
      List<Registration> codes,
      PathwayState state,
      @Nullable String variant,
      LocalDate asOf,
      boolean decidedElsewhere) {
    return measure(codes, state, asOf, new Basis(variant, null, decidedElsewhere, false));
  }

  /**
   * The intervals that have started, judged as the pathway's {@link Basis} says: a variant not
   * known never picks a norm where the norms differ by it ({@link LeadTime.NotJudged}), and a
   * pathway given the right to treatment directly at the referral assessment is left out of the
   * assessment interval ({@link Status#EXCLUDED}).
   */
  public List<LeadTime> measure(
      List<Registration> codes, PathwayState state, LocalDate asOf, Basis basis) {
    var result = new ArrayList<LeadTime>();
    var facts = new Facts(codes, rules);
    for (var indicator : catalogue.indicatorsOf(rules.pathway())) {
      if (indicator.repeating()) {
        measureRepeating(indicator, facts, state, basis, asOf, result);
        continue;
      }
      if (basis.decidedElsewhere()
          && facts.all(Milestone.CLINICAL_DECISION).isEmpty()
          && (indicator.from() == Milestone.CLINICAL_DECISION
              || indicator.to() == Milestone.CLINICAL_DECISION)) {
        continue;
      }
      var from = facts.from(indicator.from());
      if (from == null) {
        continue;
      }
      var to = facts.to(indicator.to(), from.date());
      if (to == null && !facts.canStillReach(indicator.to(), state)) {
        continue;
      }
      if (basis.directTreatmentRight() && isAssessment(indicator)) {
        result.add(excluded(indicator, from, to, asOf, NotJudged.DIRECT_TREATMENT_RIGHT));
        continue;
      }
      result.add(interval(indicator, from, to, facts, basis, asOf));
    }
    return result;
  }

  /**
   * The assessment interval of a mental-health or substance-use pathway: from the first attendance
   * to the clinical decision (utredning).
   */
  private boolean isAssessment(IndicatorDefinition indicator) {
    var kind = rules.pathway().kind();
    return (kind == PathwayKind.MENTAL_HEALTH || kind == PathwayKind.SUBSTANCE_USE)
        && indicator.from() == Milestone.FIRST_ATTENDANCE
        && indicator.to() == Milestone.CLINICAL_DECISION;
  }

  /** An interval the pathway is left out of: measured for the page, never judged. */
  private LeadTime excluded(
      IndicatorDefinition indicator,
      Registration from,
      @Nullable Registration to,
      LocalDate asOf,
      NotJudged reason) {
    return unjudged(indicator, null, from, to, asOf, Status.EXCLUDED, null, null, false, reason);
  }

  /**
   * An interval measured in calendar days but not judged: no due date, no norm it is held to
   * ({@code unverifiedDays} and {@code source} only shown).
   */
  private LeadTime unjudged(
      IndicatorDefinition indicator,
      @Nullable String treatment,
      Registration from,
      @Nullable Registration to,
      LocalDate asOf,
      Status status,
      @Nullable Integer unverifiedDays,
      @Nullable String source,
      boolean delayed,
      @Nullable NotJudged reason) {
    var end = to == null ? asOf : to.date();
    var days = WorkingDays.count(from.date(), end, DayType.CALENDAR);
    return new LeadTime(
        indicator.id(),
        treatment,
        from.date(),
        to == null ? null : to.date(),
        to == null ? null : days,
        to == null ? days : null,
        null,
        DayType.CALENDAR,
        null,
        status,
        unverifiedDays,
        source,
        null,
        delayed,
        catalogue.version(),
        reason);
  }

  private void measureRepeating(
      IndicatorDefinition indicator,
      Facts facts,
      PathwayState state,
      Basis basis,
      LocalDate asOf,
      List<LeadTime> result) {
    var points = facts.all(indicator.to());
    for (int i = 0; i < points.size(); i++) {
      var from = points.get(i);
      var to = i + 1 < points.size() ? points.get(i + 1) : null;
      if (to == null && !state.isOpen()) {
        continue;
      }
      result.add(interval(indicator, from, to, facts, basis, asOf));
    }
  }

  private LeadTime interval(
      IndicatorDefinition indicator,
      Registration from,
      @Nullable Registration to,
      Facts facts,
      Basis basis,
      LocalDate asOf) {
    var treatment =
        indicator.perTreatment() && to != null
            ? rules.definitionOf(to.code()).map(CodeDefinition::treatment).orElse(null)
            : null;
    var all =
        catalogue.normsFor(rules.pathway(), indicator.id(), from.date()).stream()
            .filter(n -> n.appliesTo(treatment, null))
            .toList();
    var variant = variantFor(all, basis);
    var candidates = all.stream().filter(n -> n.appliesTo(treatment, variant)).toList();
    var usable = candidates.stream().filter(LeadTimeNorm::usable).toList();
    var end = to == null ? asOf : to.date();
    var delayed = facts.patientDelayBetween(from.date(), end);
    var version = catalogue.version();
    if (usable.isEmpty()) {
      var unverified =
          candidates.stream()
              .filter(n -> n.days() != null)
              .min(Comparator.comparing(LeadTimeNorm::days));
      return unjudged(
          indicator,
          treatment,
          from,
          to,
          asOf,
          Status.UNKNOWN_NORM,
          unverified.map(LeadTimeNorm::days).orElse(null),
          unverified.map(LeadTimeNorm::source).orElse(null),
          delayed,
          null);
    }
    var notJudged = variantNotKnown(variant, usable);
    var fromAttendance = variant != null && !variant.equals(basis.variant());
    if (notJudged != null) {
      return unjudged(
          indicator,
          treatment,
          from,
          to,
          asOf,
          Status.UNKNOWN_NORM,
          null,
          null,
          delayed,
          notJudged);
    }
    var norm =
        usable.stream()
            .min(
                Comparator.comparing(
                    (LeadTimeNorm n) -> WorkingDays.due(from.date(), n.days(), n.dayType())))
            .orElseThrow();
    var assumption = assumption(indicator, treatment, fromAttendance, usable);
    var due = WorkingDays.due(from.date(), norm.days(), norm.dayType());
    var days = WorkingDays.count(from.date(), end, norm.dayType());
    Status status;
    if (to != null) {
      status = days <= norm.days() ? Status.MET : Status.BREACHED;
    } else {
      status = asOf.isAfter(due) ? Status.OVERDUE : Status.RUNNING;
    }
    return new LeadTime(
        indicator.id(),
        treatment,
        from.date(),
        to == null ? null : to.date(),
        to == null ? null : days,
        to == null ? days : null,
        norm.days(),
        norm.dayType(),
        due,
        status,
        null,
        norm.source(),
        assumption,
        delayed,
        version);
  }

  private static @Nullable Assumption assumption(
      IndicatorDefinition indicator,
      @Nullable String treatment,
      boolean fromAttendance,
      List<LeadTimeNorm> usable) {
    var distinct = usable.stream().map(LeadTimeNorm::days).distinct().count() > 1;
    if (indicator.perTreatment() && treatment == null && distinct) {
      return Assumption.SHORTEST_NORM_TREATMENT_NOT_KNOWN;
    }
    var byVariant = usable.stream().anyMatch(n -> n.variant() != null);
    if (byVariant && fromAttendance) {
      return Assumption.SETTING_OF_FIRST_ATTENDANCE;
    }
    return null;
  }

  /**
   * The variant an indicator's norms are picked by: the one recorded on the pathway where the norms
   * have it, else the setting of the first attendance where they have that, else none. (A pathway
   * may record a severity while its other norms differ by care setting.)
   */
  private static @Nullable String variantFor(List<LeadTimeNorm> norms, Basis basis) {
    var variants = norms.stream().map(LeadTimeNorm::variant).filter(v -> v != null).toList();
    if (variants.isEmpty()) {
      return basis.variant();
    }
    if (basis.variant() != null && variants.contains(basis.variant())) {
      return basis.variant();
    }
    if (basis.attendedSetting() != null && variants.contains(basis.attendedSetting())) {
      return basis.attendedSetting();
    }
    return null;
  }

  /**
   * Why no norm can be picked: the verified norms differ by variant and the pathway's is not known.
   * An unknown care setting never silently picks a norm (the shortest one would judge an outpatient
   * assessment by the inpatient norm).
   */
  private static @Nullable NotJudged variantNotKnown(
      @Nullable String variant, List<LeadTimeNorm> usable) {
    if (variant != null) {
      return null;
    }
    var byVariant = usable.stream().filter(n -> n.variant() != null).toList();
    var differ = usable.stream().map(LeadTimeNorm::days).distinct().count() > 1;
    if (byVariant.isEmpty() || !differ) {
      return null;
    }
    return byVariant.stream().allMatch(n -> CARE_SETTINGS.contains(n.variant()))
        ? NotJudged.CARE_SETTING_NOT_RECORDED
        : NotJudged.SEVERITY_NOT_RECORDED;
  }

  /** The milestones of a pathway, read from its registered codes. */
  private static final class Facts {
    private final List<Registration> codes;
    private final CodingRules rules;

    Facts(List<Registration> codes, CodingRules rules) {
      this.codes = codes;
      this.rules = rules;
    }

    List<Registration> all(Milestone milestone) {
      return codes.stream().filter(r -> r.code().milestone() == milestone).toList();
    }

    private Optional<CodeDefinition> definition(Registration r) {
      return rules.definitionOf(r.code());
    }

    /** Where an interval starts: a decision starts one only if treatment may follow it. */
    @Nullable Registration from(Milestone milestone) {
      if (milestone == Milestone.CLINICAL_DECISION) {
        return all(milestone).stream()
            .filter(r -> definition(r).map(CodeDefinition::permitsTreatment).orElse(false))
            .findFirst()
            .orElse(null);
      }
      return all(milestone).stream().findFirst().orElse(null);
    }

    @Nullable Registration to(Milestone milestone, LocalDate from) {
      return all(milestone).stream().filter(r -> !r.date().isBefore(from)).findFirst().orElse(null);
    }

    /**
     * Whether an open interval can still end: not if the pathway has ended or its decision rules
     * the end out.
     */
    boolean canStillReach(Milestone milestone, PathwayState state) {
      if (!state.isOpen()) {
        return false;
      }
      if (milestone == Milestone.FIRST_ATTENDANCE && state == PathwayState.IN_TREATMENT) {
        // treatment has started without a first attendance here (e.g. after a transfer for
        // treatment): the work-up interval can no longer end in this instance
        return false;
      }
      if (milestone == Milestone.TREATMENT_START || milestone == Milestone.EVALUATION) {
        var decisions = all(Milestone.CLINICAL_DECISION);
        if (decisions.isEmpty()) {
          return true;
        }
        var last = definition(decisions.get(decisions.size() - 1));
        return last.map(d -> d.permitsTreatment() || d.permitsFurtherDecision()).orElse(false);
      }
      return true;
    }

    boolean patientDelayBetween(LocalDate from, LocalDate to) {
      return all(Milestone.PATIENT_DELAY).stream()
          .anyMatch(r -> !r.date().isBefore(from) && !r.date().isAfter(to));
    }
  }
}

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
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.LeadTime.Assumption;
import no.forlop.pathway.LeadTime.Status;
import no.forlop.pathway.PathwayState;
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

  private final Catalogue catalogue;
  private final CodingRules rules;

  public LeadTimes(Catalogue catalogue, CodingRules rules) {
    this.catalogue = catalogue;
    this.rules = rules;
  }

  /**
   * The intervals that have started, given the registered codes in clinical order.
   *
   * @param variant the pathway's care setting or severity, if known
   */
  public List<LeadTime> measure(
      List<Registration> codes, PathwayState state, @Nullable String variant, LocalDate asOf) {
    return measure(codes, state, variant, asOf, false);
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
    var result = new ArrayList<LeadTime>();
    var facts = new Facts(codes, rules);
    for (var indicator : catalogue.indicatorsOf(rules.pathway())) {
      if (indicator.repeating()) {
        measureRepeating(indicator, facts, state, variant, asOf, result);
        continue;
      }
      if (decidedElsewhere
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
      result.add(interval(indicator, from, to, facts, variant, asOf));
    }
    return result;
  }

  private void measureRepeating(
      IndicatorDefinition indicator,
      Facts facts,
      PathwayState state,
      @Nullable String variant,
      LocalDate asOf,
      List<LeadTime> result) {
    var points = facts.all(indicator.to());
    for (int i = 0; i < points.size(); i++) {
      var from = points.get(i);
      var to = i + 1 < points.size() ? points.get(i + 1) : null;
      if (to == null && !state.isOpen()) {
        continue;
      }
      result.add(interval(indicator, from, to, facts, variant, asOf));
    }
  }

  private LeadTime interval(
      IndicatorDefinition indicator,
      Registration from,
      @Nullable Registration to,
      Facts facts,
      @Nullable String variant,
      LocalDate asOf) {
    var treatment =
        indicator.perTreatment() && to != null
            ? rules.definitionOf(to.code()).map(CodeDefinition::treatment).orElse(null)
            : null;
    var candidates =
        catalogue.normsFor(rules.pathway(), indicator.id(), from.date()).stream()
            .filter(n -> n.appliesTo(treatment, variant))
            .toList();
    var usable = candidates.stream().filter(LeadTimeNorm::usable).toList();
    var end = to == null ? asOf : to.date();
    var delayed = facts.patientDelayBetween(from.date(), end);
    var version = catalogue.version();
    if (usable.isEmpty()) {
      var unverified =
          candidates.stream()
              .filter(n -> n.days() != null)
              .min(Comparator.comparing(LeadTimeNorm::days));
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
          Status.UNKNOWN_NORM,
          unverified.map(LeadTimeNorm::days).orElse(null),
          unverified.map(LeadTimeNorm::source).orElse(null),
          null,
          delayed,
          version);
    }
    var norm =
        usable.stream()
            .min(
                Comparator.comparing(
                    (LeadTimeNorm n) -> WorkingDays.due(from.date(), n.days(), n.dayType())))
            .orElseThrow();
    var assumption = assumption(indicator, treatment, variant, usable);
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
      @Nullable String variant,
      List<LeadTimeNorm> usable) {
    var distinct = usable.stream().map(LeadTimeNorm::days).distinct().count() > 1;
    if (!distinct) {
      return null;
    }
    if (indicator.perTreatment() && treatment == null) {
      return Assumption.SHORTEST_NORM_TREATMENT_NOT_KNOWN;
    }
    if (variant == null) {
      return Assumption.SHORTEST_NORM_VARIANT_NOT_KNOWN;
    }
    return null;
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

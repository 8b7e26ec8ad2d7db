package no.forlop.coding.domain;

import static no.forlop.coding.domain.DerivationContext.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import no.forlop.calendar.WorkingDays;
import no.forlop.catalog.Milestone;
import no.forlop.coding.ClinicalEvent.Attendance;
import no.forlop.coding.ClinicalEvent.PlannedAppointment;
import no.forlop.pathway.CodeState;
import org.jspecify.annotations.Nullable;

/**
 * Rule family: patient delays (pasientutsatt) in mental health, proposed ({@code
 * MH-PATIENT-DELAY}): an appointment the patient cancelled or missed while a lead time was running,
 * when the next appointment attended or booked is more than the limit of working days later. Dated
 * the missed appointment; each next appointment answers for one delay.
 */
final class PatientDelays {

  private record Activity(LocalDate date, String source) {}

  private final DerivationContext context;
  private final WorkUp workUp;

  PatientDelays(DerivationContext context, WorkUp workUp) {
    this.context = context;
    this.workUp = workUp;
  }

  void patientDelays(DraftInstance instance) {
    var def = context.code(instance, Milestone.PATIENT_DELAY, null);
    if (instance.pathway.kind().isCancer() || def.isEmpty()) {
      return;
    }
    var rule = RuleId.MH_PATIENT_DELAY;
    var missedStatuses = context.parameter(rule, "missedStatuses");
    var cancelledStatuses = context.parameter(rule, "cancelledStatuses");
    var reasonSystems = context.parameter(rule, "cancellationReasonSystems");
    var patientReasons = context.parameter(rule, "patientReasons");
    var limit = Long.parseLong(context.single(rule, "moreThanWorkingDays"));
    var appointments =
        context.facts.all(PlannedAppointment.class).stream()
            .filter(a -> a.start() != null)
            .sorted(
                Comparator.comparing((PlannedAppointment a) -> Objects.requireNonNull(a.start()))
                    .thenComparing(a -> a.source().key()))
            .toList();
    var answered = new HashSet<String>();
    for (var missed : appointments) {
      var byPatient =
          missedStatuses.contains(missed.status())
              || (cancelledStatuses.contains(missed.status())
                  && missed.cancellationReasons().stream()
                      .anyMatch(
                          c ->
                              reasonSystems.contains(c.system())
                                  && patientReasons.contains(c.code())));
      var on = date(Objects.requireNonNull(missed.start()));
      if (!byPatient || !belongsTo(missed, on, instance) || !intervalRunning(instance, on)) {
        continue;
      }
      var next = nextActivity(instance, on);
      if (next == null) {
        continue;
      }
      var delay = WorkingDays.between(on, next.date());
      if (delay <= limit || !answered.add(next.source())) {
        continue;
      }
      var inputs = new LinkedHashMap<String, String>();
      inputs.put("missedOn", on.toString());
      inputs.put("status", missed.status());
      missed.cancellationReasons().stream()
          .filter(c -> reasonSystems.contains(c.system()))
          .findFirst()
          .ifPresent(c -> inputs.put("cancellationReason", c.code()));
      inputs.put("nextOn", next.date().toString());
      inputs.put("workingDays", Long.toString(delay));
      instance.add(
          new DerivationResult.Code(
              def.get().key(),
              Milestone.PATIENT_DELAY,
              on,
              CodeState.PROPOSED,
              rule.id(),
              List.of(missed.source().display(), next.source()),
              inputs,
              null,
              DerivationNote.PATIENT_DELAY.with(on, delay)));
    }
  }

  /** The next appointment attended or booked in the pathway after a day, if any. */
  private @Nullable Activity nextActivity(DraftInstance instance, LocalDate after) {
    var nextStatuses = context.parameter(RuleId.MH_PATIENT_DELAY, "nextStatuses");
    var candidates = new ArrayList<Activity>();
    for (var a : context.facts.all(PlannedAppointment.class)) {
      if (a.start() == null || !nextStatuses.contains(a.status())) {
        continue;
      }
      var on = date(a.start());
      if (on.isAfter(after) && belongsTo(a, on, instance)) {
        candidates.add(new Activity(on, a.source().display()));
      }
    }
    for (var a : context.facts.all(Attendance.class)) {
      var on = date(a.start());
      if (workUp.visit(a).isPresent()
          && context.organisationsOf(a.organisations()).contains(instance.organisation)
          && on.isAfter(after)
          && instance.covers(on)) {
        candidates.add(new Activity(on, a.source().display()));
      }
    }
    return candidates.stream()
        .min(Comparator.comparing(Activity::date).thenComparing(Activity::source))
        .orElse(null);
  }

  /** Whether an appointment is this pathway's: by its referral, else the pathway open then. */
  private boolean belongsTo(PlannedAppointment appointment, LocalDate on, DraftInstance instance) {
    if (!instance.covers(on)) {
      return false;
    }
    var byReferral = context.byReferral(appointment.referral());
    if (byReferral.isPresent()) {
      return byReferral.get() == instance;
    }
    return context.attribute(on, null, List.of()).instance() == instance;
  }

  /**
   * Whether a lead time is running on a day: before any decision, or after one that leads on (to
   * treatment and its evaluations, or to extended assessment).
   */
  private boolean intervalRunning(DraftInstance instance, LocalDate on) {
    var last =
        instance.decisions.stream()
            .filter(d -> !d.date().isAfter(on))
            .reduce((first, second) -> second);
    return last.isEmpty()
        || context.permits(
            instance, last.get(), d -> d.permitsTreatment() || d.permitsFurtherDecision());
  }
}

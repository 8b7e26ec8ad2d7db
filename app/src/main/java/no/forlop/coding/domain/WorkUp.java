package no.forlop.coding.domain;

import static no.forlop.coding.domain.DerivationContext.date;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import no.forlop.catalog.Milestone;
import no.forlop.coding.ClinicalEvent.Attendance;
import no.forlop.coding.ClinicalEvent.ProcedurePerformed;
import no.forlop.coding.domain.DerivationResult.TrackedMilestone;
import no.forlop.pathway.CodeState;
import no.forlop.terminology.domain.Coding;
import no.forlop.terminology.domain.Concept;
import no.forlop.terminology.domain.ConceptMatch;

/**
 * Rule family: work-up. The first attendance at the unit after the start, a visit ({@code
 * FIRST-ATTENDANCE-ENCOUNTER}) or, where the pathway kind allows, imaging ({@code
 * FIRST-ATTENDANCE-IMAGING}); and the first biopsy, a tracked milestone ({@code BIOPSY-TAKEN}).
 */
final class WorkUp {

  /** HL7's code system of Encounter.class, read when the EHR gives the class without a system. */
  static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  private final DerivationContext context;

  WorkUp(DerivationContext context) {
    this.context = context;
  }

  void firstAttendance(DraftInstance instance) {
    var imagingIgnored = context.parameter(RuleId.FIRST_ATTENDANCE_IMAGING, "ignoredStatuses");
    var imagingCounts =
        context
            .parameter(RuleId.FIRST_ATTENDANCE_IMAGING, "pathwayKinds")
            .contains(instance.pathway.kind().name());
    Predicate<Attendance> counts =
        a ->
            switch (a.kind()) {
              case ENCOUNTER -> visit(a).isPresent();
              case IMAGING -> imagingCounts && !imagingIgnored.contains(a.status());
            };
    var first =
        context.facts.all(Attendance.class).stream()
            .filter(counts)
            .filter(a -> context.organisationsOf(a.organisations()).contains(instance.organisation))
            .filter(a -> instance.covers(date(a.start())))
            .min(Comparator.comparing(Attendance::start).thenComparing(a -> a.source().key()));
    if (first.isEmpty()) {
      return;
    }
    var attendance = first.get();
    var rule =
        attendance.kind() == Attendance.Kind.IMAGING
            ? RuleId.FIRST_ATTENDANCE_IMAGING
            : RuleId.FIRST_ATTENDANCE_ENCOUNTER;
    context
        .code(instance, Milestone.FIRST_ATTENDANCE, null)
        .ifPresent(
            def ->
                instance.add(
                    new DerivationResult.Code(
                        def.key(),
                        Milestone.FIRST_ATTENDANCE,
                        date(attendance.start()),
                        CodeState.REGISTERED,
                        rule.id(),
                        List.of(attendance.source().display()),
                        attendanceInputs(attendance),
                        null,
                        null)));
    careSetting(instance, attendance);
  }

  /**
   * Mental health: the care setting of the first attendance, as the EHR records it in the
   * encounter's class ({@code MH-FIRST-ATTENDANCE-INPATIENT}, {@code
   * MH-FIRST-ATTENDANCE-OUTPATIENT}); the lead-time engine takes the norm of that setting when the
   * pathway records none. A class neither rule lists (e.g. {@code HH}, {@code VR}) tells nothing.
   */
  private void careSetting(DraftInstance instance, Attendance attendance) {
    if (instance.pathway.kind().isCancer() || attendance.attendanceClass() == null) {
      return;
    }
    for (var rule :
        List.of(RuleId.MH_FIRST_ATTENDANCE_INPATIENT, RuleId.MH_FIRST_ATTENDANCE_OUTPATIENT)) {
      if (context.parameter(rule, "classes").contains(attendance.attendanceClass())) {
        instance.milestones.add(
            new TrackedMilestone(
                rule == RuleId.MH_FIRST_ATTENDANCE_INPATIENT
                    ? no.forlop.pathway.TrackedMilestone.FIRST_ATTENDANCE_INPATIENT
                    : no.forlop.pathway.TrackedMilestone.FIRST_ATTENDANCE_OUTPATIENT,
                date(attendance.start()),
                rule.id(),
                List.of(attendance.source().display())));
        return;
      }
    }
  }

  /**
   * Whether an encounter is a visit that counts as first attendance (rule {@code
   * FIRST-ATTENDANCE-ENCOUNTER}): a status it lists, and its class or one of its types means {@code
   * FIRST_ATTENDANCE} while none of them is one the hospital's map says is not (a telephone
   * consultation of class AMB); the match, for the trace.
   */
  Optional<ConceptMatch> visit(Attendance a) {
    var statuses = context.parameter(RuleId.FIRST_ATTENDANCE_ENCOUNTER, "statuses");
    if (a.kind() != Attendance.Kind.ENCOUNTER || !statuses.contains(a.status())) {
      return Optional.empty();
    }
    var codes = visitCodes(a);
    var concepts =
        context.parameter(RuleId.FIRST_ATTENDANCE_ENCOUNTER, "concepts").stream()
            .map(Concept::valueOf)
            .toList();
    if (concepts.stream().anyMatch(concept -> context.terminology.excludes(codes, concept))) {
      return Optional.empty();
    }
    return context.terminology.match(codes, Set.copyOf(concepts));
  }

  /** The class of an encounter (HL7 v3 ActCode when the EHR gives no system) and its types. */
  private static List<Coding> visitCodes(Attendance a) {
    var codes = new ArrayList<Coding>();
    if (a.attendanceClass() != null) {
      codes.add(new Coding(V3_ACT_CODE, a.attendanceClass()));
    }
    a.types().forEach(t -> codes.add(new Coding(t.system(), t.code())));
    return codes;
  }

  /** The trace of a first attendance: its kind, class and, for a visit, the concept's match. */
  private Map<String, String> attendanceInputs(Attendance attendance) {
    var inputs = new LinkedHashMap<String, String>();
    inputs.put("kind", attendance.kind().name());
    if (attendance.attendanceClass() != null) {
      inputs.put("class", attendance.attendanceClass());
    }
    visit(attendance).ifPresent(match -> inputs.putAll(match.inputs()));
    return inputs;
  }

  void biopsy(DraftInstance instance) {
    var statuses = context.parameter(RuleId.BIOPSY_TAKEN, "statuses");
    // a tracked milestone has no proposal: only a verified mapping (or the hospital's) counts
    context.facts.all(ProcedurePerformed.class).stream()
        .filter(p -> statuses.contains(p.status()))
        .filter(
            p ->
                context
                    .conceptMatch(p.codes(), RuleId.BIOPSY_TAKEN, "concepts")
                    .filter(ConceptMatch::verified)
                    .isPresent())
        .filter(
            p ->
                context.attribute(date(p.performed()), p.encounter(), p.performers()).instance()
                    == instance)
        .min(Comparator.comparing(ProcedurePerformed::performed))
        .ifPresent(
            p ->
                instance.milestones.add(
                    new TrackedMilestone(
                        "BIOPSY",
                        date(p.performed()),
                        RuleId.BIOPSY_TAKEN.id(),
                        List.of(p.source().display()))));
  }
}

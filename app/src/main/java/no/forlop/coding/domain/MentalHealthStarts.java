package no.forlop.coding.domain;

import static no.forlop.coding.domain.DerivationContext.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.coding.ClinicalEvent.Attendance;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.domain.DerivationResult.TrackedMilestone;
import no.forlop.coding.domain.Starts.Start;
import no.forlop.pathway.CodeState;
import org.jspecify.annotations.Nullable;

/**
 * Rule family: the start of a mental-health or substance-use pathway. On receipt for referrals
 * received until the day the hospital sets ({@code MH-START-RECEIVED}, the 2019 rule), else when
 * the referral assessment is completed ({@code MH-START-ASSESSED}), or, after emergency care (ØH),
 * on the day the unit's own referral decided on further care ({@code MH-START-EMERGENCY}).
 */
final class MentalHealthStarts {

  private final DerivationContext context;

  MentalHealthStarts(DerivationContext context) {
    this.context = context;
  }

  @Nullable Start start(
      Referral referral,
      PathwayDefinition pathway,
      String performer,
      @Nullable String requester,
      CodeState state) {
    var sources = new ArrayList<String>(List.of(referral.source().display()));
    var inputs = new LinkedHashMap<String, String>();
    // the original 2019 rule (start on receipt), for referrals received until the day the
    // hospital sets: the date the rule changed is not known, so it is a setting
    var until = context.parameter(RuleId.MH_START_RECEIVED, "until");
    if (!until.get(0).equals("none")) {
      var received =
          context.earliestTask(
              referral, performer, context.parameter(RuleId.MH_START_RECEIVED, "taskStatuses"));
      if (received != null && !date(received.authoredOn()).isAfter(LocalDate.parse(until.get(0)))) {
        sources.add(received.source().display());
        inputs.put("receivedOn", date(received.authoredOn()).toString());
        inputs.put("receiptRuleUntil", until.get(0));
        return new Start(
            referral,
            pathway,
            performer,
            requester,
            date(received.authoredOn()),
            RuleId.MH_START_RECEIVED,
            sources,
            inputs,
            StartBasis.REFERRAL_RECEIVED,
            state);
      }
    }
    var statuses = context.parameter(RuleId.MH_START_ASSESSED, "taskStatuses");
    var accepted = context.earliestTask(referral, performer, statuses);
    if (accepted == null) {
      // after emergency care (ØH): the unit's own referral is the decision that further
      // work-up or treatment is needed, and the start is dated that decision
      var emergency = performer.equals(requester) ? emergencyBefore(referral, performer) : null;
      if (emergency == null) {
        return null;
      }
      sources.add(emergency.source().display());
      inputs.put("emergencyCareOn", date(emergency.start()).toString());
      inputs.put("decidedOn", date(referral.authoredOn()).toString());
      return new Start(
          referral,
          pathway,
          performer,
          requester,
          date(referral.authoredOn()),
          RuleId.MH_START_EMERGENCY,
          sources,
          inputs,
          StartBasis.EMERGENCY_DECISION,
          state);
    }
    sources.add(accepted.source().display());
    inputs.put("assessedOn", date(accepted.authoredOn()).toString());
    return new Start(
        referral,
        pathway,
        performer,
        requester,
        date(accepted.authoredOn()),
        RuleId.MH_START_ASSESSED,
        sources,
        inputs,
        StartBasis.REFERRAL_ASSESSED,
        state);
  }

  /**
   * Whether the right to treatment was given directly at the referral assessment ({@code
   * MH-DIRECT-TREATMENT-RIGHT}): the assessment {@code Task} of the instance's referral at its
   * organisation, with a status the rule lists, whose {@code businessStatus} carries one of the
   * rule's {@code outcomeCodes}. Tracked on the instance, dated the assessment: the pathway then
   * has no assessment phase, and NPR leaves it out of the assessment interval.
   */
  void directTreatmentRight(DraftInstance instance) {
    if (instance.pathway.kind().isCancer()) {
      return;
    }
    var statuses = context.parameter(RuleId.MH_DIRECT_TREATMENT_RIGHT, "taskStatuses");
    var outcomes = context.parameter(RuleId.MH_DIRECT_TREATMENT_RIGHT, "outcomeCodes");
    var referral = instance.start.referral();
    context.facts.all(ReferralTask.class).stream()
        .filter(t -> t.focus().equals(referral.source().key()))
        .filter(t -> statuses.contains(t.status()))
        .filter(
            t ->
                t.owner() == null
                    || instance.organisation.equals(context.facts.organisationNumber(t.owner())))
        .filter(
            t ->
                t.outcomes().stream().anyMatch(c -> outcomes.contains(c.system() + "|" + c.code())))
        .min(Comparator.comparing(ReferralTask::authoredOn).thenComparing(t -> t.source().key()))
        .ifPresent(
            t ->
                instance.milestones.add(
                    new TrackedMilestone(
                        no.forlop.pathway.TrackedMilestone.DIRECT_TREATMENT_RIGHT,
                        date(t.authoredOn()),
                        RuleId.MH_DIRECT_TREATMENT_RIGHT.id(),
                        List.of(t.source().display()))));
  }

  /**
   * The latest emergency encounter (ØH) of the patient at the organisation in the window before (or
   * on) the day the referral was written.
   */
  private @Nullable Attendance emergencyBefore(Referral referral, String organisation) {
    var statuses = context.parameter(RuleId.MH_START_EMERGENCY, "statuses");
    var classes = context.parameter(RuleId.MH_START_EMERGENCY, "classes");
    int window = Integer.parseInt(context.single(RuleId.MH_START_EMERGENCY, "windowDays"));
    var decided = date(referral.authoredOn());
    return context.facts.all(Attendance.class).stream()
        .filter(a -> a.kind() == Attendance.Kind.ENCOUNTER)
        .filter(a -> statuses.contains(a.status()))
        .filter(a -> a.attendanceClass() != null && classes.contains(a.attendanceClass()))
        .filter(a -> context.organisationsOf(a.organisations()).contains(organisation))
        .filter(
            a ->
                !date(a.start()).isAfter(decided)
                    && !date(a.start()).isBefore(decided.minusDays(window)))
        .max(Comparator.comparing(Attendance::start).thenComparing(a -> a.source().key()))
        .orElse(null);
  }
}

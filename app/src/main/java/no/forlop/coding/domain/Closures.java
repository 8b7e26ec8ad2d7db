package no.forlop.coding.domain;

import static no.forlop.coding.domain.DerivationContext.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.forlop.catalog.Milestone;
import no.forlop.coding.ClinicalEvent.CareEpisode;
import no.forlop.coding.ClinicalEvent.NotDone;
import no.forlop.coding.ClinicalEvent.PatientRecord;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.Remark;
import org.jspecify.annotations.Nullable;

/**
 * Rule family: closures. A mental-health pathway closes when its episode of care ends ({@code
 * MH-END-EPISODE}, or {@code MH-END-OTHER-REASONS} when it was cancelled); a pathway open when the
 * patient died closes that day: a cancer pathway of any kind (organ-specific, B01, C01) that has no
 * treatment start yet with X ({@code END-AT-DEATH}), unless it already ended for another reason; a
 * mental-health pathway for other reasons, whatever else the EHR records about its episode of care
 * on or after that day. A cancer pathway the patient stopped otherwise (declined, went private or
 * abroad) is proposed to end with X ({@code END-PATIENT-DECLINED}, {@code END-OUTSIDE-PATHWAY}).
 */
final class Closures {

  private final DerivationContext context;

  Closures(DerivationContext context) {
    this.context = context;
  }

  /**
   * The pathway closes on the day its episode of care ended: completed when the episode finished,
   * for other reasons when it was cancelled (ended outside the planned course).
   */
  void episodeEnds(@Nullable LocalDate died) {
    var statuses = context.parameter(RuleId.MH_END_EPISODE, "statuses");
    var kinds = context.parameter(RuleId.MH_END_EPISODE, "pathwayKinds");
    var otherStatuses = context.parameter(RuleId.MH_END_OTHER_REASONS, "episodeStatuses");
    var otherReason = context.single(RuleId.MH_END_OTHER_REASONS, "reason");
    var episodes =
        context.facts.all(CareEpisode.class).stream()
            .filter(
                e ->
                    (statuses.contains(e.status()) || otherStatuses.contains(e.status()))
                        && e.end() != null)
            .sorted(
                Comparator.comparing((CareEpisode e) -> Objects.requireNonNull(e.end()))
                    .thenComparing(e -> e.source().key()))
            .toList();
    for (var episode : episodes) {
      var on = date(Objects.requireNonNull(episode.end()));
      if (died != null && !on.isBefore(died)) {
        // the patient died before the episode was closed: death closes it, for other reasons
        continue;
      }
      var organisation = context.facts.organisationNumber(episode.organisation());
      var target =
          context
              .byReferral(episode.referral())
              .orElseGet(
                  () ->
                      context.instances.stream()
                          .filter(i -> kinds.contains(i.pathway.kind().name()))
                          .filter(i -> i.covers(on))
                          .filter(i -> organisation == null || organisation.equals(i.organisation))
                          .max(Comparator.comparing(DraftInstance::startDate))
                          .orElse(null));
      if (target == null
          || !kinds.contains(target.pathway.kind().name())
          || target.closing != null
          || !target.covers(on)) {
        continue;
      }
      var other = otherStatuses.contains(episode.status());
      var def =
          other
              ? context.closing(target, Milestone.PATHWAY_END, otherReason)
              : context.code(target, Milestone.PATHWAY_END, null);
      if (def.isEmpty()) {
        continue;
      }
      target.add(
          new DerivationResult.Code(
              def.get().key(),
              Milestone.PATHWAY_END,
              on,
              CodeState.REGISTERED,
              other ? RuleId.MH_END_OTHER_REASONS.id() : RuleId.MH_END_EPISODE.id(),
              List.of(episode.source().display()),
              other
                  ? Map.of("endedOn", on.toString(), "episodeStatus", episode.status())
                  : Map.of("endedOn", on.toString()),
              null,
              null));
      target.closing = on;
    }
  }

  /** The day the patient died, if the EHR records it. */
  static @Nullable LocalDate deathOf(PatientRecord record) {
    return record.deceased() == null ? null : date(record.deceased());
  }

  /** Whether the instance's treatment started on or before the day. */
  private static boolean treatmentStarted(DraftInstance instance, LocalDate day) {
    return instance.codes.stream()
        .anyMatch(c -> c.milestone() == Milestone.TREATMENT_START && !c.date().isAfter(day));
  }

  /**
   * A cancer pathway stopped for another reason than death, while it is open and its treatment has
   * not started (Helsedirektoratet's X text of 2017), each only proposed for a coordinator to
   * confirm: the patient declined further work-up or treatment ({@code END-PATIENT-DECLINED}: a
   * procedure or drug not done because the patient declined, dated the day given), or was referred
   * to a private clinic or abroad outside the pathway ({@code END-OUTSIDE-PATHWAY}: dated the day
   * the referral was sent). Not in a pathway whose treatment has started, nor in one that went on
   * after that day (a later code): the patient then did not stop it. The earliest such day ends it.
   */
  void otherReasons(List<Starts.Outside> outside) {
    var endings = new ArrayList<Ending>();
    for (var notDone : context.facts.all(NotDone.class)) {
      var match = context.conceptMatch(notDone.reasons(), RuleId.END_PATIENT_DECLINED, "concepts");
      if (match.isEmpty()) {
        continue;
      }
      var reason = match.get().coding().display();
      if (notDone.performed() == null) {
        context.problem(notDone.source().display(), ProblemCode.DECLINED_WITHOUT_DATE, reason);
        continue;
      }
      var on = date(notDone.performed());
      var instance = context.attribute(on, notDone.encounter(), notDone.performers()).instance();
      if (instance != null) {
        var inputs = new LinkedHashMap<String, String>();
        inputs.put("declinedOn", on.toString());
        inputs.putAll(match.get().inputs());
        endings.add(
            new Ending(
                instance,
                on,
                RuleId.END_PATIENT_DECLINED,
                notDone.source().display(),
                inputs,
                DerivationNote.PATIENT_DECLINED.with(notDone.source().display(), reason)));
      }
    }
    for (var referral : outside) {
      var on = referral.sentOn();
      context.instances.stream()
          .filter(i -> i.pathway.id().equals(referral.pathway().id()))
          .filter(i -> i.organisation.equals(referral.requester()))
          .filter(i -> i.covers(on))
          .findFirst()
          .ifPresent(
              instance -> {
                var inputs = new LinkedHashMap<String, String>();
                inputs.put("sentOn", on.toString());
                var receiver = context.facts.organisationNumber(referral.referral().performer());
                inputs.put("to", Objects.requireNonNullElse(receiver, ""));
                inputs.putAll(referral.match().inputs());
                endings.add(
                    new Ending(
                        instance,
                        on,
                        RuleId.END_OUTSIDE_PATHWAY,
                        referral.referral().source().display(),
                        inputs,
                        DerivationNote.REFERRED_OUTSIDE_PATHWAY.with(
                            referral.match().coding().display(),
                            Objects.requireNonNullElse(receiver, ""))));
              });
    }
    endings.sort(Comparator.comparing(Ending::on).thenComparing(Ending::source));
    for (var ending : endings) {
      end(ending);
    }
  }

  /** A reason to stop a pathway other than death, with its day and trace. */
  private record Ending(
      DraftInstance instance,
      LocalDate on,
      RuleId rule,
      String source,
      Map<String, String> inputs,
      Remark note) {}

  private void end(Ending ending) {
    var instance = ending.instance();
    var on = ending.on();
    if (!context.parameter(ending.rule(), "pathwayKinds").contains(instance.pathway.kind().name())
        || instance.closing != null
        || !instance.covers(on)
        || instance.codes.stream()
            .anyMatch(c -> c.milestone() == Milestone.TREATMENT_START || c.date().isAfter(on))) {
      return;
    }
    context
        .code(instance, Milestone.PATHWAY_END, null)
        .ifPresent(
            def -> {
              instance.add(
                  new DerivationResult.Code(
                      def.key(),
                      Milestone.PATHWAY_END,
                      on,
                      CodeState.PROPOSED,
                      ending.rule().id(),
                      List.of(ending.source()),
                      ending.inputs(),
                      null,
                      ending.note()));
              instance.closing = on;
            });
  }

  /** Whether the instance has already ended (X for another reason, the same day or earlier). */
  private static boolean ended(DraftInstance instance) {
    return instance.codes.stream().anyMatch(c -> c.milestone() == Milestone.PATHWAY_END);
  }

  void death(PatientRecord record) {
    if (record.deceased() == null) {
      return;
    }
    var died = date(record.deceased());
    var kinds = context.parameter(RuleId.END_AT_DEATH, "pathwayKinds");
    var mentalHealthKinds = context.parameter(RuleId.MH_END_OTHER_REASONS, "pathwayKinds");
    var otherReason = context.single(RuleId.MH_END_OTHER_REASONS, "reason");
    for (var instance : context.instances) {
      var kind = instance.pathway.kind().name();
      var mentalHealth = mentalHealthKinds.contains(kind);
      if ((!kinds.contains(kind) && !mentalHealth)
          || !instance.covers(died)
          || (mentalHealth && instance.closing != null)
          || (!mentalHealth && (treatmentStarted(instance, died) || ended(instance)))) {
        continue;
      }
      (mentalHealth
              ? context.closing(instance, Milestone.PATHWAY_END, otherReason)
              : context.code(instance, Milestone.PATHWAY_END, null))
          .ifPresent(
              def -> {
                instance.add(
                    new DerivationResult.Code(
                        def.key(),
                        Milestone.PATHWAY_END,
                        died,
                        CodeState.REGISTERED,
                        mentalHealth ? RuleId.MH_END_OTHER_REASONS.id() : RuleId.END_AT_DEATH.id(),
                        List.of(record.source().display()),
                        Map.of("diedOn", died.toString()),
                        null,
                        null));
                instance.closing = died;
              });
    }
  }
}

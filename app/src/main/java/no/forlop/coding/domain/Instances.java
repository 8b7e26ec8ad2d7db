package no.forlop.coding.domain;

import static no.forlop.coding.domain.DerivationContext.date;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import no.forlop.catalog.Milestone;
import no.forlop.coding.domain.Starts.Sent;
import no.forlop.coding.domain.Starts.Start;
import no.forlop.pathway.CodeState;

/**
 * Rule family: instances and transfers. One instance per pathway and receiving organisation, from
 * its earliest start (which gives the start code); a referral in the same pathway from one
 * organisation to another is the sender's transfer ({@code TRANSFER-SENT}).
 */
final class Instances {

  private final DerivationContext context;

  Instances(DerivationContext context) {
    this.context = context;
  }

  /** The instances the starts open, earliest first; each with its start code. */
  List<DraftInstance> instances(List<Start> starts) {
    var byPathwayAndOrganisation = new LinkedHashMap<String, DraftInstance>();
    var sorted =
        starts.stream()
            .sorted(
                Comparator.comparing(Start::date).thenComparing(s -> s.referral().source().key()))
            .toList();
    for (var start : sorted) {
      var key = start.pathway().id() + "@" + start.organisation();
      if (byPathwayAndOrganisation.containsKey(key)) {
        continue;
      }
      var instance = new DraftInstance(start.pathway(), start.organisation(), start);
      instance.add(
          context
              .code(instance, Milestone.PATHWAY_START, null)
              .map(
                  def ->
                      new DerivationResult.Code(
                          def.key(),
                          Milestone.PATHWAY_START,
                          start.date(),
                          start.state(),
                          start.rule().id(),
                          start.sources(),
                          start.inputs(),
                          start.basis(),
                          start.state() == CodeState.PROPOSED
                              ? DerivationNote.PATHWAY_INFERRED_FROM_ICD10.with()
                              : null))
              .orElse(null));
      byPathwayAndOrganisation.put(key, instance);
    }
    return new ArrayList<>(byPathwayAndOrganisation.values());
  }

  /**
   * The receiving organisation's instance of the same pathway, started on or after the day the
   * referral was sent (the first such, if it was received more than once).
   */
  private java.util.Optional<DraftInstance> receiverOf(
      DraftInstance sender, String receiver, LocalDate sentOn) {
    return context.instances.stream()
        .filter(i -> i != sender && i.pathway.id().equals(sender.pathway.id()))
        .filter(i -> i.organisation.equals(receiver))
        .filter(i -> !i.startDate().isBefore(sentOn))
        .filter(i -> i.transferredFrom == null)
        .min(Comparator.comparing(DraftInstance::startDate));
  }

  /**
   * A referral in the same pathway from one organisation to another is a transfer (O), dated the
   * day it was sent, whether or not the receiver has started its own pathway yet (in mental health
   * it starts only once the receiver has assessed the referral). Only proposed when the referral
   * may be only for an examination or advice (through an unverified mapping).
   */
  void transfers(List<Sent> sent) {
    var ordered =
        sent.stream()
            .sorted(
                Comparator.comparing((Sent x) -> x.referral().authoredOn())
                    .thenComparing(x -> x.referral().source().key()))
            .toList();
    for (var referral : ordered) {
      var on = date(referral.referral().authoredOn());
      for (var sender : context.instances) {
        if (sender.pathway.id().equals(referral.pathway().id())
            && sender.organisation.equals(referral.requester())
            && !sender.startDate().isAfter(on)
            && sender.closing == null) {
          var def = context.code(sender, Milestone.TRANSFERRED, null);
          if (def.isPresent()) {
            var inputs = new LinkedHashMap<String, String>();
            inputs.put("sentOn", on.toString());
            inputs.put("to", referral.receiver());
            var weak = referral.maybeNotTransfer();
            if (weak != null) {
              inputs.putAll(weak.inputs());
            }
            sender.add(
                new DerivationResult.Code(
                    def.get().key(),
                    Milestone.TRANSFERRED,
                    on,
                    weak == null ? CodeState.REGISTERED : CodeState.PROPOSED,
                    RuleId.TRANSFER_SENT.id(),
                    List.of(referral.referral().source().display()),
                    inputs,
                    null,
                    weak == null
                        ? null
                        : DerivationNote.TRANSFER_MAYBE_EXAMINATION_OR_ADVICE.with(
                            weak.coding().display(),
                            weak.concept(),
                            weak.mapping().terminology())));
            sender.closing = on;
          }
          receiverOf(sender, referral.receiver(), on)
              .ifPresent(
                  receiver -> {
                    receiver.transferredFrom = sender;
                    receiver.transferredOn = on;
                  });
        }
      }
    }
  }
}

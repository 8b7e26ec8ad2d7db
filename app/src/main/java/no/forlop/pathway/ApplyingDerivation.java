package no.forlop.pathway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.forlop.catalog.Milestone;
import no.forlop.pathway.domain.PatientPathway;
import no.forlop.pathway.domain.Reconciliation;
import no.forlop.pathway.domain.Registration;
import no.forlop.pathway.domain.TransferLink;
import no.forlop.patient.PatientIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Understands which stored pathway instance a derived instance is: the one of the same pathway and
 * organisation that starts on the derived start, else the open one, else any; without one, a new
 * instance is opened. Each instance's derived codes are then brought in line ({@link
 * Reconciliation}) and its tracked milestones replaced; the patient's instances no derived instance
 * matches lose their derived codes. What the rules would not take comes back as {@link
 * DerivationRefusal} values.
 */
final class ApplyingDerivation {

  private static final Logger log = LoggerFactory.getLogger(ApplyingDerivation.class);

  private final PathwayWork work;

  ApplyingDerivation(PathwayWork work) {
    this.work = work;
  }

  List<DerivationRefusal> apply(PatientDerivation derivation) {
    var refusals = new ArrayList<DerivationRefusal>();
    var used = new HashSet<UUID>();
    var ids = new java.util.IdentityHashMap<DerivedInstance, UUID>();
    for (var instance : derivation.instances()) {
      var opening = instanceFor(derivation.patient(), instance, used);
      if (opening instanceof PathwayWork.Opening.Refused refused) {
        refusals.add(new DerivationRefusal.NotOpened(instance, refused.problem(), refused.args()));
        continue;
      }
      var id = ((PathwayWork.Opening.Opened) opening).pathway().header().id();
      used.add(id);
      ids.put(instance, id);
      // tracked first: a treatment may rest on the decision tracked as taken at the sender
      work.track(id, instance.milestones());
      work.unused(id, instance.unused());
      reconcile(id, instance.codes(), refusals);
    }
    for (var stale : work.loadedOf(derivation.patient())) {
      var id = stale.header().id();
      if (!used.contains(id)) {
        work.track(id, List.of());
        work.unused(id, List.of());
        reconcile(id, List.of(), refusals);
      }
    }
    work.linkTransfers(derivation.patient(), transfers(derivation, ids));
    return refusals;
  }

  /**
   * The transfers between the derived instances, as links between the stored instances they became:
   * a receiver is linked to the derived instance of the same pathway at the sender's organisation
   * that starts on the sender's start. One receiver per sender (the first); an instance that could
   * not be opened is not linked.
   */
  private static List<TransferLink> transfers(
      PatientDerivation derivation, Map<DerivedInstance, UUID> ids) {
    var links = new ArrayList<TransferLink>();
    var senders = new HashSet<UUID>();
    for (var receiver : derivation.instances()) {
      var transfer = receiver.transferredFrom();
      var to = ids.get(receiver);
      if (transfer == null || to == null) {
        continue;
      }
      derivation.instances().stream()
          .filter(i -> i != receiver && ids.containsKey(i))
          .filter(i -> i.pathway().equals(receiver.pathway()))
          .filter(i -> i.organisation().equals(transfer.organisation()))
          .filter(i -> i.start().equals(transfer.senderStart()))
          .map(ids::get)
          .filter(from -> !from.equals(to) && senders.add(from))
          .findFirst()
          .ifPresent(
              from -> links.add(new TransferLink(from, to, transfer.sentOn(), transfer.rule())));
    }
    return links;
  }

  private PathwayWork.Opening instanceFor(
      PatientIdentifier patient, DerivedInstance instance, Set<UUID> used) {
    var candidates =
        work.loadedOf(patient).stream()
            .filter(p -> !used.contains(p.header().id()))
            .filter(p -> p.header().pathway().equals(instance.pathway().value()))
            .filter(p -> p.header().organisation().equals(instance.organisation().value()))
            .toList();
    var ours =
        candidates.stream()
            .filter(p -> startsOn(p, instance))
            .findFirst()
            .or(() -> candidates.stream().filter(p -> work.state(p).isOpen()).findFirst())
            .or(() -> candidates.stream().findFirst());
    if (ours.isPresent()) {
      return new PathwayWork.Opening.Opened(ours.get());
    }
    return work.open(
        new CreatePathway(patient, instance.pathway(), instance.organisation(), null),
        instance.start());
  }

  private static boolean startsOn(PatientPathway pathway, DerivedInstance instance) {
    return pathway.registrations().stream()
        .filter(r -> r.status() == Registration.Status.ACTIVE)
        .anyMatch(
            r ->
                r.code().milestone() == Milestone.PATHWAY_START
                    && r.date().equals(instance.start()));
  }

  private void reconcile(UUID id, List<DerivedCode> codes, List<DerivationRefusal> refusals) {
    var wanted = new ArrayList<Reconciliation.Wanted>();
    var byWanted = new java.util.IdentityHashMap<Reconciliation.Wanted, DerivedCode>();
    for (var code : codes) {
      var want =
          new Reconciliation.Wanted(
              code.key(),
              code.milestone(),
              code.date(),
              code.state(),
              code.origin(),
              code.startBasis(),
              code.note());
      wanted.add(want);
      byWanted.put(want, code);
    }
    for (var outcome : work.reconcile(id, wanted)) {
      if (outcome instanceof Reconciliation.Outcome.NotDerivable refused) {
        refusals.add(
            new DerivationRefusal.NotDerivable(byWanted.get(refused.code()), refused.why()));
      } else if (outcome instanceof Reconciliation.Outcome.NotWithdrawn refused) {
        log.warn(
            "Could not withdraw a derived code from pathway {}: {}", id, refused.why().reason());
      }
    }
  }
}

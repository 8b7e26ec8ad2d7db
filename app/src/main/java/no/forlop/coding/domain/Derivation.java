package no.forlop.coding.domain;

import java.util.List;
import no.forlop.catalog.Catalogue;
import no.forlop.terminology.domain.Terminology;

/**
 * Understands what a patient's EHR facts mean for their pathways: which pathway instances exist
 * (one per pathway and receiving organisation), and which codes each should carry, dated by the
 * coding guide's rules. A pure function of the facts: the order in which they arrived plays no
 * part, and the same facts always give the same result. Procedures and assessments count by the
 * concepts their codes mean (surgery, biopsy …), in the terminology given: SNOMED CT, NCSP/NCMP or
 * the hospital's local codes alike.
 *
 * <p>The rules live in families, one class each, all sharing one {@link DerivationContext} per
 * patient: {@link Starts} (with {@link MentalHealthStarts}), {@link Instances} (and transfers),
 * {@link Closures}, {@link WorkUp}, {@link Decisions} (with {@link DecisionOutcomes}), {@link
 * Treatments}, {@link Evaluations} and {@link PatientDelays}. This class only runs them, in an
 * order that matters: an instance's closing bounds what follows, and treatment, evaluations and
 * delays depend on its decisions.
 */
public final class Derivation {

  private final Catalogue catalogue;
  private final DerivationRules rules;
  private final Terminology terminology;

  public Derivation(Catalogue catalogue, DerivationRules rules, Terminology terminology) {
    this.catalogue = catalogue;
    this.rules = rules;
    this.terminology = terminology;
  }

  public DerivationResult derive(PatientFacts facts) {
    var context = new DerivationContext(catalogue, rules, terminology, facts);
    var record = facts.record();
    if (record.isEmpty()) {
      for (var event : facts.events()) {
        context.problem(
            event.source().display(), ProblemCode.PATIENT_NEVER_RECEIVED, facts.patient());
      }
      return new DerivationResult(facts.patient(), null, List.of(), context.problems);
    }
    var starts = new Starts(context);
    var closures = new Closures(context);
    var workUp = new WorkUp(context);
    var evaluations = new Evaluations(context);
    var decisions = new Decisions(context, evaluations);
    var treatments = new Treatments(context);
    var delays = new PatientDelays(context, workUp);

    var instances = new Instances(context);
    context.instances = instances.instances(starts.starts());
    instances.transfers(starts.sent());
    closures.episodeEnds(Closures.deathOf(record.get()));
    var mentalHealthStarts = new MentalHealthStarts(context);
    var referralQuality = new ReferralQuality(context);
    for (var instance : context.instances) {
      referralQuality.track(instance);
      mentalHealthStarts.directTreatmentRight(instance);
      workUp.firstAttendance(instance);
      workUp.biopsy(instance);
    }
    for (var instance : context.instances) {
      decisions.decisions(instance);
    }
    for (var instance : context.instances) {
      treatments.cancer(instance);
      treatments.mentalHealth(instance);
      evaluations.evaluations(instance);
      delays.patientDelays(instance);
    }
    closures.otherReasons(starts.outside());
    closures.death(record.get());
    treatments.unknownMedications();
    return new DerivationResult(
        facts.patient(),
        record.get().identifier(),
        context.instances.stream().map(DraftInstance::result).toList(),
        context.problems);
  }
}

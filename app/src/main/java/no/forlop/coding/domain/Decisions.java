package no.forlop.coding.domain;

import static no.forlop.coding.domain.DerivationContext.date;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.PathwayKind;
import no.forlop.coding.ClinicalEvent.Assessment;
import no.forlop.coding.Code;
import no.forlop.coding.domain.DecisionOutcomes.Outcome;
import no.forlop.pathway.CodeState;
import org.jspecify.annotations.Nullable;

/**
 * Rule family: clinical decisions. Each assessment of the instance in date order gives a decision
 * by its outcome ({@link DecisionOutcomes}: {@code DECISION-FROM-DIAGNOSIS} for cancer, {@code
 * MH-DECISION-OUTCOME} for mental health), as long as the last one leads to another; without any in
 * mental health, a diagnosis proposes one ({@code MH-DECISION-FROM-DIAGNOSIS}).
 */
final class Decisions {

  private final DerivationContext context;
  private final DecisionOutcomes outcomes;
  private final Evaluations evaluations;

  Decisions(DerivationContext context, Evaluations evaluations) {
    this.context = context;
    this.outcomes = new DecisionOutcomes(context);
    this.evaluations = evaluations;
  }

  void decisions(DraftInstance instance) {
    var mentalHealth = !instance.pathway.kind().isCancer();
    var rule = mentalHealth ? RuleId.MH_DECISION_OUTCOME : RuleId.DECISION_FROM_DIAGNOSIS;
    var statuses = context.parameter(rule, "statuses");
    var assessments =
        context.facts.all(Assessment.class).stream()
            .filter(a -> statuses.contains(a.status()))
            .filter(a -> !mentalHealth || !evaluations.isEvaluation(a))
            .sorted(Comparator.comparing(Assessment::date).thenComparing(a -> a.source().key()))
            .toList();
    var max = context.catalogue.schemeOf(instance.pathway).maxClinicalDecisions();
    for (var assessment : assessments) {
      if (instance.decisions.size() >= max) {
        return;
      }
      var on = date(assessment.date());
      var attribution = context.attribute(on, assessment.encounter(), List.of(), assessment);
      if (attribution.instance() != instance) {
        continue;
      }
      @Nullable Outcome outcome =
          mentalHealth
              ? outcomes.mentalHealth(instance, assessment)
              : outcomes.cancer(instance, assessment);
      if (outcome == null) {
        continue;
      }
      if (!instance.decisions.isEmpty()
          && !context
              .code(instance, Milestone.CLINICAL_DECISION, instance.lastDecision().key())
              .map(CodeDefinition::permitsFurtherDecision)
              .orElse(false)) {
        return;
      }
      var def = context.code(instance, Milestone.CLINICAL_DECISION, outcome.suffix());
      if (def.isEmpty()) {
        continue;
      }
      var decision =
          new DerivationResult.Code(
              def.get().key(),
              Milestone.CLINICAL_DECISION,
              on,
              attribution.state(),
              rule.id(),
              List.of(assessment.source().display()),
              outcome.inputs(),
              null,
              attribution.note());
      instance.add(decision);
      instance.decisions.add(decision);
      if (def.get().closesPathway() && instance.closing == null) {
        instance.closing = on;
      }
    }
    if (mentalHealth && instance.decisions.isEmpty()) {
      decisionFromDiagnosis(instance);
    }
  }

  /**
   * Mental health without any decision with an explicit outcome: the first assessment or diagnosis
   * of the pathway with an ICD-10 diagnosis in the rule's groups (chapter V, F00–F99) proposes the
   * decision for treatment (CT in substance use, CP in mental health), dated the assessment, for
   * the coordinator to confirm. The decision joins the pathway's decisions, so that treatment and
   * evaluations follow it (as proposals while it is one).
   */
  private void decisionFromDiagnosis(DraftInstance instance) {
    var rule = RuleId.MH_DECISION_FROM_DIAGNOSIS;
    var statuses = context.parameter(rule, "statuses");
    var suffix =
        context.single(
            rule,
            instance.pathway.kind() == PathwayKind.SUBSTANCE_USE
                ? "substanceUseOutcome"
                : "mentalHealthOutcome");
    var def = context.code(instance, Milestone.CLINICAL_DECISION, suffix);
    if (def.isEmpty()) {
      return;
    }
    var first =
        context.facts.all(Assessment.class).stream()
            .filter(a -> statuses.contains(a.status()) && !evaluations.isEvaluation(a))
            .sorted(Comparator.comparing(Assessment::date).thenComparing(a -> a.source().key()))
            .filter(a -> diagnosisIn(a) != null)
            .filter(
                a ->
                    context.attribute(date(a.date()), a.encounter(), List.of(), a).instance()
                        == instance)
            .findFirst();
    if (first.isEmpty()) {
      return;
    }
    var assessment = first.get();
    var on = date(assessment.date());
    var diagnosis = Objects.requireNonNull(diagnosisIn(assessment));
    var inputs = new LinkedHashMap<String, String>();
    inputs.put("icd10", diagnosis);
    inputs.put("outcome", suffix);
    inputs.put("assessedOn", on.toString());
    var decision =
        new DerivationResult.Code(
            def.get().key(),
            Milestone.CLINICAL_DECISION,
            on,
            CodeState.PROPOSED,
            rule.id(),
            List.of(assessment.source().display()),
            inputs,
            null,
            DerivationNote.DECISION_FROM_DIAGNOSIS.with(diagnosis, suffix));
    instance.add(decision);
    instance.decisions.add(decision);
  }

  /** The first ICD-10 finding of the assessment in the rule's {@code icd10Groups}, normalised. */
  private @Nullable String diagnosisIn(Assessment assessment) {
    return assessment.findings().stream()
        .filter(c -> Code.ICD10.equals(c.system()))
        .map(Code::icd10Normalised)
        .filter(c -> context.inGroups(c, RuleId.MH_DECISION_FROM_DIAGNOSIS, "icd10Groups"))
        .findFirst()
        .orElse(null);
  }
}

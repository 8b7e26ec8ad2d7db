package no.forlop.coding.domain;

import static no.forlop.coding.domain.DerivationContext.date;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeSet;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.Milestone;
import no.forlop.coding.ClinicalEvent.Assessment;
import no.forlop.coding.Code;
import no.forlop.pathway.CodeState;

/**
 * Rule family: evaluation points in mental health ({@code MH-EVALUATION}): each day with a
 * completed evaluation on or after the decision for treatment.
 */
final class Evaluations {

  private final DerivationContext context;

  Evaluations(DerivationContext context) {
    this.context = context;
  }

  /**
   * Evaluation points: each day with a completed evaluation (ClinicalImpression of the kind
   * evaluation) on or after the decision for treatment.
   */
  void evaluations(DraftInstance instance) {
    if (instance.pathway.kind().isCancer()) {
      return;
    }
    var decision =
        instance.decisions.stream()
            .filter(d -> context.permits(instance, d, CodeDefinition::permitsTreatment))
            .findFirst();
    var def = context.code(instance, Milestone.EVALUATION, null);
    if (decision.isEmpty() || def.isEmpty()) {
      return;
    }
    var statuses = context.parameter(RuleId.MH_EVALUATION, "statuses");
    var days = new TreeSet<LocalDate>();
    context.facts.all(Assessment.class).stream()
        .filter(a -> statuses.contains(a.status()) && isEvaluation(a))
        .sorted(Comparator.comparing(Assessment::date).thenComparing(a -> a.source().key()))
        .forEach(
            a -> {
              var on = date(a.date());
              if (on.isBefore(decision.get().date()) || !instance.covers(on)) {
                return;
              }
              var attribution = context.attribute(on, a.encounter(), List.of());
              if (attribution.instance() != instance || !days.add(on)) {
                return;
              }
              var inputs = new LinkedHashMap<String, String>();
              inputs.put("evaluatedOn", on.toString());
              var match = context.conceptMatch(a.kinds(), RuleId.MH_EVALUATION, "concepts");
              var unverified = match.isPresent() && !match.get().verified();
              match.ifPresent(m -> inputs.putAll(m.inputs()));
              instance.add(
                  new DerivationResult.Code(
                      def.get().key(),
                      Milestone.EVALUATION,
                      on,
                      unverified ? CodeState.PROPOSED : attribution.state(),
                      RuleId.MH_EVALUATION.id(),
                      List.of(a.source().display()),
                      inputs,
                      null,
                      unverified
                          ? DerivationContext.unverifiedNote(match.get())
                          : attribution.note()));
            });
  }

  /**
   * Whether an assessment is an evaluation: of a kind that means the concept EVALUATION (SNOMED CT
   * 386053000 by default, or a code the hospital mapped), or a response to one of the
   * questionnaires the rule lists (canonical URLs, versions ignored on both sides).
   */
  boolean isEvaluation(Assessment assessment) {
    if (context.conceptMatch(assessment.kinds(), RuleId.MH_EVALUATION, "concepts").isPresent()) {
      return true;
    }
    var questionnaires =
        context.parameter(RuleId.MH_EVALUATION, "questionnaires").stream()
            .map(Code::canonicalWithoutVersion)
            .toList();
    return assessment.kinds().stream()
        .anyMatch(
            c ->
                Code.QUESTIONNAIRE.equals(c.system())
                    && questionnaires.contains(Code.canonicalWithoutVersion(c.code())));
  }
}

package no.forlop.coding.domain;

import static no.forlop.coding.domain.DerivationContext.date;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.Milestone;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.MedicationRecord;
import no.forlop.coding.ClinicalEvent.ProcedurePerformed;
import no.forlop.coding.Code;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.TrackedMilestone;
import no.forlop.terminology.domain.ConceptMatch;
import org.jspecify.annotations.Nullable;

/**
 * Rule family: treatment start. After a decision that permits treatment, the first surgery ({@code
 * TREATMENT-SURGERY}), drug ({@code TREATMENT-DRUG}, given or documented as a procedure),
 * radiotherapy ({@code TREATMENT-RADIOTHERAPY}) or symptom-relieving treatment ({@code
 * TREATMENT-PALLIATIVE}) for cancer, or the conversation with the patient that decided surveillance
 * ({@code TREATMENT-SURVEILLANCE}) or no treatment ({@code TREATMENT-NONE}), whichever came first;
 * the first treatment procedure or drug in mental health and TSB ({@code MH-TREATMENT-START}).
 * Administrations that name a medication never received are reported.
 */
final class Treatments {

  /** The status of a resource that was a mistake (a Medication's among them). */
  private static final String ENTERED_IN_ERROR = "entered-in-error";

  /**
   * @param sources the resources behind it: the procedure or administration first, then the
   *     medication it names when that is where its ATC code came from
   * @param match the concept its code meant, for a procedure ({@code null} for a drug given)
   */
  private record Candidate(
      String suffix,
      RuleId rule,
      Instant at,
      @Nullable String encounter,
      List<String> performers,
      List<String> sources,
      @Nullable ConceptMatch match) {

    Candidate {
      sources = List.copyOf(sources);
    }

    String source() {
      return sources.get(0);
    }
  }

  private final DerivationContext context;

  Treatments(DerivationContext context) {
    this.context = context;
  }

  void cancer(DraftInstance instance) {
    if (!instance.pathway.kind().isCancer()) {
      return;
    }
    var candidates = new ArrayList<Candidate>();
    procedures(candidates, RuleId.TREATMENT_SURGERY, "statuses", "FK");
    procedures(candidates, RuleId.TREATMENT_RADIOTHERAPY, "statuses", "FS");
    drugs(candidates, RuleId.TREATMENT_DRUG, "statuses", "FM");
    // drug treatment documented as a procedure (NCMP WBOC …) rather than a drug given
    procedures(candidates, RuleId.TREATMENT_DRUG, "statuses", "FM");
    // the conversation with the patient deciding surveillance or no treatment (dated that day),
    // and the first day of symptom-relieving treatment
    procedures(candidates, RuleId.TREATMENT_SURVEILLANCE, "statuses", "FO");
    procedures(candidates, RuleId.TREATMENT_NONE, "statuses", "FI");
    procedures(candidates, RuleId.TREATMENT_PALLIATIVE, "statuses", "FL");
    var decided = decisionFor(instance);
    if (decided == null) {
      if (instance.decisions.isEmpty()) {
        reportUndecided(instance, candidates);
      } else {
        reportNotTreating(instance, candidates);
      }
      return;
    }
    var decision = decided.decision();
    var coded =
        first(
            instance,
            decision.date(),
            candidates,
            Comparator.comparing(Candidate::at).thenComparing(Candidate::suffix),
            Candidate::suffix,
            c -> decided.at() == instance ? Map.of() : decidedAt(decided));
    if (!coded) {
      reportBeforeDecision(instance, decision, candidates);
    }
    if (coded && decided.at() != instance) {
      instance.milestones.add(
          new DerivationResult.TrackedMilestone(
              TrackedMilestone.DECIDED_AT_SENDER,
              decision.date(),
              RuleId.TREATMENT_AFTER_TRANSFER.id(),
              decision.sources()));
    }
  }

  /**
   * A treatment in an instance with no clinical decision, here or at a trust that transferred the
   * patient here before deciding, cannot be coded: it is reported rather than dropped (the first
   * one; a coordinator registers the missing decision, after which it is coded).
   */
  private void reportUndecided(DraftInstance instance, List<Candidate> candidates) {
    own(instance, candidates)
        .min(Comparator.comparing(Candidate::at).thenComparing(Candidate::suffix))
        .ifPresent(
            c ->
                context.problem(
                    c.source(),
                    ProblemCode.TREATMENT_WITHOUT_DECISION,
                    codeOf(instance, c),
                    date(c.at())));
  }

  /**
   * A treatment dated before the decision, where none follows it: the coding rules code treatment
   * start after the decision, so it is reported (the first one) rather than dropped.
   */
  private void reportBeforeDecision(
      DraftInstance instance, DerivationResult.Code decision, List<Candidate> candidates) {
    own(instance, candidates)
        .filter(c -> date(c.at()).isBefore(decision.date()))
        .min(Comparator.comparing(Candidate::at).thenComparing(Candidate::suffix))
        .ifPresent(
            c ->
                context.problem(
                    instance,
                    c.source(),
                    ProblemCode.TREATMENT_BEFORE_DECISION,
                    codeOf(instance, c),
                    date(c.at()),
                    prefixed(instance, decision.key()),
                    decision.date()));
  }

  /**
   * A treatment on or after a decision that gives no treatment in this pathway (CM, CA, CI) belongs
   * elsewhere: listed as ignored with the reason, not dropped.
   */
  private void reportNotTreating(DraftInstance instance, List<Candidate> candidates) {
    var decision = instance.lastDecision();
    own(instance, candidates)
        .filter(c -> !date(c.at()).isBefore(decision.date()))
        .min(Comparator.comparing(Candidate::at).thenComparing(Candidate::suffix))
        .ifPresent(
            c ->
                context.problem(
                    instance,
                    c.source(),
                    ProblemCode.TREATMENT_AFTER_DECISION_WITHOUT_TREATMENT,
                    codeOf(instance, c),
                    date(c.at()),
                    prefixed(instance, decision.key())));
  }

  /** The candidates dated inside the instance and attributed to it. */
  private java.util.stream.Stream<Candidate> own(
      DraftInstance instance, List<Candidate> candidates) {
    return candidates.stream()
        .filter(c -> instance.covers(date(c.at())))
        .filter(
            c ->
                context.attribute(date(c.at()), c.encounter(), c.performers()).instance()
                    == instance);
  }

  private static String codeOf(DraftInstance instance, Candidate c) {
    return prefixed(instance, c.suffix());
  }

  private static String prefixed(DraftInstance instance, @Nullable String suffix) {
    return Objects.requireNonNullElse(instance.pathway.codePrefix().value(), "")
        + Objects.requireNonNullElse(suffix, "");
  }

  /** A decision that permits treatment, and the instance it was taken in. */
  private record Decided(DerivationResult.Code decision, DraftInstance at) {}

  /**
   * The decision a treatment in the instance follows: its own latest, where it has one; else, in an
   * instance opened by a transfer after the sender's decision, the sender's ({@code
   * TREATMENT-AFTER-TRANSFER}: the patient was transferred for treatment, and NPR keeps the
   * decision's and the treatment's institutions apart). {@code null} where none permits treatment.
   */
  private @Nullable Decided decisionFor(DraftInstance instance) {
    if (!instance.decisions.isEmpty()) {
      var own = instance.lastDecision();
      return context.permits(instance, own, CodeDefinition::permitsTreatment)
          ? new Decided(own, instance)
          : null;
    }
    var sender = instance.transferredFrom;
    var sentOn = instance.transferredOn;
    if (sender == null || sentOn == null || sender.decisions.isEmpty()) {
      return null;
    }
    var theirs = sender.lastDecision();
    if (theirs.date().isAfter(sentOn)
        || !context.permits(sender, theirs, CodeDefinition::permitsTreatment)) {
      return null;
    }
    return new Decided(theirs, sender);
  }

  private static Map<String, String> decidedAt(Decided decided) {
    var inputs = new LinkedHashMap<String, String>();
    inputs.put("decidedAt", decided.at().organisation);
    inputs.put("decision", decided.decision().key());
    inputs.put("decidedOn", decided.decision().date().toString());
    return inputs;
  }

  /**
   * Treatment start in mental health or TSB: after a decision for treatment (CP, CT), the first
   * documented treatment procedure or drug used in addictive disorders.
   */
  void mentalHealth(DraftInstance instance) {
    if (instance.pathway.kind().isCancer() || instance.decisions.isEmpty()) {
      return;
    }
    var decision = instance.lastDecision();
    if (!context.permits(instance, decision, CodeDefinition::permitsTreatment)) {
      return;
    }
    var candidates = new ArrayList<Candidate>();
    procedures(candidates, RuleId.MH_TREATMENT_START, "procedureStatuses", "procedure");
    drugs(candidates, RuleId.MH_TREATMENT_START, "drugStatuses", "drug");
    first(
        instance,
        decision.date(),
        candidates,
        Comparator.comparing(Candidate::at).thenComparing(Candidate::source),
        c -> null,
        c -> Map.of("by", c.suffix()));
  }

  /** Drug administrations that name a medication Forløp has not received (yet). */
  void unknownMedications() {
    for (var d : context.facts.all(DrugAdministered.class)) {
      if (d.medicationReference() != null
          && context.facts.medication(d.medicationReference()) == null) {
        context.problem(
            d.source().display(), ProblemCode.MEDICATION_NEVER_RECEIVED, d.medicationReference());
      }
    }
  }

  /**
   * The treatment start: the first candidate on or after the decision that belongs to the instance,
   * registered with the code for {@code suffix} (the pathway's only treatment code where {@code
   * null}) and the candidate's rule and source.
   */
  private boolean first(
      DraftInstance instance,
      LocalDate decided,
      List<Candidate> candidates,
      Comparator<Candidate> first,
      Function<Candidate, @Nullable String> suffix,
      Function<Candidate, Map<String, String>> moreInputs) {
    var chosen =
        candidates.stream()
            .filter(c -> !date(c.at()).isBefore(decided))
            .filter(c -> instance.covers(date(c.at())))
            .filter(
                c ->
                    context.attribute(date(c.at()), c.encounter(), c.performers()).instance()
                        == instance)
            .min(first);
    if (chosen.isEmpty()) {
      return false;
    }
    var c = chosen.get();
    var def = context.code(instance, Milestone.TREATMENT_START, suffix.apply(c));
    if (def.isEmpty()) {
      return false;
    }
    var inputs = new LinkedHashMap<String, String>();
    inputs.put("treatment", Objects.requireNonNullElse(def.get().treatment(), ""));
    inputs.putAll(moreInputs.apply(c));
    var match = c.match();
    var unverified = match != null && !match.verified();
    if (match != null) {
      inputs.putAll(match.inputs());
    }
    instance.add(
        new DerivationResult.Code(
            def.get().key(),
            Milestone.TREATMENT_START,
            date(c.at()),
            unverified ? CodeState.PROPOSED : CodeState.REGISTERED,
            c.rule().id(),
            c.sources(),
            inputs,
            null,
            unverified ? DerivationContext.unverifiedNote(match) : null));
    return true;
  }

  /**
   * The procedures a treatment rule counts (its statuses, and a code in code or category that means
   * one of its concepts), as candidates named {@code label} (the suffix for cancer).
   */
  private void procedures(List<Candidate> into, RuleId rule, String statusParameter, String label) {
    var statuses = context.parameter(rule, statusParameter);
    for (var p : context.facts.all(ProcedurePerformed.class)) {
      if (!statuses.contains(p.status())) {
        continue;
      }
      context
          .conceptMatch(p.codes(), rule, "concepts")
          .ifPresent(
              match ->
                  into.add(
                      new Candidate(
                          label,
                          rule,
                          p.performed(),
                          p.encounter(),
                          p.performers(),
                          List.of(p.source().display()),
                          match)));
    }
  }

  /** The drugs a treatment rule counts (its statuses, ATC prefixes), as candidates. */
  private void drugs(List<Candidate> into, RuleId rule, String statusParameter, String label) {
    var statuses = context.parameter(rule, statusParameter);
    var atc = context.parameter(rule, "atcPrefixes");
    for (var d : context.facts.all(DrugAdministered.class)) {
      if (!statuses.contains(d.status())) {
        continue;
      }
      var sources = new ArrayList<>(List.of(d.source().display()));
      var named = medicationOf(d);
      var matches = hasAtc(d.medication(), atc);
      if (named != null && hasAtc(named.codes(), atc)) {
        matches = true;
        sources.add(named.source().display());
      }
      if (matches) {
        into.add(
            new Candidate(label, rule, d.effective(), d.context(), d.performers(), sources, null));
      }
    }
  }

  /** Whether codes hold an ATC code starting with one of the prefixes. */
  private static boolean hasAtc(List<Code> codes, List<String> prefixes) {
    return codes.stream()
        .anyMatch(
            c ->
                Code.ATC.equals(c.system())
                    && prefixes.stream()
                        .anyMatch(prefix -> c.code().toUpperCase(Locale.ROOT).startsWith(prefix)));
  }

  /**
   * The medication a drug administration names by reference, when it has been received and is not
   * itself entered in error: its codes count as the administration's.
   */
  private @Nullable MedicationRecord medicationOf(DrugAdministered d) {
    var medication = context.facts.medication(d.medicationReference());
    return medication == null || ENTERED_IN_ERROR.equals(medication.status()) ? null : medication;
  }
}

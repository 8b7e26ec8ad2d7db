package no.forlop.coding.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.Icd10Group;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.catalog.PathwayKind;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.coding.ClinicalEvent;
import no.forlop.coding.ClinicalEvent.Assessment;
import no.forlop.coding.ClinicalEvent.Attendance;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.ProcedurePerformed;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.Code;
import no.forlop.coding.domain.DerivationResult.Problem;
import no.forlop.coding.domain.DerivationResult.TrackedMilestone;
import no.forlop.pathway.domain.CodeState;
import org.jspecify.annotations.Nullable;

/**
 * Understands what a patient's EHR facts mean for their pathways: which pathway instances exist
 * (one per pathway and receiving organisation), and which codes each should carry, dated by the
 * coding guide's rules. A pure function of the facts: the order in which they arrived plays no
 * part, and the same facts always give the same result.
 */
public final class Derivation {

  private final Catalogue catalogue;
  private final DerivationRules rules;

  public Derivation(Catalogue catalogue, DerivationRules rules) {
    this.catalogue = catalogue;
    this.rules = rules;
  }

  public DerivationResult derive(PatientFacts facts) {
    var run = new Run(facts);
    return run.derive();
  }

  /** One derivation for one patient. */
  private final class Run {
    private final PatientFacts facts;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Attendance> attendancesByKey = new LinkedHashMap<>();

    Run(PatientFacts facts) {
      this.facts = facts;
      for (var attendance : facts.all(Attendance.class)) {
        attendancesByKey.put(attendance.source().key(), attendance);
      }
    }

    DerivationResult derive() {
      var record = facts.record();
      if (record.isEmpty()) {
        for (var event : facts.events()) {
          problems.add(
              new Problem(
                  event.source().display(),
                  "refers to the patient "
                      + facts.patient()
                      + ", who was never received: send the Patient resource"));
        }
        return new DerivationResult(facts.patient(), null, List.of(), problems);
      }
      var starts = starts();
      var instances = instances(starts);
      transfers(starts, instances);
      for (var instance : instances) {
        firstAttendance(instance);
        biopsy(instance, instances);
      }
      for (var instance : instances) {
        decisions(instance, instances);
      }
      for (var instance : instances) {
        treatment(instance, instances);
      }
      death(record.get(), instances);
      var result =
          instances.stream()
              .map(
                  i ->
                      new DerivationResult.Instance(
                          i.pathway.id(),
                          i.organisation,
                          i.start.date,
                          i.codes.stream()
                              .sorted(
                                  Comparator.comparing(DerivationResult.Code::date)
                                      .thenComparing(c -> c.milestone().ordinal()))
                              .toList(),
                          i.milestones))
              .toList();
      return new DerivationResult(facts.patient(), record.get().identifier(), result, problems);
    }

    // ------------------------------------------------------------------------------ starts

    private List<Start> starts() {
      var starts = new ArrayList<Start>();
      var ignored = rules.parameter("START-REFERRAL-RECEIVED", "ignoredReferralStatuses");
      for (var referral : facts.all(Referral.class)) {
        if (ignored.contains(referral.status())) {
          continue;
        }
        var pathway = pathwayOf(referral);
        if (pathway == null) {
          continue;
        }
        var performer = facts.organisationNumber(referral.performer());
        if (referral.performer() == null) {
          problems.add(
              new Problem(
                  referral.source().display(),
                  "is a pathway referral without a performer: which organisation received it?"));
          continue;
        }
        if (performer == null) {
          problems.add(
              new Problem(
                  referral.source().display(),
                  "names the receiving organisation "
                      + referral.performer()
                      + ", which was never received: send the Organization resource"));
          continue;
        }
        var requester = facts.organisationNumber(referral.requester());
        var start = startOf(referral, pathway.definition, performer, requester, pathway.state);
        if (start != null) {
          starts.add(start);
        }
      }
      return starts;
    }

    private @Nullable Start startOf(
        Referral referral,
        PathwayDefinition pathway,
        String performer,
        @Nullable String requester,
        CodeState state) {
      var sources = new ArrayList<String>(List.of(referral.source().display()));
      var inputs = new LinkedHashMap<String, String>();
      if (!pathway.kind().isCancer()) {
        var statuses = rules.parameter("MH-START-ASSESSED", "taskStatuses");
        var accepted = earliestTask(referral, performer, statuses);
        if (accepted == null) {
          return null;
        }
        sources.add(accepted.source().display());
        inputs.put("assessedOn", date(accepted.authoredOn()).toString());
        return new Start(
            referral,
            pathway,
            performer,
            requester,
            date(accepted.authoredOn()),
            "MH-START-ASSESSED",
            sources,
            inputs,
            StartBasis.REFERRAL_ASSESSED,
            state);
      }
      if (performer.equals(requester)) {
        inputs.put("suspicionDocumentedOn", date(referral.authoredOn()).toString());
        return new Start(
            referral,
            pathway,
            performer,
            requester,
            date(referral.authoredOn()),
            "START-SUSPICION-IN-HOSPITAL",
            sources,
            inputs,
            StartBasis.SUSPICION_IN_HOSPITAL,
            state);
      }
      var received =
          earliestTask(
              referral, performer, rules.parameter("START-REFERRAL-RECEIVED", "taskStatuses"));
      var rule = state == CodeState.PROPOSED ? "START-PK-INFERRED" : "START-REFERRAL-RECEIVED";
      if (received != null) {
        sources.add(received.source().display());
        inputs.put("receivedOn", date(received.authoredOn()).toString());
        return new Start(
            referral,
            pathway,
            performer,
            requester,
            date(received.authoredOn()),
            rule,
            sources,
            inputs,
            StartBasis.REFERRAL_RECEIVED,
            state);
      }
      inputs.put("referralAuthoredOn", date(referral.authoredOn()).toString());
      return new Start(
          referral,
          pathway,
          performer,
          requester,
          date(referral.authoredOn()),
          state == CodeState.PROPOSED ? "START-PK-INFERRED" : "START-REFERRAL-AUTHORED",
          sources,
          inputs,
          StartBasis.REFERRAL_RECEIVED,
          state);
    }

    private @Nullable ReferralTask earliestTask(
        Referral referral, String owner, List<String> statuses) {
      return facts.all(ReferralTask.class).stream()
          .filter(t -> t.focus().equals(referral.source().key()))
          .filter(t -> statuses.contains(t.status()))
          .filter(t -> t.owner() == null || owner.equals(facts.organisationNumber(t.owner())))
          .min(Comparator.comparing(ReferralTask::authoredOn))
          .orElse(null);
    }

    private record PathwayChoice(PathwayDefinition definition, CodeState state) {}

    /** The pathway a referral names, or (priority PK) the one its ICD-10 reason points to. */
    private @Nullable PathwayChoice pathwayOf(Referral referral) {
      var on = date(referral.authoredOn());
      for (var code : referral.codes()) {
        if (!Code.PATHWAY_CODES.equals(code.system())) {
          continue;
        }
        var text = code.code().strip().toUpperCase(Locale.ROOT);
        var prefix = text.length() >= 3 ? text.substring(0, 3) : text;
        var pathway = catalogue.pathwayByPrefix(prefix, on);
        if (pathway.isEmpty()) {
          problems.add(
              new Problem(
                  referral.source().display(),
                  "carries the pathway code "
                      + code.code()
                      + ", which the catalogue (version "
                      + catalogue.version()
                      + ") does not have"));
          return null;
        }
        return new PathwayChoice(pathway.get(), CodeState.REGISTERED);
      }
      var priorities = rules.parameter("START-PK-INFERRED", "priorityCodes");
      var isPathwayPriority =
          referral.codes().stream()
              .anyMatch(
                  c -> Code.REFERRAL_PRIORITY.equals(c.system()) && priorities.contains(c.code()));
      if (!isPathwayPriority) {
        return null;
      }
      var candidates = new LinkedHashMap<String, PathwayDefinition>();
      for (var reason : referral.reasons()) {
        for (var pathway : catalogue.pathwaysForIcd10(reason.code(), on)) {
          if (pathway.kind() == PathwayKind.CANCER) {
            candidates.putIfAbsent(pathway.id(), pathway);
          }
        }
      }
      if (candidates.size() == 1) {
        return new PathwayChoice(candidates.values().iterator().next(), CodeState.PROPOSED);
      }
      problems.add(
          new Problem(
              referral.source().display(),
              candidates.isEmpty()
                  ? "has priority PK but no pathway code, and its reason codes point to no pathway:"
                      + " register the start by hand"
                  : "has priority PK but no pathway code, and its reason codes point to several"
                      + " pathways "
                      + candidates.keySet()
                      + ": register the start by hand"));
      return null;
    }

    // ------------------------------------------------------------------------------ instances

    private List<Instance> instances(List<Start> starts) {
      var byPathwayAndOrganisation = new LinkedHashMap<String, Instance>();
      var sorted =
          starts.stream()
              .sorted(
                  Comparator.comparing((Start s) -> s.date)
                      .thenComparing(s -> s.referral.source().key()))
              .toList();
      for (var start : sorted) {
        var key = start.pathway.id() + "@" + start.organisation;
        if (byPathwayAndOrganisation.containsKey(key)) {
          continue;
        }
        var instance = new Instance(start.pathway, start.organisation, start);
        instance.add(
            code(instance, Milestone.PATHWAY_START, null)
                .map(
                    def ->
                        new DerivationResult.Code(
                            def.key(),
                            Milestone.PATHWAY_START,
                            start.date,
                            start.state,
                            start.rule,
                            start.sources,
                            start.inputs,
                            start.basis,
                            start.state == CodeState.PROPOSED
                                ? "The pathway was inferred from the referral's ICD-10 reason"
                                : null))
                .orElse(null));
        byPathwayAndOrganisation.put(key, instance);
      }
      return new ArrayList<>(byPathwayAndOrganisation.values());
    }

    /** A referral in the same pathway from one organisation to another is a transfer (O). */
    private void transfers(List<Start> starts, List<Instance> instances) {
      for (var start : starts) {
        if (start.requester == null || start.requester.equals(start.organisation)) {
          continue;
        }
        var sent = date(start.referral.authoredOn());
        for (var sender : instances) {
          if (sender.pathway.id().equals(start.pathway.id())
              && sender.organisation.equals(start.requester)
              && !sender.start.date.isAfter(sent)
              && sender.closing == null) {
            var def = code(sender, Milestone.TRANSFERRED, null);
            if (def.isPresent()) {
              sender.add(
                  new DerivationResult.Code(
                      def.get().key(),
                      Milestone.TRANSFERRED,
                      sent,
                      CodeState.REGISTERED,
                      "TRANSFER-SENT",
                      List.of(start.referral.source().display()),
                      Map.of("sentOn", sent.toString(), "to", start.organisation),
                      null,
                      null));
              sender.closing = sent;
            }
          }
        }
      }
    }

    // ------------------------------------------------------------------------------ milestones

    private void firstAttendance(Instance instance) {
      var encounterStatuses = rules.parameter("FIRST-ATTENDANCE-ENCOUNTER", "statuses");
      var classes = rules.parameter("FIRST-ATTENDANCE-ENCOUNTER", "classes");
      var imagingIgnored = rules.parameter("FIRST-ATTENDANCE-IMAGING", "ignoredStatuses");
      Predicate<Attendance> counts =
          a ->
              switch (a.kind()) {
                case ENCOUNTER ->
                    encounterStatuses.contains(a.status())
                        && a.attendanceClass() != null
                        && classes.contains(a.attendanceClass());
                case IMAGING -> !imagingIgnored.contains(a.status());
              };
      var first =
          facts.all(Attendance.class).stream()
              .filter(counts)
              .filter(a -> organisationsOf(a.organisations()).contains(instance.organisation))
              .filter(a -> instance.covers(date(a.start())))
              .min(Comparator.comparing(Attendance::start).thenComparing(a -> a.source().key()));
      if (first.isEmpty()) {
        return;
      }
      var attendance = first.get();
      var rule =
          attendance.kind() == Attendance.Kind.IMAGING
              ? "FIRST-ATTENDANCE-IMAGING"
              : "FIRST-ATTENDANCE-ENCOUNTER";
      code(instance, Milestone.FIRST_ATTENDANCE, null)
          .ifPresent(
              def ->
                  instance.add(
                      new DerivationResult.Code(
                          def.key(),
                          Milestone.FIRST_ATTENDANCE,
                          date(attendance.start()),
                          CodeState.REGISTERED,
                          rule,
                          List.of(attendance.source().display()),
                          attendance.attendanceClass() == null
                              ? Map.of("kind", attendance.kind().name())
                              : Map.of(
                                  "kind",
                                  attendance.kind().name(),
                                  "class",
                                  attendance.attendanceClass()),
                          null,
                          null)));
    }

    private void biopsy(Instance instance, List<Instance> instances) {
      var statuses = rules.parameter("BIOPSY-TAKEN", "statuses");
      var snomed = rules.parameter("BIOPSY-TAKEN", "snomed");
      facts.all(ProcedurePerformed.class).stream()
          .filter(p -> statuses.contains(p.status()))
          .filter(p -> hasCode(p.codes(), Code.SNOMED, snomed))
          .filter(
              p ->
                  attribute(date(p.performed()), p.encounter(), p.performers(), instances).instance
                      == instance)
          .min(Comparator.comparing(ProcedurePerformed::performed))
          .ifPresent(
              p ->
                  instance.milestones.add(
                      new TrackedMilestone(
                          "BIOPSY",
                          date(p.performed()),
                          "BIOPSY-TAKEN",
                          List.of(p.source().display()))));
    }

    private void decisions(Instance instance, List<Instance> instances) {
      var mentalHealth = !instance.pathway.kind().isCancer();
      var ruleId = mentalHealth ? "MH-DECISION-OUTCOME" : "DECISION-FROM-DIAGNOSIS";
      var statuses = rules.parameter(ruleId, "statuses");
      var assessments =
          facts.all(Assessment.class).stream()
              .filter(a -> statuses.contains(a.status()))
              .sorted(Comparator.comparing(Assessment::date).thenComparing(a -> a.source().key()))
              .toList();
      var max = catalogue.schemeOf(instance.pathway).maxClinicalDecisions();
      for (var assessment : assessments) {
        if (instance.decisions.size() >= max) {
          return;
        }
        var on = date(assessment.date());
        var attribution = attribute(on, assessment.encounter(), List.of(), instances, assessment);
        if (attribution.instance != instance) {
          continue;
        }
        var outcome =
            mentalHealth
                ? mentalHealthOutcome(instance, assessment)
                : cancerOutcome(instance, assessment);
        if (outcome == null) {
          continue;
        }
        if (!instance.decisions.isEmpty()) {
          var last = instance.decisions.get(instance.decisions.size() - 1);
          if (!code(instance, Milestone.CLINICAL_DECISION, last.key())
              .map(CodeDefinition::permitsFurtherDecision)
              .orElse(false)) {
            return;
          }
        }
        var def = code(instance, Milestone.CLINICAL_DECISION, outcome.suffix);
        if (def.isEmpty()) {
          continue;
        }
        var decision =
            new DerivationResult.Code(
                def.get().key(),
                Milestone.CLINICAL_DECISION,
                on,
                attribution.state,
                ruleId,
                List.of(assessment.source().display()),
                outcome.inputs,
                null,
                attribution.note);
        instance.add(decision);
        instance.decisions.add(decision);
        if (def.get().closesPathway() && instance.closing == null) {
          instance.closing = on;
        }
      }
    }

    private record Outcome(String suffix, Map<String, String> inputs) {}

    private @Nullable Outcome cancerOutcome(Instance instance, Assessment assessment) {
      var icd10 =
          assessment.findings().stream()
              .filter(c -> Code.ICD10.equals(c.system()))
              .map(Code::icd10Normalised)
              .toList();
      if (icd10.isEmpty()) {
        return null;
      }
      var own = icd10.stream().filter(instance.pathway::hasIcd10).findFirst();
      var metastasis =
          icd10.stream()
              .filter(c -> inGroups(c, "DECISION-FROM-DIAGNOSIS", "metastasisGroups"))
              .findFirst();
      var malignant = icd10.stream().filter(this::isMalignant).findFirst();
      var noDisease =
          rules.parameter("DECISION-FROM-DIAGNOSIS", "noDiseaseCodes").stream()
              .map(Icd10Group::normalise)
              .toList();
      var other = icd10.stream().filter(c -> !noDisease.contains(c)).findFirst();
      var kind = instance.pathway.kind();
      if (kind == PathwayKind.DIAGNOSTIC || kind == PathwayKind.METASTASES) {
        if (metastasis.isPresent()) {
          return new Outcome(
              "CU", Map.of("icd10", metastasis.get(), "meaning", "metastasis of unknown origin"));
        }
        if (malignant.isPresent()) {
          return new Outcome(
              "CK", Map.of("icd10", malignant.get(), "meaning", "organ-specific cancer"));
        }
      } else {
        if (own.isPresent()) {
          return new Outcome(
              "CK", Map.of("icd10", own.get(), "meaning", "cancer of this pathway's organ"));
        }
        if (malignant.isPresent()) {
          return new Outcome("CM", Map.of("icd10", malignant.get(), "meaning", "other cancer"));
        }
      }
      if (other.isPresent()) {
        return new Outcome(
            "CA", Map.of("icd10", other.get(), "meaning", "other disease than cancer"));
      }
      return new Outcome("CI", Map.of("icd10", icd10.get(0), "meaning", "no disease found"));
    }

    private @Nullable Outcome mentalHealthOutcome(Instance instance, Assessment assessment) {
      var prefix = instance.pathway.codePrefix().value();
      for (var finding : assessment.findings()) {
        if (!Code.PATHWAY_CODES.equals(finding.system())) {
          continue;
        }
        var text = finding.code().strip().toUpperCase(Locale.ROOT);
        var suffix =
            prefix != null && text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        if (code(instance, Milestone.CLINICAL_DECISION, suffix).isPresent()) {
          return new Outcome(suffix, Map.of("outcome", text));
        }
      }
      return null;
    }

    private boolean isMalignant(String icd10) {
      var from =
          Icd10Group.normalise(rules.parameter("DECISION-FROM-DIAGNOSIS", "malignantFrom").get(0));
      var to =
          Icd10Group.normalise(rules.parameter("DECISION-FROM-DIAGNOSIS", "malignantTo").get(0));
      return new Icd10Group(from, to, null, false, null, null).contains(icd10);
    }

    private boolean inGroups(String icd10, String rule, String parameter) {
      for (var range : rules.parameter(rule, parameter)) {
        var parts = range.split("-");
        var group =
            new Icd10Group(parts[0], parts.length > 1 ? parts[1] : null, null, false, null, null);
        if (group.contains(icd10)) {
          return true;
        }
      }
      return false;
    }

    private void treatment(Instance instance, List<Instance> instances) {
      if (instance.decisions.isEmpty()) {
        return;
      }
      var decision = instance.decisions.get(instance.decisions.size() - 1);
      var permits =
          code(instance, Milestone.CLINICAL_DECISION, decision.key())
              .map(CodeDefinition::permitsTreatment)
              .orElse(false);
      if (!permits || !instance.pathway.kind().isCancer()) {
        return;
      }
      var candidates = new ArrayList<TreatmentCandidate>();
      var surgery = rules.parameter("TREATMENT-SURGERY", "snomed");
      var surgeryStatuses = rules.parameter("TREATMENT-SURGERY", "statuses");
      var radio = rules.parameter("TREATMENT-RADIOTHERAPY", "snomed");
      var radioStatuses = rules.parameter("TREATMENT-RADIOTHERAPY", "statuses");
      for (var p : facts.all(ProcedurePerformed.class)) {
        if (surgeryStatuses.contains(p.status()) && hasCode(p.codes(), Code.SNOMED, surgery)) {
          candidates.add(
              new TreatmentCandidate(
                  "FK",
                  "TREATMENT-SURGERY",
                  p.performed(),
                  p.encounter(),
                  p.performers(),
                  p.source().display()));
        }
        if (radioStatuses.contains(p.status()) && hasCode(p.codes(), Code.SNOMED, radio)) {
          candidates.add(
              new TreatmentCandidate(
                  "FS",
                  "TREATMENT-RADIOTHERAPY",
                  p.performed(),
                  p.encounter(),
                  p.performers(),
                  p.source().display()));
        }
      }
      var atc = rules.parameter("TREATMENT-DRUG", "atcPrefixes");
      var drugStatuses = rules.parameter("TREATMENT-DRUG", "statuses");
      for (var d : facts.all(DrugAdministered.class)) {
        var cancerDrug =
            d.medication().stream()
                .anyMatch(
                    c ->
                        Code.ATC.equals(c.system())
                            && atc.stream()
                                .anyMatch(
                                    prefix ->
                                        c.code().toUpperCase(Locale.ROOT).startsWith(prefix)));
        if (drugStatuses.contains(d.status()) && cancerDrug) {
          candidates.add(
              new TreatmentCandidate(
                  "FM",
                  "TREATMENT-DRUG",
                  d.effective(),
                  d.context(),
                  d.performers(),
                  d.source().display()));
        }
      }
      candidates.stream()
          .filter(c -> !date(c.at).isBefore(decision.date()))
          .filter(c -> instance.covers(date(c.at)))
          .filter(
              c -> attribute(date(c.at), c.encounter, c.performers, instances).instance == instance)
          .min(Comparator.comparing((TreatmentCandidate c) -> c.at).thenComparing(c -> c.suffix))
          .ifPresent(
              c ->
                  code(instance, Milestone.TREATMENT_START, c.suffix)
                      .ifPresent(
                          def ->
                              instance.add(
                                  new DerivationResult.Code(
                                      def.key(),
                                      Milestone.TREATMENT_START,
                                      date(c.at),
                                      CodeState.REGISTERED,
                                      c.rule,
                                      List.of(c.source),
                                      Map.of(
                                          "treatment",
                                          Objects.requireNonNullElse(def.treatment(), "")),
                                      null,
                                      null))));
    }

    private record TreatmentCandidate(
        String suffix,
        String rule,
        Instant at,
        @Nullable String encounter,
        List<String> performers,
        String source) {}

    private void death(ClinicalEvent.PatientRecord record, List<Instance> instances) {
      if (record.deceased() == null) {
        return;
      }
      var died = date(record.deceased());
      var kinds = rules.parameter("END-AT-DEATH", "pathwayKinds");
      for (var instance : instances) {
        if (!kinds.contains(instance.pathway.kind().name()) || !instance.covers(died)) {
          continue;
        }
        code(instance, Milestone.PATHWAY_END, null)
            .ifPresent(
                def -> {
                  instance.add(
                      new DerivationResult.Code(
                          def.key(),
                          Milestone.PATHWAY_END,
                          died,
                          CodeState.REGISTERED,
                          "END-AT-DEATH",
                          List.of(record.source().display()),
                          Map.of("diedOn", died.toString()),
                          null,
                          null));
                  instance.closing = died;
                });
      }
    }

    // ------------------------------------------------------------------------------ helpers

    private record Attribution(
        @Nullable Instance instance, CodeState state, @Nullable String note) {}

    private Attribution attribute(
        LocalDate on,
        @Nullable String encounter,
        List<String> performers,
        List<Instance> instances) {
      return attribute(on, encounter, performers, instances, null);
    }

    /**
     * The instance an event belongs to: through its encounter's or performers' organisation where
     * given, else the patient's pathway open on that day. With several open, an assessment goes to
     * the pathway its diagnosis belongs to; otherwise the latest started, only proposed.
     */
    private Attribution attribute(
        LocalDate on,
        @Nullable String encounter,
        List<String> performers,
        List<Instance> instances,
        @Nullable Assessment assessment) {
      var organisations = new ArrayList<String>();
      if (encounter != null) {
        var attendance = attendancesByKey.get(encounter);
        if (attendance != null) {
          organisations.addAll(organisationsOf(attendance.organisations()));
        }
      }
      organisations.addAll(organisationsOf(performers));
      var open =
          instances.stream()
              .filter(i -> i.covers(on))
              .filter(i -> organisations.isEmpty() || organisations.contains(i.organisation))
              .toList();
      if (open.size() == 1) {
        return new Attribution(open.get(0), CodeState.REGISTERED, null);
      }
      if (open.isEmpty()) {
        return new Attribution(null, CodeState.REGISTERED, null);
      }
      if (assessment != null) {
        var matching =
            open.stream()
                .filter(
                    i ->
                        assessment.findings().stream()
                            .filter(c -> Code.ICD10.equals(c.system()))
                            .anyMatch(c -> i.pathway.hasIcd10(c.code())))
                .toList();
        if (matching.size() == 1) {
          return new Attribution(matching.get(0), CodeState.REGISTERED, null);
        }
      }
      var latest = open.stream().max(Comparator.comparing(i -> i.start.date)).orElseThrow();
      return new Attribution(
          latest,
          CodeState.PROPOSED,
          "The patient has several open pathways; the event was attributed to the latest started");
    }

    private List<String> organisationsOf(List<String> keys) {
      return keys.stream().map(facts::organisationNumber).filter(Objects::nonNull).toList();
    }

    private Optional<CodeDefinition> code(
        Instance instance, Milestone milestone, @Nullable String suffix) {
      var found =
          catalogue.codesOf(instance.pathway).stream()
              .filter(c -> c.milestone() == milestone)
              .filter(c -> suffix == null || suffix.equals(c.suffix()))
              .findFirst();
      return found;
    }

    private static boolean hasCode(List<Code> codes, String system, List<String> wanted) {
      return codes.stream().anyMatch(c -> system.equals(c.system()) && wanted.contains(c.code()));
    }
  }

  private static LocalDate date(Instant instant) {
    return OsloTime.dateOf(instant);
  }

  /** A referral that starts a pathway instance, dated by its rule. */
  private record Start(
      Referral referral,
      PathwayDefinition pathway,
      String organisation,
      @Nullable String requester,
      LocalDate date,
      String rule,
      List<String> sources,
      Map<String, String> inputs,
      StartBasis basis,
      CodeState state) {}

  /** A pathway instance being derived. */
  private static final class Instance {
    final PathwayDefinition pathway;
    final String organisation;
    final Start start;
    final List<DerivationResult.Code> codes = new ArrayList<>();
    final List<TrackedMilestone> milestones = new ArrayList<>();
    final List<DerivationResult.Code> decisions = new ArrayList<>();
    @Nullable LocalDate closing;

    Instance(PathwayDefinition pathway, String organisation, Start start) {
      this.pathway = pathway;
      this.organisation = organisation;
      this.start = start;
    }

    void add(DerivationResult.@Nullable Code code) {
      if (code != null) {
        codes.add(code);
      }
    }

    /** Whether the instance is open on a day: on or after its start, not after its closing. */
    boolean covers(LocalDate day) {
      return !day.isBefore(start.date) && (closing == null || !day.isAfter(closing));
    }
  }
}

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
import no.forlop.calendar.WorkingDays;
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
import no.forlop.coding.ClinicalEvent.CareEpisode;
import no.forlop.coding.ClinicalEvent.DrugAdministered;
import no.forlop.coding.ClinicalEvent.PlannedAppointment;
import no.forlop.coding.ClinicalEvent.ProcedurePerformed;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.Code;
import no.forlop.coding.domain.DerivationResult.Problem;
import no.forlop.coding.domain.DerivationResult.TrackedMilestone;
import no.forlop.pathway.CodeState;
import no.forlop.terminology.domain.Coding;
import no.forlop.terminology.domain.Concept;
import no.forlop.terminology.domain.ConceptMatch;
import no.forlop.terminology.domain.Terminology;
import org.jspecify.annotations.Nullable;

/**
 * Understands what a patient's EHR facts mean for their pathways: which pathway instances exist
 * (one per pathway and receiving organisation), and which codes each should carry, dated by the
 * coding guide's rules. A pure function of the facts: the order in which they arrived plays no
 * part, and the same facts always give the same result. Procedures and assessments count by the
 * concepts their codes mean (surgery, biopsy …), in the terminology given: SNOMED CT, NCSP/NCMP or
 * the hospital's local codes alike.
 */
public final class Derivation {

  /** HL7's code system of Encounter.class, read when the EHR gives the class without a system. */
  static final String V3_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  /** The status of a resource that was a mistake (a Medication's among them). */
  private static final String ENTERED_IN_ERROR = "entered-in-error";

  private final Catalogue catalogue;
  private final DerivationRules rules;
  private final Terminology terminology;

  public Derivation(Catalogue catalogue, DerivationRules rules, Terminology terminology) {
    this.catalogue = catalogue;
    this.rules = rules;
    this.terminology = terminology;
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
    private final List<Sent> sent = new ArrayList<>();

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
      transfers(instances);
      closures(instances);
      for (var instance : instances) {
        firstAttendance(instance);
        biopsy(instance, instances);
      }
      for (var instance : instances) {
        decisions(instance, instances);
      }
      for (var instance : instances) {
        treatment(instance, instances);
        mentalHealthTreatment(instance, instances);
        evaluations(instance, instances);
        patientDelays(instance, instances);
      }
      death(record.get(), instances);
      unknownMedications();
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
        if (requester != null && !requester.equals(performer)) {
          sent.add(new Sent(referral, pathway.definition, requester, performer));
        }
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
        // the original 2019 rule (start on receipt), for referrals received until the day the
        // hospital sets: the date the rule changed is not known, so it is a setting
        var until = rules.parameter("MH-START-RECEIVED", "until");
        if (!until.get(0).equals("none")) {
          var received =
              earliestTask(
                  referral, performer, rules.parameter("MH-START-RECEIVED", "taskStatuses"));
          if (received != null
              && !date(received.authoredOn()).isAfter(java.time.LocalDate.parse(until.get(0)))) {
            sources.add(received.source().display());
            inputs.put("receivedOn", date(received.authoredOn()).toString());
            inputs.put("receiptRuleUntil", until.get(0));
            return new Start(
                referral,
                pathway,
                performer,
                requester,
                date(received.authoredOn()),
                "MH-START-RECEIVED",
                sources,
                inputs,
                StartBasis.REFERRAL_RECEIVED,
                state);
          }
        }
        var statuses = rules.parameter("MH-START-ASSESSED", "taskStatuses");
        var accepted = earliestTask(referral, performer, statuses);
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
              "MH-START-EMERGENCY",
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

    /**
     * The latest emergency encounter (ØH) of the patient at the organisation in the window before
     * (or on) the day the referral was written.
     */
    private @Nullable Attendance emergencyBefore(Referral referral, String organisation) {
      var statuses = rules.parameter("MH-START-EMERGENCY", "statuses");
      var classes = rules.parameter("MH-START-EMERGENCY", "classes");
      int window = Integer.parseInt(rules.parameter("MH-START-EMERGENCY", "windowDays").get(0));
      var decided = date(referral.authoredOn());
      return facts.all(Attendance.class).stream()
          .filter(a -> a.kind() == Attendance.Kind.ENCOUNTER)
          .filter(a -> statuses.contains(a.status()))
          .filter(a -> a.attendanceClass() != null && classes.contains(a.attendanceClass()))
          .filter(a -> organisationsOf(a.organisations()).contains(organisation))
          .filter(
              a ->
                  !date(a.start()).isAfter(decided)
                      && !date(a.start()).isBefore(decided.minusDays(window)))
          .max(Comparator.comparing(Attendance::start).thenComparing(a -> a.source().key()))
          .orElse(null);
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

    /**
     * A referral in the same pathway from one organisation to another is a transfer (O), dated the
     * day it was sent, whether or not the receiver has started its own pathway yet (in mental
     * health it starts only once the receiver has assessed the referral).
     */
    private void transfers(List<Instance> instances) {
      var ordered =
          sent.stream()
              .sorted(
                  Comparator.comparing((Sent x) -> x.referral.authoredOn())
                      .thenComparing(x -> x.referral.source().key()))
              .toList();
      for (var referral : ordered) {
        var on = date(referral.referral.authoredOn());
        for (var sender : instances) {
          if (sender.pathway.id().equals(referral.pathway.id())
              && sender.organisation.equals(referral.requester)
              && !sender.start.date.isAfter(on)
              && sender.closing == null) {
            var def = code(sender, Milestone.TRANSFERRED, null);
            if (def.isPresent()) {
              sender.add(
                  new DerivationResult.Code(
                      def.get().key(),
                      Milestone.TRANSFERRED,
                      on,
                      CodeState.REGISTERED,
                      "TRANSFER-SENT",
                      List.of(referral.referral.source().display()),
                      Map.of("sentOn", on.toString(), "to", referral.receiver),
                      null,
                      null));
              sender.closing = on;
            }
          }
        }
      }
    }

    // ------------------------------------------------------------------------------ milestones

    private void firstAttendance(Instance instance) {
      var imagingIgnored = rules.parameter("FIRST-ATTENDANCE-IMAGING", "ignoredStatuses");
      var imagingCounts =
          rules
              .parameter("FIRST-ATTENDANCE-IMAGING", "pathwayKinds")
              .contains(instance.pathway.kind().name());
      Predicate<Attendance> counts =
          a ->
              switch (a.kind()) {
                case ENCOUNTER -> visit(a).isPresent();
                case IMAGING -> imagingCounts && !imagingIgnored.contains(a.status());
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
                          attendanceInputs(attendance),
                          null,
                          null)));
    }

    /**
     * Whether an encounter is a visit that counts as first attendance (rule {@code
     * FIRST-ATTENDANCE-ENCOUNTER}): a status it lists, and its class or one of its types means
     * {@code FIRST_ATTENDANCE} while none of them is one the hospital's map says is not (a
     * telephone consultation of class AMB); the match, for the trace.
     */
    private Optional<ConceptMatch> visit(Attendance a) {
      var statuses = rules.parameter("FIRST-ATTENDANCE-ENCOUNTER", "statuses");
      if (a.kind() != Attendance.Kind.ENCOUNTER || !statuses.contains(a.status())) {
        return Optional.empty();
      }
      var codes = visitCodes(a);
      var concepts =
          rules.parameter("FIRST-ATTENDANCE-ENCOUNTER", "concepts").stream()
              .map(Concept::valueOf)
              .toList();
      if (concepts.stream().anyMatch(concept -> terminology.excludes(codes, concept))) {
        return Optional.empty();
      }
      return terminology.match(codes, java.util.Set.copyOf(concepts));
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

    private void biopsy(Instance instance, List<Instance> instances) {
      var statuses = rules.parameter("BIOPSY-TAKEN", "statuses");
      // a tracked milestone has no proposal: only a verified mapping (or the hospital's) counts
      facts.all(ProcedurePerformed.class).stream()
          .filter(p -> statuses.contains(p.status()))
          .filter(
              p ->
                  conceptMatch(p.codes(), "BIOPSY-TAKEN", "concepts")
                      .filter(ConceptMatch::verified)
                      .isPresent())
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
              .filter(a -> !mentalHealth || !isEvaluation(a))
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
      if (mentalHealth && instance.decisions.isEmpty()) {
        decisionFromDiagnosis(instance, instances);
      }
    }

    /**
     * Mental health without any decision with an explicit outcome: the first assessment or
     * diagnosis of the pathway with an ICD-10 diagnosis in the rule's groups (chapter V, F00–F99)
     * proposes the decision for treatment (CT in substance use, CP in mental health), dated the
     * assessment, for the coordinator to confirm. The decision joins the pathway's decisions, so
     * that treatment and evaluations follow it (as proposals while it is one).
     */
    private void decisionFromDiagnosis(Instance instance, List<Instance> instances) {
      var rule = "MH-DECISION-FROM-DIAGNOSIS";
      var statuses = rules.parameter(rule, "statuses");
      var suffix =
          rules
              .parameter(
                  rule,
                  instance.pathway.kind() == PathwayKind.SUBSTANCE_USE
                      ? "substanceUseOutcome"
                      : "mentalHealthOutcome")
              .get(0);
      var def = code(instance, Milestone.CLINICAL_DECISION, suffix);
      if (def.isEmpty()) {
        return;
      }
      var first =
          facts.all(Assessment.class).stream()
              .filter(a -> statuses.contains(a.status()) && !isEvaluation(a))
              .sorted(Comparator.comparing(Assessment::date).thenComparing(a -> a.source().key()))
              .filter(a -> diagnosisIn(a, rule) != null)
              .filter(
                  a ->
                      attribute(date(a.date()), a.encounter(), List.of(), instances, a).instance
                          == instance)
              .findFirst();
      if (first.isEmpty()) {
        return;
      }
      var assessment = first.get();
      var on = date(assessment.date());
      var diagnosis = Objects.requireNonNull(diagnosisIn(assessment, rule));
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
              rule,
              List.of(assessment.source().display()),
              inputs,
              null,
              "No decision with an outcome is documented; the diagnosis "
                  + diagnosis
                  + " suggests "
                  + suffix
                  + ": confirm the clinical decision, or register the right one");
      instance.add(decision);
      instance.decisions.add(decision);
    }

    /** The first ICD-10 finding of the assessment in the rule's {@code icd10Groups}, normalised. */
    private @Nullable String diagnosisIn(Assessment assessment, String rule) {
      return assessment.findings().stream()
          .filter(c -> Code.ICD10.equals(c.system()))
          .map(Code::icd10Normalised)
          .filter(c -> inGroups(c, rule, "icd10Groups"))
          .findFirst()
          .orElse(null);
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

    /**
     * The outcome of a mental-health decision, in either encoding: the outcome alone ({@code CU}),
     * beside the pathway type ({@code D11} in kodeverk 9321), or concatenated ({@code D11CU}). A
     * decision that names another pathway type is not this pathway's.
     */
    private @Nullable Outcome mentalHealthOutcome(Instance instance, Assessment assessment) {
      var prefix = instance.pathway.codePrefix().value();
      var outcomeSystems = rules.parameter("MH-DECISION-OUTCOME", "outcomeSystems");
      var typeSystems = rules.parameter("MH-DECISION-OUTCOME", "pathwayTypeSystems");
      var types =
          assessment.findings().stream()
              .filter(c -> typeSystems.contains(c.system()))
              .map(c -> c.code().strip().toUpperCase(Locale.ROOT))
              .distinct()
              .toList();
      if (!types.isEmpty() && (prefix == null || !types.contains(prefix))) {
        return null;
      }
      for (var finding : assessment.findings()) {
        if (!outcomeSystems.contains(finding.system())) {
          continue;
        }
        var text = finding.code().strip().toUpperCase(Locale.ROOT);
        var suffix =
            prefix != null && text.startsWith(prefix) ? text.substring(prefix.length()) : text;
        if (code(instance, Milestone.CLINICAL_DECISION, suffix).isPresent()) {
          var inputs = new LinkedHashMap<String, String>();
          inputs.put("outcome", text);
          if (!types.isEmpty()) {
            inputs.put("pathwayType", types.get(0));
          }
          return new Outcome(suffix, inputs);
        }
      }
      return null;
    }

    /**
     * Whether an assessment is an evaluation: of a kind that means the concept EVALUATION (SNOMED
     * CT 386053000 by default, or a code the hospital mapped), or a response to one of the
     * questionnaires the rule lists (canonical URLs, versions ignored on both sides).
     */
    private boolean isEvaluation(Assessment assessment) {
      if (conceptMatch(assessment.kinds(), "MH-EVALUATION", "concepts").isPresent()) {
        return true;
      }
      var questionnaires =
          rules.parameter("MH-EVALUATION", "questionnaires").stream()
              .map(Code::canonicalWithoutVersion)
              .toList();
      return assessment.kinds().stream()
          .anyMatch(
              c ->
                  Code.QUESTIONNAIRE.equals(c.system())
                      && questionnaires.contains(Code.canonicalWithoutVersion(c.code())));
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
      if (instance.decisions.isEmpty() || !instance.pathway.kind().isCancer()) {
        return;
      }
      var decision = instance.decisions.get(instance.decisions.size() - 1);
      if (!permits(instance, decision, CodeDefinition::permitsTreatment)) {
        return;
      }
      var candidates = new ArrayList<TreatmentCandidate>();
      procedures(candidates, "TREATMENT-SURGERY", "statuses", "FK");
      procedures(candidates, "TREATMENT-RADIOTHERAPY", "statuses", "FS");
      drugs(candidates, "TREATMENT-DRUG", "statuses", "FM");
      // drug treatment documented as a procedure (NCMP WBOC …) rather than a drug given
      procedures(candidates, "TREATMENT-DRUG", "statuses", "FM");
      firstTreatment(
          instance,
          decision.date(),
          candidates,
          instances,
          Comparator.comparing((TreatmentCandidate c) -> c.at).thenComparing(c -> c.suffix),
          c -> c.suffix,
          c -> Map.of());
    }

    /** Whether codes hold an ATC code starting with one of the prefixes. */
    private static boolean hasAtc(List<Code> codes, List<String> prefixes) {
      return codes.stream()
          .anyMatch(
              c ->
                  Code.ATC.equals(c.system())
                      && prefixes.stream()
                          .anyMatch(
                              prefix -> c.code().toUpperCase(Locale.ROOT).startsWith(prefix)));
    }

    /**
     * The medication a drug administration names by reference, when it has been received and is not
     * itself entered in error: its codes count as the administration's.
     */
    private ClinicalEvent.@Nullable MedicationRecord medicationOf(DrugAdministered d) {
      var medication = facts.medication(d.medicationReference());
      return medication == null || ENTERED_IN_ERROR.equals(medication.status()) ? null : medication;
    }

    /** Drug administrations that name a medication Forløp has not received (yet). */
    private void unknownMedications() {
      for (var d : facts.all(DrugAdministered.class)) {
        if (d.medicationReference() != null && facts.medication(d.medicationReference()) == null) {
          problems.add(
              new Problem(
                  d.source().display(),
                  "names the medication "
                      + d.medicationReference()
                      + ", which was never received: send the Medication resource (its ATC code"
                      + " tells whether the drug starts a treatment)"));
        }
      }
    }

    /**
     * The treatment start: the first candidate on or after the decision that belongs to the
     * instance, registered with the code for {@code suffix} (the pathway's only treatment code
     * where {@code null}) and the candidate's rule and source.
     */
    private void firstTreatment(
        Instance instance,
        LocalDate decided,
        List<TreatmentCandidate> candidates,
        List<Instance> instances,
        Comparator<TreatmentCandidate> first,
        java.util.function.Function<TreatmentCandidate, @Nullable String> suffix,
        java.util.function.Function<TreatmentCandidate, Map<String, String>> moreInputs) {
      candidates.stream()
          .filter(c -> !date(c.at).isBefore(decided))
          .filter(c -> instance.covers(date(c.at)))
          .filter(
              c -> attribute(date(c.at), c.encounter, c.performers, instances).instance == instance)
          .min(first)
          .ifPresent(
              c ->
                  code(instance, Milestone.TREATMENT_START, suffix.apply(c))
                      .ifPresent(
                          def -> {
                            var inputs = new LinkedHashMap<String, String>();
                            inputs.put(
                                "treatment", Objects.requireNonNullElse(def.treatment(), ""));
                            inputs.putAll(moreInputs.apply(c));
                            var unverified = c.match != null && !c.match.verified();
                            if (c.match != null) {
                              inputs.putAll(c.match.inputs());
                            }
                            instance.add(
                                new DerivationResult.Code(
                                    def.key(),
                                    Milestone.TREATMENT_START,
                                    date(c.at),
                                    unverified ? CodeState.PROPOSED : CodeState.REGISTERED,
                                    c.rule,
                                    c.sources,
                                    inputs,
                                    null,
                                    unverified ? unverifiedNote(c.match) : null));
                          }));
    }

    // ------------------------------------------------------------------ mental health and TSB

    /**
     * The pathway closes on the day its episode of care ended: completed when the episode finished,
     * for other reasons when it was cancelled (ended outside the planned course).
     */
    private void closures(List<Instance> instances) {
      var statuses = rules.parameter("MH-END-EPISODE", "statuses");
      var kinds = rules.parameter("MH-END-EPISODE", "pathwayKinds");
      var otherStatuses = rules.parameter("MH-END-OTHER-REASONS", "episodeStatuses");
      var otherReason = rules.parameter("MH-END-OTHER-REASONS", "reason").get(0);
      var episodes =
          facts.all(CareEpisode.class).stream()
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
        var organisation = facts.organisationNumber(episode.organisation());
        var target =
            byReferral(episode.referral(), instances)
                .orElseGet(
                    () ->
                        instances.stream()
                            .filter(i -> kinds.contains(i.pathway.kind().name()))
                            .filter(i -> i.covers(on))
                            .filter(
                                i -> organisation == null || organisation.equals(i.organisation))
                            .max(Comparator.comparing(i -> i.start.date))
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
                ? closing(target, Milestone.PATHWAY_END, otherReason)
                : code(target, Milestone.PATHWAY_END, null);
        if (def.isEmpty()) {
          continue;
        }
        target.add(
            new DerivationResult.Code(
                def.get().key(),
                Milestone.PATHWAY_END,
                on,
                CodeState.REGISTERED,
                other ? "MH-END-OTHER-REASONS" : "MH-END-EPISODE",
                List.of(episode.source().display()),
                other
                    ? Map.of("endedOn", on.toString(), "episodeStatus", episode.status())
                    : Map.of("endedOn", on.toString()),
                null,
                null));
        target.closing = on;
      }
    }

    /** The instance a referral started, if it started one. */
    private Optional<Instance> byReferral(@Nullable String referral, List<Instance> instances) {
      if (referral == null) {
        return Optional.empty();
      }
      return instances.stream()
          .filter(i -> i.start.referral.source().key().equals(referral))
          .findFirst();
    }

    /**
     * Treatment start in mental health or TSB: after a decision for treatment (CP, CT), the first
     * documented treatment procedure or drug used in addictive disorders.
     */
    private void mentalHealthTreatment(Instance instance, List<Instance> instances) {
      if (instance.pathway.kind().isCancer() || instance.decisions.isEmpty()) {
        return;
      }
      var decision = instance.decisions.get(instance.decisions.size() - 1);
      if (!permits(instance, decision, CodeDefinition::permitsTreatment)) {
        return;
      }
      var candidates = new ArrayList<TreatmentCandidate>();
      procedures(candidates, "MH-TREATMENT-START", "procedureStatuses", "procedure");
      drugs(candidates, "MH-TREATMENT-START", "drugStatuses", "drug");
      firstTreatment(
          instance,
          decision.date(),
          candidates,
          instances,
          Comparator.comparing((TreatmentCandidate c) -> c.at)
              .thenComparing(TreatmentCandidate::source),
          c -> null,
          c -> Map.of("by", c.suffix));
    }

    /**
     * Evaluation points: each day with a completed evaluation (ClinicalImpression of the kind
     * evaluation) on or after the decision for treatment.
     */
    private void evaluations(Instance instance, List<Instance> instances) {
      if (instance.pathway.kind().isCancer()) {
        return;
      }
      var decision =
          instance.decisions.stream()
              .filter(d -> permits(instance, d, CodeDefinition::permitsTreatment))
              .findFirst();
      var def = code(instance, Milestone.EVALUATION, null);
      if (decision.isEmpty() || def.isEmpty()) {
        return;
      }
      var statuses = rules.parameter("MH-EVALUATION", "statuses");
      var days = new java.util.TreeSet<LocalDate>();
      facts.all(Assessment.class).stream()
          .filter(a -> statuses.contains(a.status()) && isEvaluation(a))
          .sorted(Comparator.comparing(Assessment::date).thenComparing(a -> a.source().key()))
          .forEach(
              a -> {
                var on = date(a.date());
                if (on.isBefore(decision.get().date()) || !instance.covers(on)) {
                  return;
                }
                var attribution = attribute(on, a.encounter(), List.of(), instances);
                if (attribution.instance != instance || !days.add(on)) {
                  return;
                }
                var inputs = new LinkedHashMap<String, String>();
                inputs.put("evaluatedOn", on.toString());
                var match = conceptMatch(a.kinds(), "MH-EVALUATION", "concepts");
                var unverified = match.isPresent() && !match.get().verified();
                match.ifPresent(m -> inputs.putAll(m.inputs()));
                instance.add(
                    new DerivationResult.Code(
                        def.get().key(),
                        Milestone.EVALUATION,
                        on,
                        unverified ? CodeState.PROPOSED : attribution.state,
                        "MH-EVALUATION",
                        List.of(a.source().display()),
                        inputs,
                        null,
                        unverified ? unverifiedNote(match.get()) : attribution.note));
              });
    }

    /**
     * Pasientutsatt, proposed: an appointment the patient cancelled or missed while a lead time was
     * running, when the next appointment attended or booked is more than the limit of working days
     * later. Dated the missed appointment; each next appointment answers for one delay.
     */
    private void patientDelays(Instance instance, List<Instance> instances) {
      var def = code(instance, Milestone.PATIENT_DELAY, null);
      if (instance.pathway.kind().isCancer() || def.isEmpty()) {
        return;
      }
      var missedStatuses = rules.parameter("MH-PATIENT-DELAY", "missedStatuses");
      var cancelledStatuses = rules.parameter("MH-PATIENT-DELAY", "cancelledStatuses");
      var reasonSystems = rules.parameter("MH-PATIENT-DELAY", "cancellationReasonSystems");
      var patientReasons = rules.parameter("MH-PATIENT-DELAY", "patientReasons");
      var limit = Long.parseLong(rules.parameter("MH-PATIENT-DELAY", "moreThanWorkingDays").get(0));
      var appointments =
          facts.all(PlannedAppointment.class).stream()
              .filter(a -> a.start() != null)
              .sorted(
                  Comparator.comparing((PlannedAppointment a) -> Objects.requireNonNull(a.start()))
                      .thenComparing(a -> a.source().key()))
              .toList();
      var answered = new java.util.HashSet<String>();
      for (var missed : appointments) {
        var byPatient =
            missedStatuses.contains(missed.status())
                || (cancelledStatuses.contains(missed.status())
                    && missed.cancellationReasons().stream()
                        .anyMatch(
                            c ->
                                reasonSystems.contains(c.system())
                                    && patientReasons.contains(c.code())));
        var on = date(Objects.requireNonNull(missed.start()));
        if (!byPatient
            || !belongsTo(missed, on, instance, instances)
            || !intervalRunning(instance, on)) {
          continue;
        }
        var next = nextActivity(instance, instances, on);
        if (next == null) {
          continue;
        }
        var delay = WorkingDays.between(on, next.date);
        if (delay <= limit || !answered.add(next.source)) {
          continue;
        }
        var inputs = new LinkedHashMap<String, String>();
        inputs.put("missedOn", on.toString());
        inputs.put("status", missed.status());
        missed.cancellationReasons().stream()
            .filter(c -> reasonSystems.contains(c.system()))
            .findFirst()
            .ifPresent(c -> inputs.put("cancellationReason", c.code()));
        inputs.put("nextOn", next.date.toString());
        inputs.put("workingDays", Long.toString(delay));
        instance.add(
            new DerivationResult.Code(
                def.get().key(),
                Milestone.PATIENT_DELAY,
                on,
                CodeState.PROPOSED,
                "MH-PATIENT-DELAY",
                List.of(missed.source().display(), next.source),
                inputs,
                null,
                "The patient cancelled or missed the appointment of "
                    + on
                    + "; the next one is "
                    + delay
                    + " working days later: confirm that the patient caused the delay"));
      }
    }

    private record Activity(LocalDate date, String source) {}

    /** The next appointment attended or booked in the pathway after a day, if any. */
    private @Nullable Activity nextActivity(
        Instance instance, List<Instance> instances, LocalDate after) {
      var nextStatuses = rules.parameter("MH-PATIENT-DELAY", "nextStatuses");
      var candidates = new ArrayList<Activity>();
      for (var a : facts.all(PlannedAppointment.class)) {
        if (a.start() == null || !nextStatuses.contains(a.status())) {
          continue;
        }
        var on = date(a.start());
        if (on.isAfter(after) && belongsTo(a, on, instance, instances)) {
          candidates.add(new Activity(on, a.source().display()));
        }
      }
      for (var a : facts.all(Attendance.class)) {
        var on = date(a.start());
        if (visit(a).isPresent()
            && organisationsOf(a.organisations()).contains(instance.organisation)
            && on.isAfter(after)
            && instance.covers(on)) {
          candidates.add(new Activity(on, a.source().display()));
        }
      }
      return candidates.stream()
          .min(Comparator.comparing(Activity::date).thenComparing(Activity::source))
          .orElse(null);
    }

    /** Whether an appointment is this pathway's: by its referral, else the pathway open then. */
    private boolean belongsTo(
        PlannedAppointment appointment, LocalDate on, Instance instance, List<Instance> instances) {
      if (!instance.covers(on)) {
        return false;
      }
      var byReferral = byReferral(appointment.referral(), instances);
      if (byReferral.isPresent()) {
        return byReferral.get() == instance;
      }
      return attribute(on, null, List.of(), instances).instance == instance;
    }

    /**
     * Whether a lead time is running on a day: before any decision, or after one that leads on (to
     * treatment and its evaluations, or to extended assessment).
     */
    private boolean intervalRunning(Instance instance, LocalDate on) {
      var last =
          instance.decisions.stream()
              .filter(d -> !d.date().isAfter(on))
              .reduce((first, second) -> second);
      return last.isEmpty()
          || permits(instance, last.get(), d -> d.permitsTreatment() || d.permitsFurtherDecision());
    }

    /**
     * The procedures a treatment rule counts (its statuses, and a code in code or category that
     * means one of its concepts), as candidates named {@code label} (the suffix for cancer).
     */
    private void procedures(
        List<TreatmentCandidate> into, String rule, String statusParameter, String label) {
      var statuses = rules.parameter(rule, statusParameter);
      for (var p : facts.all(ProcedurePerformed.class)) {
        if (!statuses.contains(p.status())) {
          continue;
        }
        conceptMatch(p.codes(), rule, "concepts")
            .ifPresent(
                match ->
                    into.add(
                        new TreatmentCandidate(
                            label,
                            rule,
                            p.performed(),
                            p.encounter(),
                            p.performers(),
                            List.of(p.source().display()),
                            match)));
      }
    }

    /** The best match of the codes to the concepts a rule's parameter lists. */
    private Optional<ConceptMatch> conceptMatch(List<Code> codes, String rule, String parameter) {
      var concepts =
          rules.parameter(rule, parameter).stream()
              .map(Concept::valueOf)
              .collect(java.util.stream.Collectors.toSet());
      return terminology.match(
          codes.stream().map(c -> new Coding(c.system(), c.code())).toList(), concepts);
    }

    /** The drugs a treatment rule counts (its statuses, ATC prefixes), as candidates. */
    private void drugs(
        List<TreatmentCandidate> into, String rule, String statusParameter, String label) {
      var statuses = rules.parameter(rule, statusParameter);
      var atc = rules.parameter(rule, "atcPrefixes");
      for (var d : facts.all(DrugAdministered.class)) {
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
              new TreatmentCandidate(
                  label, rule, d.effective(), d.context(), d.performers(), sources, null));
        }
      }
    }

    private boolean permits(
        Instance instance, DerivationResult.Code decision, Predicate<CodeDefinition> what) {
      return code(instance, Milestone.CLINICAL_DECISION, decision.key())
          .map(what::test)
          .orElse(false);
    }

    /**
     * @param sources the resources behind it: the procedure or administration first, then the
     *     medication it names when that is where its ATC code came from
     * @param match the concept its code meant, for a procedure ({@code null} for a drug given)
     */
    private record TreatmentCandidate(
        String suffix,
        String rule,
        Instant at,
        @Nullable String encounter,
        List<String> performers,
        List<String> sources,
        @Nullable ConceptMatch match) {

      TreatmentCandidate {
        sources = List.copyOf(sources);
      }

      String source() {
        return sources.get(0);
      }
    }

    private void death(ClinicalEvent.PatientRecord record, List<Instance> instances) {
      if (record.deceased() == null) {
        return;
      }
      var died = date(record.deceased());
      var kinds = rules.parameter("END-AT-DEATH", "pathwayKinds");
      var mentalHealthKinds = rules.parameter("MH-END-OTHER-REASONS", "pathwayKinds");
      var otherReason = rules.parameter("MH-END-OTHER-REASONS", "reason").get(0);
      for (var instance : instances) {
        var kind = instance.pathway.kind().name();
        var mentalHealth = mentalHealthKinds.contains(kind);
        if ((!kinds.contains(kind) && !mentalHealth)
            || !instance.covers(died)
            || (mentalHealth && instance.closing != null)) {
          continue;
        }
        (mentalHealth
                ? closing(instance, Milestone.PATHWAY_END, otherReason)
                : code(instance, Milestone.PATHWAY_END, null))
            .ifPresent(
                def -> {
                  instance.add(
                      new DerivationResult.Code(
                          def.key(),
                          Milestone.PATHWAY_END,
                          died,
                          CodeState.REGISTERED,
                          mentalHealth ? "MH-END-OTHER-REASONS" : "END-AT-DEATH",
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

    /** The code of a milestone: with this suffix, or (none given) the plain one, without reason. */
    private Optional<CodeDefinition> code(
        Instance instance, Milestone milestone, @Nullable String suffix) {
      return catalogue.codesOf(instance.pathway).stream()
          .filter(c -> c.milestone() == milestone)
          .filter(c -> suffix == null ? c.reason() == null : suffix.equals(c.suffix()))
          .findFirst();
    }

    /**
     * The closing code of a milestone for a reason where the pathway's scheme has one (mental
     * health: closure for other reasons), else its plain closing code (cancer: X).
     */
    private Optional<CodeDefinition> closing(
        Instance instance, Milestone milestone, @Nullable String reason) {
      return catalogue.codesOf(instance.pathway).stream()
          .filter(c -> c.milestone() == milestone && reason != null && reason.equals(c.reason()))
          .findFirst()
          .or(() -> code(instance, milestone, null));
    }

    /** Why a code derived through an unverified default mapping is only proposed. */
    private static String unverifiedNote(ConceptMatch match) {
      return "The code "
          + match.coding().display()
          + " counts as "
          + match.concept()
          + " only through an unverified default mapping ("
          + match.mapping().terminology()
          + "): confirm it, or map the code in the hospital's ConceptMap";
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

  /** A pathway referral from one organisation to another: the sender's transfer. */
  private record Sent(
      Referral referral, PathwayDefinition pathway, String requester, String receiver) {}

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

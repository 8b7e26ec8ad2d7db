package no.forlop.coding.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.Icd10Group;
import no.forlop.catalog.Milestone;
import no.forlop.coding.ClinicalEvent.Assessment;
import no.forlop.coding.ClinicalEvent.Attendance;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.ClinicalEvent.ReferralTask;
import no.forlop.coding.Code;
import no.forlop.coding.domain.DerivationResult.Problem;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.Remark;
import no.forlop.terminology.domain.Coding;
import no.forlop.terminology.domain.Concept;
import no.forlop.terminology.domain.ConceptMatch;
import no.forlop.terminology.domain.Terminology;
import org.jspecify.annotations.Nullable;

/**
 * What the rule families of one patient's derivation share: the patient's facts, the rules, the
 * catalogue and terminology in force, the instances being derived, the problems found so far, and
 * the lookups every family needs (a milestone's code, an event's instance, a concept match).
 */
final class DerivationContext {

  final Catalogue catalogue;
  final DerivationRules rules;
  final Terminology terminology;
  final PatientFacts facts;
  final List<Problem> problems = new ArrayList<>();

  /** The patient's pathway instances, once the starts have made them. */
  List<DraftInstance> instances = List.of();

  private final Map<String, Attendance> attendancesByKey = new LinkedHashMap<>();

  DerivationContext(
      Catalogue catalogue, DerivationRules rules, Terminology terminology, PatientFacts facts) {
    this.catalogue = catalogue;
    this.rules = rules;
    this.terminology = terminology;
    this.facts = facts;
    for (var attendance : facts.all(Attendance.class)) {
      attendancesByKey.put(attendance.source().key(), attendance);
    }
  }

  static LocalDate date(Instant instant) {
    return OsloTime.dateOf(instant);
  }

  List<String> parameter(RuleId rule, String name) {
    return rules.parameter(rule, name);
  }

  /** The single value of a rule's parameter. */
  String single(RuleId rule, String name) {
    return parameter(rule, name).get(0);
  }

  void problem(String source, ProblemCode code, Object... args) {
    problems.add(Problem.of(source, code, args));
  }

  /** A problem that concerns one instance: reported, and kept with the instance for its page. */
  void problem(DraftInstance instance, String source, ProblemCode code, Object... args) {
    var problem = Problem.of(source, code, args);
    problems.add(problem);
    instance.unused.add(problem);
  }

  /** The organisation numbers of the organisations known by these keys. */
  List<String> organisationsOf(List<String> keys) {
    return keys.stream().map(facts::organisationNumber).filter(Objects::nonNull).toList();
  }

  /** The earliest task of these statuses on a referral, owned by the organisation or no one. */
  @Nullable ReferralTask earliestTask(Referral referral, String owner, List<String> statuses) {
    return facts.all(ReferralTask.class).stream()
        .filter(t -> t.focus().equals(referral.source().key()))
        .filter(t -> statuses.contains(t.status()))
        .filter(t -> t.owner() == null || owner.equals(facts.organisationNumber(t.owner())))
        .min(Comparator.comparing(ReferralTask::authoredOn))
        .orElse(null);
  }

  /** The code of a milestone: with this suffix, or (none given) the plain one, without reason. */
  Optional<CodeDefinition> code(
      DraftInstance instance, Milestone milestone, @Nullable String suffix) {
    return catalogue.codesOf(instance.pathway).stream()
        .filter(c -> c.milestone() == milestone)
        .filter(c -> suffix == null ? c.reason() == null : suffix.equals(c.suffix()))
        .findFirst();
  }

  /**
   * The closing code of a milestone for a reason where the pathway's scheme has one (mental health:
   * closure for other reasons), else its plain closing code (cancer: X).
   */
  Optional<CodeDefinition> closing(
      DraftInstance instance, Milestone milestone, @Nullable String reason) {
    return catalogue.codesOf(instance.pathway).stream()
        .filter(c -> c.milestone() == milestone && reason != null && reason.equals(c.reason()))
        .findFirst()
        .or(() -> code(instance, milestone, null));
  }

  /** Whether the code of a decision permits what is asked (treatment, a further decision). */
  boolean permits(
      DraftInstance instance, DerivationResult.Code decision, Predicate<CodeDefinition> what) {
    return code(instance, Milestone.CLINICAL_DECISION, decision.key())
        .map(what::test)
        .orElse(false);
  }

  /** The best match of the codes to the concepts a rule's parameter lists. */
  Optional<ConceptMatch> conceptMatch(List<Code> codes, RuleId rule, String parameter) {
    var concepts =
        parameter(rule, parameter).stream().map(Concept::valueOf).collect(Collectors.toSet());
    return terminology.match(
        codes.stream().map(c -> new Coding(c.system(), c.code())).toList(), concepts);
  }

  /** Whether an ICD-10 code is in one of the ranges ({@code C00-C97}) of a rule's parameter. */
  boolean inGroups(String icd10, RuleId rule, String parameter) {
    for (var range : parameter(rule, parameter)) {
      var parts = range.split("-");
      var group =
          new Icd10Group(parts[0], parts.length > 1 ? parts[1] : null, null, false, null, null);
      if (group.contains(icd10)) {
        return true;
      }
    }
    return false;
  }

  /** The instance a referral started, if it started one. */
  Optional<DraftInstance> byReferral(@Nullable String referral) {
    if (referral == null) {
      return Optional.empty();
    }
    return instances.stream()
        .filter(i -> i.start.referral().source().key().equals(referral))
        .findFirst();
  }

  /** Where an event belongs: its instance (if any), and whether that is certain or proposed. */
  record Attribution(@Nullable DraftInstance instance, CodeState state, @Nullable Remark note) {}

  Attribution attribute(LocalDate on, @Nullable String encounter, List<String> performers) {
    return attribute(on, encounter, performers, null);
  }

  /**
   * The instance an event belongs to: through its encounter's or performers' organisation where
   * given, else the patient's pathway open on that day. With several open, an assessment goes to
   * the pathway its diagnosis belongs to; otherwise the latest started, only proposed.
   */
  Attribution attribute(
      LocalDate on,
      @Nullable String encounter,
      List<String> performers,
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
    var latest = open.stream().max(Comparator.comparing(DraftInstance::startDate)).orElseThrow();
    return new Attribution(
        latest, CodeState.PROPOSED, DerivationNote.ATTRIBUTED_TO_LATEST_STARTED.with());
  }

  /** Why a code derived through an unverified default mapping is only proposed. */
  static Remark unverifiedNote(ConceptMatch match) {
    return DerivationNote.UNVERIFIED_MAPPING.with(
        match.coding().display(), match.concept(), match.mapping().terminology());
  }
}

package no.forlop.coordinator.pathwaypage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.access.Role;
import no.forlop.access.Unit;
import no.forlop.access.User;
import no.forlop.access.Users;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.catalog.PathwayKind;
import no.forlop.coordinator.pathwaypage.PathwayPage.Bar;
import no.forlop.coordinator.pathwaypage.PathwayPage.Blocked;
import no.forlop.coordinator.pathwaypage.PathwayPage.Choice;
import no.forlop.coordinator.pathwaypage.PathwayPage.Entry;
import no.forlop.coordinator.pathwaypage.PathwayPage.HistoryEntry;
import no.forlop.coordinator.pathwaypage.PathwayPage.Input;
import no.forlop.coordinator.pathwaypage.PathwayPage.NoteEntry;
import no.forlop.coordinator.pathwaypage.PathwayPage.Why;
import no.forlop.coordinator.web.PageAccess;
import no.forlop.coordinator.web.Texts;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.Origin;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.RuleExplanations;
import no.forlop.pathway.TrackedMilestone;
import no.forlop.patient.PatientDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Puts a patient's pathway page together: the pathway as the engine sees it (read through {@link
 * PathwayService}, which checks the user's units and audits the read), the tracked milestones and
 * rule questions of the derivation, the names from the catalogue, the EHR and the user directory.
 */
@Component
class PathwayPages {

  private final PathwayService pathways;
  private final CatalogueService catalogues;
  private final RuleExplanations derivation;
  private final PatientDirectory directory;
  private final Users users;
  private final Texts texts;
  private final EvaluationPlans evaluations;

  PathwayPages(
      PathwayService pathways,
      CatalogueService catalogues,
      RuleExplanations derivation,
      PatientDirectory directory,
      Users users,
      Texts texts,
      EvaluationPlans evaluations) {
    this.evaluations = evaluations;
    this.pathways = pathways;
    this.catalogues = catalogues;
    this.derivation = derivation;
    this.directory = directory;
    this.users = users;
    this.texts = texts;
  }

  /** Whether the signed-in user may change pathways (not only read them). */
  boolean mayChange() {
    return users.current().map(PageAccess::mayChange).orElse(false);
  }

  PathwayPage page(UUID id, Actor actor) {
    var view = pathways.get(new PathwayId(id), null, actor);
    var notes = pathways.notes(new PathwayId(id), actor);
    var catalogue = catalogues.current();
    var source = catalogueOf(view, catalogue);
    var definition = source.flatMap(c -> c.pathway(view.pathway().value()));
    var codes = source.map(c -> c.codesOf(definition.orElseThrow())).orElse(List.of());
    var coordinator = view.coordinator() == null ? null : users.find(view.coordinator());

    var timeline = new ArrayList<Ordered>();
    for (var code : view.codes()) {
      timeline.add(
          new Ordered(code.date(), rank(code.milestone()), entry(code, view, codes, catalogue)));
    }
    var tracked = view.milestones();
    for (int i = 0; i < tracked.size(); i++) {
      timeline.add(new Ordered(tracked.get(i).date(), trackedRank(), entry(tracked.get(i), i)));
    }
    timeline.sort(Comparator.comparing(Ordered::date).thenComparing(Ordered::rank));

    return new PathwayPage(
        view.id().value(),
        directory.nameOf(view.patient().value()).orElse(null),
        view.patient().value(),
        definition.map(d -> texts.in(d.names())).orElse(view.name()),
        view.organisation().value(),
        users.unit(view.organisation().value()).map(Unit::name).orElse(view.organisation().value()),
        view.state(),
        view.coordinator(),
        coordinator == null ? null : coordinator.map(User::name).orElse(view.coordinator()),
        texts.date(view.asOf()),
        view.catalogueVersion(),
        view.problem() == null ? null : texts.rejection(view.problem()),
        timeline.stream().map(Ordered::entry).toList(),
        view.leadTimes().stream().map(l -> bar(l, catalogue)).toList(),
        history(view, codes),
        newestFirst(
            notes.stream()
                .map(
                    n ->
                        new NoteEntry(
                            n.text(), texts.actor(n.writtenBy()), texts.time(n.writtenAt())))
                .toList()),
        codes.stream().map(c -> new Choice(official(c, view), label(c, view))).toList(),
        source.map(c -> startBases(c, definition.orElseThrow(), view)).orElse(List.of()),
        users.withRole(Role.COORDINATOR, view.organisation().value()).stream()
            .map(u -> new Choice(u.username(), u.name()))
            .toList(),
        // an emergency access (nødtilgang) only reads
        mayChange() && actor.mayAccess(view.organisation().value()),
        evaluates(view, catalogue),
        evaluations.plannedFor(view.id().value()).map(texts::date).orElse(null),
        view.changedFrom() == null ? null : link(view.changedFrom(), catalogue),
        view.changedTo() == null ? null : link(view.changedTo(), catalogue),
        view.changedFrom() == null || view.firstStartedOn() == null
            ? null
            : texts.date(view.firstStartedOn()),
        pathwayTypes(view, catalogue),
        pathways.today().toString(),
        whole(id, actor, catalogue),
        pathways.unused(new PathwayId(id), actor).stream()
            .map(
                u ->
                    new PathwayPage.Unused(
                        u.source(), Objects.requireNonNull(texts.remark(u.reason())), u.ignored()))
            .toList());
  }

  /** The whole pathway across trusts, where transfers link this instance to another. */
  private PathwayPage.@Nullable Whole whole(UUID id, Actor actor, Catalogue catalogue) {
    var whole = pathways.whole(new PathwayId(id), null, actor);
    if (!whole.linked()) {
      return null;
    }
    return WholeSection.of(
        whole,
        new PathwayId(id),
        organisation -> users.unit(organisation).map(Unit::name).orElse(organisation),
        texts::date,
        l -> bar(l, catalogue));
  }

  private PathwayPage.Link link(PathwayView.TypeChange change, Catalogue catalogue) {
    var name =
        catalogue
            .pathway(change.pathway().value())
            .map(d -> texts.in(d.names()))
            .orElse(change.name());
    return new PathwayPage.Link(
        change.id().value(),
        change.codePrefix() == null ? name : change.codePrefix() + " " + name,
        texts.date(change.changedOn()),
        texts.date(change.startedOn()),
        change.note());
  }

  /**
   * The types an open mental-health or substance-use pathway may change to: the other pathways of
   * those kinds in use today.
   */
  private List<Choice> pathwayTypes(PathwayView view, Catalogue catalogue) {
    var own = catalogue.pathway(view.pathway().value());
    if (!view.state().isOpen() || own.isEmpty() || !mentalHealth(own.get())) {
      return List.of();
    }
    var today = pathways.today();
    return catalogue.pathways().stream()
        .filter(PathwayPages::mentalHealth)
        .filter(d -> !d.id().equals(view.pathway().value()))
        .filter(d -> d.validOn(today))
        .map(
            d ->
                new Choice(
                    d.id(),
                    d.codePrefix().value() == null
                        ? texts.in(d.names())
                        : d.codePrefix().value() + " " + texts.in(d.names())))
        .toList();
  }

  private static boolean mentalHealth(PathwayDefinition definition) {
    return definition.kind() == PathwayKind.MENTAL_HEALTH
        || definition.kind() == PathwayKind.SUBSTANCE_USE;
  }

  /** Whether the pathway has evaluation points (mental health and substance use), still open. */
  private static boolean evaluates(PathwayView view, Catalogue catalogue) {
    return view.state().isOpen()
        && catalogue.pathway(view.pathway().value()).stream()
            .flatMap(p -> catalogue.indicatorsOf(p).stream())
            .anyMatch(i -> i.to() == Milestone.EVALUATION);
  }

  private record Ordered(LocalDate date, int rank, Entry entry) {}

  private static int rank(Milestone milestone) {
    return milestone.ordinal() * 2;
  }

  /** A biopsy belongs to the work-up: after the first attendance, before the decision. */
  private static int trackedRank() {
    return Milestone.CLINICAL_DECISION.ordinal() * 2 - 1;
  }

  private Entry entry(
      PathwayView.Code code, PathwayView view, List<CodeDefinition> codes, Catalogue catalogue) {
    var facts =
        view.history().stream().filter(f -> f.registration().equals(code.registration())).toList();
    var registered = first(facts, CodeFact.Kind.REGISTERED);
    var confirmed = last(facts, CodeFact.Kind.CONFIRMED);
    var corrected = last(facts, CodeFact.Kind.CORRECTED);
    var manual = Origin.Kind.MANUAL.name().equals(code.origin());
    var why =
        new Why(
            manual,
            code.rule(),
            code.rule() == null ? null : question(code.rule()),
            code.rulesetVersion(),
            code.sources(),
            code.inputs().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> input(e.getKey(), e.getValue(), catalogue))
                .toList(),
            registered == null ? null : registered.catalogueVersion(),
            texts.actor(code.recordedBy()),
            texts.time(code.recordedAt()),
            registered == null ? null : texts.remark(registered.reason()),
            confirmed == null ? null : texts.actor(confirmed.actor()),
            confirmed == null ? null : texts.time(confirmed.recordedAt()),
            corrected == null ? null : texts.actor(corrected.actor()),
            corrected == null ? null : texts.time(corrected.recordedAt()),
            corrected == null ? null : texts.remark(corrected.reason()));
    return new Entry(
        "code-" + code.registration(),
        code.registration().value(),
        code.date(),
        texts.date(code.date()),
        code.code(),
        nameOf(code.key(), codes),
        code.state().name(),
        manual,
        code.corrected(),
        // the pathway's prefix is not in the catalogue: the code is only its suffix ("A")
        view.codePrefix() == null,
        why,
        blocked(code, view, codes));
  }

  /**
   * For a proposal the coding rules would refuse as a registered code: their reason, and the step
   * that is missing where the reason names one (a first attendance before a decision, a decision
   * before a treatment, a start before anything), so the page offers that step instead of a
   * confirmation that would fail.
   */
  private @Nullable Blocked blocked(
      PathwayView.Code code, PathwayView view, List<CodeDefinition> codes) {
    var refused = code.confirmRefused();
    if (refused == null) {
      return null;
    }
    var missing =
        switch (refused.reason()) {
          case FIRST_ATTENDANCE_MISSING -> Milestone.FIRST_ATTENDANCE;
          case DECISION_MISSING -> Milestone.CLINICAL_DECISION;
          case START_MISSING -> Milestone.PATHWAY_START;
          default -> null;
        };
    var definition =
        missing == null
            ? null
            : codes.stream().filter(c -> c.milestone() == missing).findFirst().orElse(null);
    return new Blocked(
        texts.rejection(refused),
        missing == null ? null : texts.message("pathway.blocked.step." + missing),
        definition == null ? null : official(definition, view));
  }

  private Entry entry(TrackedMilestone milestone, int index) {
    var why =
        new Why(
            false,
            milestone.rule(),
            question(milestone.rule()),
            derivation.ruleSetVersion(),
            milestone.sources(),
            List.of(),
            null,
            texts.actor(Texts.DERIVATION_ACTOR),
            texts.date(milestone.date()),
            null,
            null,
            null,
            null,
            null,
            null);
    return new Entry(
        "tracked-" + index,
        null,
        milestone.date(),
        texts.date(milestone.date()),
        milestone.type(),
        null,
        "TRACKED",
        false,
        false,
        false,
        why,
        null);
  }

  /**
   * A value the rule used, as the page says it: its name from the message files ({@code
   * pathway.input.<name>}), a date as the pages write dates, yes or no, a coded value by its words
   * ({@code pathway.input.<name>.<value>}, a treatment type by its catalogue name); anything else
   * (codes, versions, organisation numbers) as it is.
   */
  private Input input(String name, String value, Catalogue catalogue) {
    var label = texts.messageOrNull("pathway.input." + name);
    return new Input(label == null ? name : label, inputValue(name, value, catalogue));
  }

  private String inputValue(String name, String value, Catalogue catalogue) {
    if (value.equals("true") || value.equals("false")) {
      return texts.message("pathway.input." + value);
    }
    var coded = name.equals("meaning") ? MEANINGS_BEFORE_CODES.getOrDefault(value, value) : value;
    if (coded.matches("[A-Za-z0-9_]+")) {
      var words = texts.messageOrNull("pathway.input." + name + "." + coded);
      if (words != null) {
        return words;
      }
    }
    if (name.equals("terminology") && value.startsWith("default ")) {
      // the default mappings' label in a trace ("default 2026.12.4"), a word the page says
      return texts.message("pathway.input.terminology.default", value.substring(8));
    }
    if (name.equals("treatment")) {
      return catalogue.treatmentType(value).map(t -> texts.in(t.names())).orElse(value);
    }
    return texts.argument(value);
  }

  /**
   * What a diagnosis meant, as codes derived before it was a code (issue 16) kept it: in English
   * words, each with its code.
   */
  private static final java.util.Map<String, String> MEANINGS_BEFORE_CODES =
      java.util.Map.of(
          "metastasis of unknown origin", "METASTASIS_UNKNOWN_ORIGIN",
          "organ-specific cancer", "ORGAN_SPECIFIC_CANCER",
          "cancer of this pathway's organ", "CANCER_OF_PATHWAY_ORGAN",
          "other cancer", "OTHER_CANCER",
          "other disease than cancer", "OTHER_DISEASE",
          "no disease found", "NO_DISEASE");

  private @Nullable String question(String rule) {
    // a rule of an earlier rule set, no longer known, has no question
    return derivation.question(rule).map(texts::in).orElse(null);
  }

  private static PathwayView.@Nullable Fact first(
      List<PathwayView.Fact> facts, CodeFact.Kind kind) {
    return facts.stream().filter(f -> f.kind() == kind).findFirst().orElse(null);
  }

  private static PathwayView.@Nullable Fact last(List<PathwayView.Fact> facts, CodeFact.Kind kind) {
    return facts.stream().filter(f -> f.kind() == kind).reduce((a, b) -> b).orElse(null);
  }

  private Bar bar(LeadTime lead, Catalogue catalogue) {
    var used =
        lead.days() != null ? lead.days() : lead.elapsedDays() == null ? 0 : lead.elapsedDays();
    var unverified = lead.standardDays() == null && lead.unverifiedStandardDays() != null;
    var norm = lead.standardDays() != null ? lead.standardDays() : lead.unverifiedStandardDays();
    var scale = Math.max(1, Math.max(used, norm == null ? 0 : norm));
    return new Bar(
        lead.indicator(),
        catalogue
            .indicator(lead.indicator())
            .map(i -> texts.in(i.names()))
            .orElse(lead.indicator()),
        lead.treatment() == null
            ? null
            : catalogue
                .treatmentType(lead.treatment())
                .map(t -> texts.in(t.names()))
                .orElse(lead.treatment()),
        texts.date(lead.from()),
        lead.to() == null ? null : texts.date(lead.to()),
        used,
        norm,
        unverified,
        lead.dayType().name(),
        lead.status(),
        lead.dueDate() == null ? null : texts.date(lead.dueDate()),
        (int) Math.round(100.0 * used / scale),
        norm == null ? null : (int) Math.round(100.0 * norm / scale),
        lead.patientDelayed(),
        lead.assumption() == null ? null : lead.assumption().name(),
        lead.notJudged() == null ? null : lead.notJudged().name());
  }

  private List<HistoryEntry> history(PathwayView view, List<CodeDefinition> codes) {
    var entries = new ArrayList<HistoryEntry>();
    // a confirmation, rejection or withdrawal names no code of its own: it is about the code its
    // registration had then, which the row names too ("Forslag avvist: A12CK")
    var codeOf = new java.util.HashMap<no.forlop.pathway.RegistrationId, PathwayView.Fact>();
    for (var fact : view.history()) {
      if (fact.key() != null) {
        codeOf.put(fact.registration(), fact);
      }
      var coded = fact.key() != null ? fact : codeOf.get(fact.registration());
      entries.add(
          new HistoryEntry(
              fact.seq(),
              fact.kind(),
              coded == null ? null : coded.code(),
              coded == null || coded.key() == null ? null : nameOf(coded.key(), codes),
              fact.date() == null ? null : texts.date(fact.date()),
              fact.state(),
              Origin.Kind.MANUAL.name().equals(fact.origin()),
              fact.rule(),
              texts.remark(fact.reason()),
              texts.actor(fact.actor()),
              texts.time(fact.recordedAt()),
              fact.catalogueVersion()));
    }
    return newestFirst(entries);
  }

  private static <T> List<T> newestFirst(List<T> oldestFirst) {
    var copy = new ArrayList<>(oldestFirst);
    java.util.Collections.reverse(copy);
    return List.copyOf(copy);
  }

  /** The catalogue version that knows the pathway: the one in force, or one its history used. */
  private Optional<Catalogue> catalogueOf(PathwayView view, Catalogue current) {
    if (current.pathway(view.pathway().value()).isPresent()) {
      return Optional.of(current);
    }
    // removed from the catalogue in force: a version its history was checked against knows it
    return view.history().stream()
        .map(PathwayView.Fact::catalogueVersion)
        .distinct()
        .map(catalogues::version)
        .flatMap(Optional::stream)
        .filter(c -> c.pathway(view.pathway().value()).isPresent())
        .findFirst();
  }

  private @Nullable String nameOf(String key, List<CodeDefinition> codes) {
    return codes.stream()
        .filter(c -> c.key().equals(key))
        .findFirst()
        .map(c -> texts.in(c.names()))
        .orElse(null);
  }

  private static String official(CodeDefinition code, PathwayView view) {
    return view.codePrefix() != null && code.suffix() != null
        ? view.codePrefix() + code.suffix()
        : code.key();
  }

  /** The code and its name; a code whose event letter is unknown by its name only. */
  private String label(CodeDefinition code, PathwayView view) {
    return view.codePrefix() != null && code.suffix() != null
        ? official(code, view) + " " + texts.in(code.names())
        : texts.in(code.names());
  }

  private List<Choice> startBases(
      Catalogue catalogue, PathwayDefinition definition, PathwayView view) {
    return catalogue.schemeOf(definition).startRules().stream()
        .filter(r -> r.validOn(view.asOf()))
        .map(r -> new Choice(r.basis().name(), texts.in(r.description())))
        .toList();
  }
}

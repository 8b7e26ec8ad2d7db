package no.forlop.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import no.forlop.access.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.Milestone;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.catalog.PathwayKind;
import no.forlop.pathway.InvalidPathwayRequestException.Problem;
import no.forlop.pathway.domain.CodingRules;
import no.forlop.pathway.domain.PatientPathway;
import no.forlop.pathway.domain.PatientPathway.Outcome;
import no.forlop.pathway.domain.Reconciliation;
import no.forlop.pathway.domain.Registration;
import no.forlop.pathway.persistence.PathwayStore;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * A unit of work on the pathways of some patients: loads them once (locked until the transaction
 * ends), applies any number of changes in memory through the pathway engine, and stores the new
 * pathways, facts, tracked milestones and audit entries in a few batched statements at {@link
 * #commit()}. The pathway use cases run in one; the automatic registration runs a whole chunk of
 * patients in one ({@link PathwayService#applyDerivations}).
 *
 * <p>Use inside a transaction; nothing is stored until {@code commit}.
 */
final class PathwayWork {

  private static final Pattern ORGANISATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,39}");

  private final PathwayStore store;
  private final CatalogueService catalogues;
  private final AuditLog audit;
  private final Actor actor;
  private final Catalogue catalogue;
  private final LocalDate today;
  private final Instant now;
  private final Map<UUID, PatientPathway> pathways = new LinkedHashMap<>();
  private final List<PatientPathway.Header> created = new ArrayList<>();
  private final List<PatientPathway.TypeChange> typeChanges = new ArrayList<>();
  private final List<AuditLog.Entry> entries = new ArrayList<>();
  private final java.util.Set<UUID> changed = new java.util.LinkedHashSet<>();
  private final java.util.Set<UUID> tracked = new java.util.LinkedHashSet<>();
  private final org.springframework.context.ApplicationEventPublisher events;

  PathwayWork(
      org.springframework.context.ApplicationEventPublisher events,
      PathwayStore store,
      CatalogueService catalogues,
      AuditLog audit,
      Actor actor,
      LocalDate today,
      Instant now,
      List<PatientPathway> loaded) {
    this.events = events;
    this.store = store;
    this.catalogues = catalogues;
    this.audit = audit;
    this.actor = actor;
    this.catalogue = catalogues.current();
    this.today = today;
    this.now = now;
    loaded.forEach(p -> pathways.put(p.header().id(), p));
  }

  public LocalDate today() {
    return today;
  }

  /** The loaded pathways of one patient, as they stand now, in the order they were opened. */
  List<PatientPathway> loadedOf(String patient) {
    return pathways.values().stream().filter(p -> p.header().patient().equals(patient)).toList();
  }

  /** The state a loaded pathway's registered codes walk it to. */
  no.forlop.pathway.PathwayState state(PatientPathway pathway) {
    return pathway.state(rules(pathway));
  }

  /** Opens a pathway instance (stored at commit). */
  public PathwayView create(CreatePathway request) {
    return view(orThrow(open(request)), today);
  }

  /**
   * Opens a pathway instance (stored at commit), or says why not as a value: what {@link #create}
   * throws as an {@link InvalidPathwayRequestException}.
   */
  Opening open(CreatePathway request) {
    var opening = openOrRefuse(request);
    if (opening instanceof Opening.Opened opened) {
      var header = opened.pathway().header();
      entries.add(
          new AuditLog.Entry(AuditAction.CREATE, header.patient(), "pathway/" + header.id(), null));
    }
    return opening;
  }

  /** A pathway instance opened, or the problem that kept it from opening. */
  sealed interface Opening {
    record Opened(PatientPathway pathway) implements Opening {}

    record Refused(Problem problem, List<Object> args) implements Opening {}
  }

  private static PatientPathway orThrow(Opening opening) {
    if (opening instanceof Opening.Refused refused) {
      throw new InvalidPathwayRequestException(refused.problem(), refused.args().toArray());
    }
    return ((Opening.Opened) opening).pathway();
  }

  private Opening openOrRefuse(CreatePathway request) {
    var patient = PatientIdentifier.parse(request.patient());
    var found = definition(catalogue, request.pathway());
    if (found.isEmpty()) {
      return refused(Problem.UNKNOWN_PATHWAY, request.pathway(), catalogue.version());
    }
    var definition = found.get();
    if (request.organisation() == null || !ORGANISATION.matcher(request.organisation()).matches()) {
      return refused(Problem.INVALID_ORGANISATION, String.valueOf(request.organisation()));
    }
    var variant = request.variant();
    var variants = catalogue.document().normVariants();
    if (variant != null && variants.stream().noneMatch(v -> v.id().equals(variant))) {
      return refused(
          Problem.UNKNOWN_VARIANT,
          variant,
          String.join(", ", variants.stream().map(v -> v.id()).toList()));
    }
    var open =
        pathways.values().stream()
            .filter(p -> p.header().patient().equals(patient.value()))
            .filter(p -> p.header().pathway().equals(definition.id()))
            .filter(p -> p.header().organisation().equals(request.organisation()))
            .filter(p -> p.state(rules(p)).isOpen())
            .findFirst();
    if (open.isPresent()) {
      return new Opening.Refused(Problem.PATHWAY_ALREADY_OPEN, openPathwayArgs(open.get()));
    }
    if (isMentalHealth(definition)) {
      var openMentalHealth =
          pathways.values().stream()
              .filter(p -> p.header().patient().equals(patient.value()))
              .filter(
                  p ->
                      definition(catalogue, p.header().pathway())
                          .map(PathwayWork::isMentalHealth)
                          .orElse(false))
              .filter(p -> p.state(rules(p)).isOpen())
              .findFirst();
      if (openMentalHealth.isPresent()) {
        var other = openMentalHealth.get().header();
        var args = new ArrayList<>(openPathwayArgs(openMentalHealth.get()));
        args.add(definition.prefix().orElse(definition.id()));
        // at the same organisation a change of pathway type is the way on; elsewhere it is not
        args.add(other.id().toString());
        args.add(other.organisation().equals(request.organisation()) ? 1 : 0);
        return new Opening.Refused(Problem.MENTAL_HEALTH_PATHWAY_OPEN, args);
      }
    }
    var header =
        new PatientPathway.Header(
            UUID.randomUUID(),
            patient.value(),
            definition.id(),
            request.organisation(),
            variant,
            now,
            actor.id(),
            catalogue.version(),
            null);
    var pathway = new PatientPathway(header, List.of());
    pathways.put(header.id(), pathway);
    created.add(header);
    changed.add(header.id());
    return new Opening.Opened(pathway);
  }

  private static Opening refused(Problem problem, Object... args) {
    return new Opening.Refused(problem, List.of(args));
  }

  /**
   * Changes the type of an open mental-health or substance-use pathway (ADR 0014): closes it with
   * the catalogue's closing code for a change of type ({@code PATHWAY_END}, reason {@code
   * TYPE_CHANGED}) on the date of the change, and opens a pathway of the new type at the same
   * organisation that starts that day (with the old start's basis), the two linked both ways. Both
   * codes pass the coding rules; one audit entry records the change.
   *
   * @return the new pathway, or the coding rules' refusal (nothing recorded)
   * @throws InvalidPathwayRequestException when the change is not one the rules allow
   */
  public ChangeResult changeType(UUID id, ChangeType request) {
    var old = pathway(id);
    var oldRules = rules(old);
    var oldDefinition = oldRules.pathway();
    if (!isMentalHealth(oldDefinition)) {
      throw InvalidPathwayRequestException.of(
          Problem.TYPE_CHANGE_NOT_MENTAL_HEALTH, oldDefinition.names());
    }
    var state = old.state(oldRules);
    if (!state.isOpen()) {
      throw InvalidPathwayRequestException.of(
          Problem.TYPE_CHANGE_NOT_OPEN, oldDefinition.names(), state.name());
    }
    var newDefinition =
        definition(catalogue, request.pathway())
            .orElseThrow(
                () ->
                    new InvalidPathwayRequestException(
                        Problem.UNKNOWN_PATHWAY,
                        "The catalogue (version "
                            + catalogue.version()
                            + ") has no pathway '"
                            + request.pathway()
                            + "'."));
    if (newDefinition.id().equals(oldDefinition.id())) {
      throw InvalidPathwayRequestException.of(Problem.TYPE_CHANGE_SAME_TYPE, newDefinition.names());
    }
    if (!isMentalHealth(newDefinition)) {
      throw InvalidPathwayRequestException.of(
          Problem.TYPE_CHANGE_TO_NOT_MENTAL_HEALTH, newDefinition.names());
    }
    var date = request.date();
    var start =
        old.registeredCodes(oldRules).stream()
            .filter(r -> r.code().milestone() == Milestone.PATHWAY_START)
            .findFirst()
            .orElseThrow(
                () ->
                    InvalidPathwayRequestException.of(
                        Problem.TYPE_CHANGE_NOT_STARTED, oldDefinition.names()));
    if (date.isAfter(today)) {
      throw InvalidPathwayRequestException.of(Problem.TYPE_CHANGE_IN_FUTURE, date, today);
    }
    if (date.isBefore(start.date())) {
      throw InvalidPathwayRequestException.of(
          Problem.TYPE_CHANGE_BEFORE_START, date, oldDefinition.names(), start.date());
    }
    if (!newDefinition.validOn(date)) {
      throw InvalidPathwayRequestException.of(
          Problem.TYPE_CHANGE_PATHWAY_NOT_VALID,
          newDefinition.names(),
          date,
          orDash(newDefinition.validFrom().value()),
          orDash(newDefinition.validTo().value()));
    }
    var closing =
        oldRules.codes().stream()
            .filter(c -> c.milestone() == Milestone.PATHWAY_END)
            .filter(c -> TYPE_CHANGED.equals(c.reason()))
            .findFirst()
            .orElseThrow(
                () ->
                    InvalidPathwayRequestException.of(
                        Problem.TYPE_CHANGE_NO_CLOSING_CODE, oldDefinition.names()));
    var header = old.header();
    var newRules =
        new CodingRules(
            newDefinition, catalogue.schemeOf(newDefinition), catalogue.codesOf(newDefinition));
    var opening =
        newRules.codes().stream()
            .filter(c -> c.milestone() == Milestone.PATHWAY_START)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(newDefinition.id() + " has no start"));
    var startCode =
        new PatientPathway.NewCode(
            opening,
            date,
            CodeState.REGISTERED,
            Origin.MANUAL,
            start.startBasis(),
            null,
            null,
            null);
    // the new start on its own first, so that a refusal leaves nothing recorded
    var startProblem =
        newRules
            .checkCode(opening, date, today)
            .or(() -> newRules.checkStart(start.startBasis(), date, null, null));
    if (startProblem.isPresent()) {
      return new ChangeResult.Refused(startProblem.get());
    }
    var context = new PatientPathway.Context(today, actor.id(), now, catalogue.version());
    var closed = old.register(PatientPathway.NewCode.manual(closing, date), oldRules, context);
    if (closed instanceof Outcome.Refused refused) {
      return new ChangeResult.Refused(refused.rejection());
    }
    changed.add(id);
    var replacement =
        orThrow(
            openOrRefuse(
                new CreatePathway(
                    header.patient(),
                    newDefinition.id(),
                    header.organisation(),
                    header.variant())));
    var opened = replacement.register(startCode, newRules, context);
    if (opened instanceof Outcome.Refused refused) {
      // checked above; the closing code is in memory only, and the caller does not commit
      throw new IllegalStateException("the new start was refused: " + refused.rejection());
    }
    var note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
    var link =
        new PatientPathway.TypeChange(
            id,
            oldDefinition.id(),
            replacement.header().id(),
            newDefinition.id(),
            date,
            start.date(),
            header.changedFrom() != null ? header.changedFrom().firstStartedOn() : start.date(),
            note,
            now,
            actor.id());
    typeChanges.add(link);
    pathways.put(id, old.with(header.linked(header.changedFrom(), link)));
    var linked = replacement.with(replacement.header().linked(link, null));
    pathways.put(linked.header().id(), linked);
    entries.add(
        new AuditLog.Entry(
            AuditAction.UPDATE,
            header.patient(),
            "pathway/" + id,
            "TYPE_CHANGED "
                + display(oldDefinition)
                + " -> "
                + display(newDefinition)
                + " "
                + date
                + " pathway/"
                + linked.header().id()));
    return new ChangeResult.Changed(view(linked, today), ((Outcome.Recorded) opened).fact());
  }

  private static final String TYPE_CHANGED = "TYPE_CHANGED";

  private static String display(PathwayDefinition definition) {
    return definition.codePrefix().value() != null
        ? definition.codePrefix().value()
        : definition.id();
  }

  private static Object orDash(@Nullable Object value) {
    return value == null ? "–" : value;
  }

  public ChangeResult register(UUID id, RegisterCode request) {
    return change(
        id,
        (pathway, rules, context) -> {
          var code = rules.resolve(request.code());
          if (code.isEmpty()) {
            return new Outcome.Refused(unknownCode(request.code(), rules));
          }
          return pathway.register(
              new PatientPathway.NewCode(
                  code.get(),
                  request.date(),
                  request.state(),
                  request.origin(),
                  request.startBasis(),
                  request.referralReceivedOn(),
                  request.referralAssessedOn(),
                  request.note()),
              rules,
              context);
        });
  }

  public ChangeResult correct(
      UUID id,
      UUID registration,
      @Nullable String code,
      @Nullable LocalDate date,
      @Nullable String reason) {
    return change(
        id,
        (pathway, rules, context) -> {
          CodeDefinition newCode = null;
          if (code != null && !code.isBlank()) {
            var resolved = rules.resolve(code);
            if (resolved.isEmpty()) {
              return new Outcome.Refused(unknownCode(code, rules));
            }
            newCode = resolved.get();
          }
          return pathway.correct(registration, newCode, date, reason, rules, context);
        });
  }

  public ChangeResult withdraw(UUID id, UUID registration, @Nullable String reason) {
    return change(
        id, (pathway, rules, context) -> pathway.withdraw(registration, reason, rules, context));
  }

  public ChangeResult confirm(UUID id, UUID registration) {
    return change(id, (pathway, rules, context) -> pathway.confirm(registration, rules, context));
  }

  public ChangeResult reject(UUID id, UUID registration, @Nullable String reason) {
    return change(id, (pathway, rules, context) -> pathway.reject(registration, reason, context));
  }

  /**
   * The arguments that describe an open pathway in a refusal: code prefix (or id), Norwegian and
   * English name, organisation, the date it started (or was opened, if it has not) and 1 if it has
   * started, else 0. Never the patient.
   */
  private List<Object> openPathwayArgs(PatientPathway pathway) {
    var header = pathway.header();
    var definition = definition(catalogue, header.pathway());
    var start =
        pathway.registeredCodes(rules(pathway)).stream()
            .filter(r -> r.code().milestone() == no.forlop.catalog.Milestone.PATHWAY_START)
            .map(Registration::date)
            .findFirst();
    return List.of(
        definition.flatMap(PathwayDefinition::prefix).orElse(header.pathway()),
        definition.map(d -> d.names().nb()).orElse(header.pathway()),
        definition.map(d -> d.names().in("en")).orElse(header.pathway()),
        header.organisation(),
        start.orElse(no.forlop.calendar.OsloTime.dateOf(header.createdAt())).toString(),
        start.isPresent() ? 1 : 0);
  }

  private static boolean isMentalHealth(PathwayDefinition definition) {
    return definition.kind() == PathwayKind.MENTAL_HEALTH
        || definition.kind() == PathwayKind.SUBSTANCE_USE;
  }

  /** Stores what this unit of work created and changed, in batches. */
  public void commit() {
    store.insertAll(created);
    var facts = new LinkedHashMap<UUID, List<no.forlop.pathway.CodeFact>>();
    for (var pathway : pathways.values()) {
      if (!pathway.pending().isEmpty()) {
        facts.put(pathway.header().id(), pathway.pending());
      }
    }
    store.appendAll(facts);
    store.insertTypeChanges(typeChanges);
    var milestones = new LinkedHashMap<UUID, List<TrackedMilestone>>();
    tracked.forEach(id -> milestones.put(id, pathways.get(id).milestones()));
    store.replaceMilestones(milestones, now);
    audit.recordAll(actor, entries);
    typeChanges.clear();
    created.clear();
    entries.clear();
    tracked.clear();
    var reloaded = new ArrayList<PatientPathway>();
    for (var pathway : pathways.values()) {
      reloaded.add(new PatientPathway(pathway.header(), pathway.history(), pathway.milestones()));
    }
    pathways.clear();
    reloaded.forEach(p -> pathways.put(p.header().id(), p));
    if (!changed.isEmpty()) {
      events.publishEvent(
          new PathwaysChanged(changed.stream().map(id -> view(pathways.get(id), today)).toList()));
      changed.clear();
    }
  }

  private interface Change {
    Outcome apply(PatientPathway pathway, CodingRules rules, PatientPathway.Context context);
  }

  private ChangeResult change(UUID id, Change change) {
    var pathway = pathway(id);
    var rules = rules(pathway);
    var context = new PatientPathway.Context(today, actor.id(), now, catalogue.version());
    var outcome = change.apply(pathway, rules, context);
    if (outcome instanceof Outcome.Refused refused) {
      return new ChangeResult.Refused(refused.rejection());
    }
    var fact = ((Outcome.Recorded) outcome).fact();
    recorded(pathway, fact);
    return new ChangeResult.Changed(view(pathway, today), fact);
  }

  /**
   * Brings the derived codes of a loaded pathway in line with the codes wanted ({@link
   * Reconciliation}); every fact it records is audited and stored at commit like any other change.
   */
  List<Reconciliation.Outcome> reconcile(UUID id, List<Reconciliation.Wanted> wanted) {
    var pathway = pathway(id);
    var before = pathway.pending().size();
    var context = new PatientPathway.Context(today, actor.id(), now, catalogue.version());
    var outcomes = Reconciliation.reconcile(pathway, wanted, rules(pathway), context);
    var pending = pathway.pending();
    pending.subList(before, pending.size()).forEach(fact -> recorded(pathway, fact));
    return outcomes;
  }

  /** Replaces the milestones tracked on a loaded pathway (stored at commit). */
  void track(UUID id, List<TrackedMilestone> milestones) {
    pathway(id).track(milestones);
    tracked.add(id);
  }

  private void recorded(PatientPathway pathway, CodeFact fact) {
    var id = pathway.header().id();
    changed.add(id);
    entries.add(
        new AuditLog.Entry(
            AuditAction.UPDATE,
            pathway.header().patient(),
            "pathway/" + id,
            fact.kind()
                + " "
                + (fact.code() == null ? fact.registration() : fact.code().display())));
  }

  private PatientPathway pathway(UUID id) {
    var pathway = pathways.get(id);
    if (pathway == null) {
      throw new PathwayNotFoundException(id);
    }
    return pathway;
  }

  private static Rejection unknownCode(String code, CodingRules rules) {
    return new Rejection(
        Rejection.Reason.UNKNOWN_CODE, List.of(code, rules.pathway().names().nb()));
  }

  /** The catalogue's pathway for an id or a code prefix. */
  static java.util.Optional<PathwayDefinition> definition(Catalogue catalogue, String idOrPrefix) {
    if (idOrPrefix == null) {
      return java.util.Optional.empty();
    }
    return catalogue
        .pathway(idOrPrefix)
        .or(
            () ->
                catalogue.pathways().stream()
                    .filter(p -> idOrPrefix.equalsIgnoreCase(p.codePrefix().value()))
                    .findFirst());
  }

  CodingRules rules(PatientPathway pathway) {
    return rules(catalogue, catalogues, pathway);
  }

  static CodingRules rules(
      Catalogue catalogue, CatalogueService catalogues, PatientPathway pathway) {
    var id = pathway.header().pathway();
    var source =
        catalogue.pathway(id).isPresent()
            ? catalogue
            // removed from the catalogue in force: judge it by the version it was opened with
            : catalogues.version(pathway.header().catalogueVersion()).orElseThrow();
    var definition = source.pathway(id).orElseThrow();
    return new CodingRules(definition, source.schemeOf(definition), source.codesOf(definition));
  }

  PathwayView view(PatientPathway pathway, LocalDate asOf) {
    return PathwayViews.view(pathway, catalogue, catalogues, asOf);
  }
}

package no.forlop.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.pathway.InvalidPathwayRequestException.Problem;
import no.forlop.pathway.domain.CodingRules;
import no.forlop.pathway.domain.PatientPathway;
import no.forlop.pathway.domain.PatientPathway.Outcome;
import no.forlop.pathway.domain.Reconciliation;
import no.forlop.pathway.domain.TransferLink;
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
 * <p>Whether a pathway may be opened is {@link OpeningRules}'; whether a change of type is allowed,
 * {@link TypeChangePlan}'s.
 *
 * <p>Use inside a transaction; nothing is stored until {@code commit}.
 */
final class PathwayWork {

  private final PathwayStore store;
  private final CatalogueService catalogues;
  private final AuditLog audit;
  private final Actor actor;
  private final Catalogue catalogue;
  private final OpeningRules openings;
  private final LocalDate today;
  private final Instant now;
  private final Map<UUID, PatientPathway> pathways = new LinkedHashMap<>();
  private final List<PatientPathway.Header> created = new ArrayList<>();
  private final List<PatientPathway.TypeChange> typeChanges = new ArrayList<>();
  private final List<AuditLog.Entry> entries = new ArrayList<>();
  private final java.util.Set<UUID> changed = new java.util.LinkedHashSet<>();
  private final java.util.Set<UUID> tracked = new java.util.LinkedHashSet<>();
  private final Map<UUID, List<UnusedFact>> unused = new LinkedHashMap<>();
  private final Map<String, List<TransferLink>> transfers = new LinkedHashMap<>();
  private final org.springframework.context.ApplicationEventPublisher events;
  private final java.util.Set<String> wholePatients;

  /**
   * @param loaded the pathways to work on, locked
   * @param wholePatients the patients of whom {@code loaded} holds every pathway (a unit of work on
   *     patients), none if it holds only some (a change of one pathway)
   */
  PathwayWork(
      org.springframework.context.ApplicationEventPublisher events,
      PathwayStore store,
      CatalogueService catalogues,
      AuditLog audit,
      Actor actor,
      LocalDate today,
      Instant now,
      List<PatientPathway> loaded,
      java.util.Set<String> wholePatients) {
    this.events = events;
    this.wholePatients = wholePatients;
    this.store = store;
    this.catalogues = catalogues;
    this.audit = audit;
    this.actor = actor;
    this.catalogue = catalogues.current();
    this.openings = new OpeningRules(catalogue, this::rules);
    this.today = today;
    this.now = now;
    loaded.forEach(p -> pathways.put(p.header().id(), p));
  }

  public LocalDate today() {
    return today;
  }

  /** The loaded pathways of one patient, as they stand now, in the order they were opened. */
  List<PatientPathway> loadedOf(PatientIdentifier patient) {
    return pathways.values().stream()
        .filter(p -> p.header().patient().equals(patient.value()))
        .toList();
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
    return open(request, null);
  }

  /**
   * Opens a pathway instance that starts on {@code startsOn} (where known, as for a derived
   * instance): the one-pathway rule of mental health is then judged on that day, not only on what
   * is open now.
   */
  Opening open(CreatePathway request, @Nullable LocalDate startsOn) {
    var opening = openOrRefuse(request, startsOn);
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

  private Opening openOrRefuse(CreatePathway request, @Nullable LocalDate startsOn) {
    var patient = request.patient();
    var refusal = openings.refusal(request, patient, pathways.values(), startsOn);
    if (refusal != null) {
      return refusal;
    }
    var definition = definition(catalogue, request.pathway().value()).orElseThrow();
    var variant = request.variant();
    var header =
        new PatientPathway.Header(
            UUID.randomUUID(),
            patient.value(),
            definition.id(),
            request.organisation().value(),
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
    var plan = TypeChangePlan.of(old, oldRules, catalogue, request, today);
    var date = request.date();
    var header = old.header();
    var newRules = plan.toRules();
    // the new start on its own first, so that a refusal leaves nothing recorded
    var startProblem =
        newRules
            .checkCode(plan.opening(), date, today)
            .or(() -> newRules.checkStart(plan.start().startBasis(), date, null, null));
    if (startProblem.isPresent()) {
      return new ChangeResult.Refused(startProblem.get());
    }
    var context = new PatientPathway.Context(today, actor.id(), now, catalogue.version());
    var closed =
        old.register(PatientPathway.NewCode.manual(plan.closing(), date), oldRules, context);
    if (closed instanceof Outcome.Refused refused) {
      return new ChangeResult.Refused(refused.rejection());
    }
    changed.add(id);
    var replacement =
        orThrow(
            openOrRefuse(
                new CreatePathway(
                    PatientIdentifier.parse(header.patient()),
                    PathwayDefinitionId.of(plan.to().id()),
                    OrganisationNumber.of(header.organisation()),
                    header.variant()),
                null));
    var opened = replacement.register(plan.startCode(date), newRules, context);
    if (opened instanceof Outcome.Refused refused) {
      // checked above; the closing code is in memory only, and the caller does not commit
      throw new IllegalStateException("the new start was refused: " + refused.rejection());
    }
    var note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
    var startedOn = plan.start().date();
    var link =
        new PatientPathway.TypeChange(
            id,
            plan.from().id(),
            replacement.header().id(),
            plan.to().id(),
            date,
            startedOn,
            header.changedFrom() != null ? header.changedFrom().firstStartedOn() : startedOn,
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
            plan.auditDetail(date, linked.header().id())));
    return new ChangeResult.Changed(view(linked, today), ((Outcome.Recorded) opened).fact());
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
      @Nullable Remark reason) {
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

  public ChangeResult withdraw(UUID id, UUID registration, @Nullable Remark reason) {
    return change(
        id, (pathway, rules, context) -> pathway.withdraw(registration, reason, rules, context));
  }

  public ChangeResult confirm(UUID id, UUID registration) {
    return change(id, (pathway, rules, context) -> pathway.confirm(registration, rules, context));
  }

  public ChangeResult reject(UUID id, UUID registration, @Nullable Remark reason) {
    return change(id, (pathway, rules, context) -> pathway.reject(registration, reason, context));
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
    store.replaceUnused(unused, now);
    unused.clear();
    var groups = new ArrayList<PathwayStore.TransferGroup>();
    transfers.forEach(
        (patient, links) ->
            groups.add(
                new PathwayStore.TransferGroup(
                    loadedOf(PatientIdentifier.parse(patient)).stream()
                        .map(p -> p.header().id())
                        .toList(),
                    links)));
    changed.addAll(store.replaceTransfers(groups, now));
    transfers.clear();
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
      var event =
          new PathwaysChanged(changed.stream().map(id -> view(pathways.get(id), today)).toList());
      JustStored.during(wholeOfPatients(), () -> events.publishEvent(event));
      changed.clear();
    }
  }

  /** The pathways of the patients of which this work loaded every pathway, by patient. */
  private Map<String, List<PatientPathway>> wholeOfPatients() {
    var byPatient = new LinkedHashMap<String, List<PatientPathway>>();
    wholePatients.forEach(patient -> byPatient.put(patient, new ArrayList<>()));
    for (var pathway : pathways.values()) {
      var patient = pathway.header().patient();
      var ofPatient = byPatient.get(patient);
      if (ofPatient != null) {
        ofPatient.add(pathway);
      }
    }
    return byPatient;
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

  /**
   * Replaces the transfer links among a patient's loaded instances (stored at commit; the instances
   * whose links change count as changed).
   */
  void linkTransfers(PatientIdentifier patient, List<TransferLink> links) {
    transfers.put(patient.value(), List.copyOf(links));
  }

  /** Replaces what the derivation could not code for a loaded pathway (stored at commit). */
  void unused(UUID id, List<UnusedFact> facts) {
    unused.put(id, List.copyOf(facts));
  }

  /** Replaces the milestones tracked on a loaded pathway (stored at commit). */
  void track(UUID id, List<TrackedMilestone> milestones) {
    var pathway = pathway(id);
    var before = pathway.milestones();
    pathway.track(milestones);
    tracked.add(id);
    if (!before.equals(pathway.milestones())) {
      // the read models show tracked milestones too (the referral's quality on the dashboard)
      changed.add(id);
    }
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

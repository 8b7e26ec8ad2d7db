package no.forlop.pathway;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import no.forlop.audit.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.catalog.PathwayKind;
import no.forlop.pathway.InvalidPathwayRequestException.Problem;
import no.forlop.pathway.domain.CodingRules;
import no.forlop.pathway.domain.LeadTimes;
import no.forlop.pathway.domain.PatientPathway;
import no.forlop.pathway.domain.PatientPathway.Outcome;
import no.forlop.pathway.domain.Registration;
import no.forlop.pathway.domain.Rejection;
import no.forlop.pathway.persistence.PathwayStore;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * A unit of work on the pathways of some patients: loads them once (locked until the transaction
 * ends), applies any number of changes in memory through the pathway engine, and stores the new
 * pathways, facts and audit entries in a few batched statements at {@link #commit()}. The pathway
 * use cases run in one; the automatic registration runs a whole chunk of patients in one.
 *
 * <p>Use inside a transaction; nothing is stored until {@code commit}.
 */
public final class PathwayWork {

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
  private final List<AuditLog.Entry> entries = new ArrayList<>();
  private final java.util.Set<UUID> changed = new java.util.LinkedHashSet<>();
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

  /** The loaded pathways of one patient (fødselsnummer or D-nummer), as they stand now. */
  public List<PathwayView> pathwaysOf(String patient) {
    return pathways.values().stream()
        .filter(p -> p.header().patient().equals(patient))
        .map(p -> view(p, today))
        .toList();
  }

  public PathwayView view(UUID id) {
    return view(pathway(id), today);
  }

  /** Opens a pathway instance (stored at commit). */
  public PathwayView create(CreatePathway request) {
    var patient = PatientIdentifier.parse(request.patient());
    var definition =
        definition(catalogue, request.pathway())
            .orElseThrow(
                () ->
                    new InvalidPathwayRequestException(
                        Problem.UNKNOWN_PATHWAY, request.pathway(), catalogue.version()));
    if (request.organisation() == null || !ORGANISATION.matcher(request.organisation()).matches()) {
      throw new InvalidPathwayRequestException(
          Problem.INVALID_ORGANISATION, String.valueOf(request.organisation()));
    }
    var variant = request.variant();
    var variants = catalogue.document().normVariants();
    if (variant != null && variants.stream().noneMatch(v -> v.id().equals(variant))) {
      throw new InvalidPathwayRequestException(
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
      throw new InvalidPathwayRequestException(
          Problem.PATHWAY_ALREADY_OPEN, openPathwayArgs(open.get()).toArray());
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
        var args = new ArrayList<>(openPathwayArgs(openMentalHealth.get()));
        args.add(definition.prefix().orElse(definition.id()));
        throw new InvalidPathwayRequestException(
            Problem.MENTAL_HEALTH_PATHWAY_OPEN, args.toArray());
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
    entries.add(
        new AuditLog.Entry(AuditAction.CREATE, patient.value(), "pathway/" + header.id(), null));
    return view(pathway, today);
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
    var facts = new LinkedHashMap<UUID, List<no.forlop.pathway.domain.CodeFact>>();
    for (var pathway : pathways.values()) {
      if (!pathway.pending().isEmpty()) {
        facts.put(pathway.header().id(), pathway.pending());
      }
    }
    store.appendAll(facts);
    audit.recordAll(actor, entries);
    created.clear();
    entries.clear();
    var reloaded = new ArrayList<PatientPathway>();
    for (var pathway : pathways.values()) {
      reloaded.add(new PatientPathway(pathway.header(), pathway.history()));
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
    changed.add(id);
    entries.add(
        new AuditLog.Entry(
            AuditAction.UPDATE,
            pathway.header().patient(),
            "pathway/" + id,
            fact.kind()
                + " "
                + (fact.code() == null ? fact.registration() : fact.code().display())));
    return new ChangeResult.Changed(view(pathway, today), fact);
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
    return view(pathway, catalogue, catalogues, asOf);
  }

  static PathwayView view(
      PatientPathway pathway, Catalogue catalogue, CatalogueService catalogues, LocalDate asOf) {
    var rules = rules(catalogue, catalogues, pathway);
    var walk = rules.walk(pathway.registrations());
    var header = pathway.header();
    var definition = rules.pathway();
    var leadTimes =
        new LeadTimes(catalogue, rules)
            .measure(walk.inClinicalOrder(), walk.state(), header.variant(), asOf);
    return new PathwayView(
        header.id(),
        header.patient(),
        definition.id(),
        definition.codePrefix().value(),
        definition.names().nb(),
        header.organisation(),
        header.variant(),
        header.coordinator(),
        walk.state(),
        header.createdAt(),
        header.createdBy(),
        asOf,
        catalogue.version(),
        pathway.registrations().stream()
            .filter(r -> r.status() == Registration.Status.ACTIVE)
            .map(PathwayView.Code::of)
            .toList(),
        pathway.history().stream().map(PathwayView.Fact::of).toList(),
        leadTimes,
        walk.rejection());
  }
}

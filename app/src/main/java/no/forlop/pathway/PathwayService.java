package no.forlop.pathway;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import no.forlop.audit.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.PathwayDefinition;
import no.forlop.pathway.InvalidPathwayRequestException.Problem;
import no.forlop.pathway.domain.CodingRules;
import no.forlop.pathway.domain.LeadTimes;
import no.forlop.pathway.domain.PatientPathway;
import no.forlop.pathway.domain.PatientPathway.Outcome;
import no.forlop.pathway.domain.Rejection;
import no.forlop.pathway.persistence.PathwayStore;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pathway use cases: open a pathway instance, register, correct, withdraw, confirm or reject a
 * code, and read pathways with their codes, history and lead times. Every read and write of a
 * patient's pathway is written to the audit log in the same transaction.
 */
@Service
public class PathwayService {

  private static final Pattern ORGANISATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.:-]{0,39}");

  private final PathwayStore store;
  private final CatalogueService catalogues;
  private final AuditLog audit;
  private final Clock clock;

  PathwayService(PathwayStore store, CatalogueService catalogues, AuditLog audit, Clock clock) {
    this.store = store;
    this.catalogues = catalogues;
    this.audit = audit;
    this.clock = clock;
  }

  /** Today in Oslo, by the application clock. */
  public LocalDate today() {
    return OsloTime.today(clock);
  }

  @Transactional
  public PathwayView create(CreatePathway request, Actor actor) {
    var patient = PatientIdentifier.parse(request.patient());
    var catalogue = catalogues.current();
    var definition =
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
    if (request.organisation() == null || !ORGANISATION.matcher(request.organisation()).matches()) {
      throw new InvalidPathwayRequestException(
          Problem.INVALID_ORGANISATION,
          "The organisation must be an identifier of 1–40 letters or digits (organisasjonsnummer).");
    }
    var variant = request.variant();
    if (variant != null
        && catalogue.document().normVariants().stream().noneMatch(v -> v.id().equals(variant))) {
      throw new InvalidPathwayRequestException(
          Problem.UNKNOWN_VARIANT, "The catalogue has no variant '" + variant + "'.");
    }
    var open =
        store.findByPatient(patient.value()).stream()
            .filter(p -> p.header().pathway().equals(definition.id()))
            .filter(p -> p.header().organisation().equals(request.organisation()))
            .anyMatch(p -> p.state(rules(catalogue, p)).isOpen());
    if (open) {
      throw new InvalidPathwayRequestException(
          Problem.PATHWAY_ALREADY_OPEN,
          "The patient already has an open "
              + definition.names().en()
              + " at this organisation; close it (or correct it) before opening another.");
    }
    var header =
        new PatientPathway.Header(
            UUID.randomUUID(),
            patient.value(),
            definition.id(),
            request.organisation(),
            variant,
            clock.instant(),
            actor.id(),
            catalogue.version());
    store.insert(header);
    audit.record(actor, AuditAction.CREATE, patient.value(), "pathway/" + header.id(), null);
    return view(new PatientPathway(header, List.of()), catalogue, today());
  }

  @Transactional
  public PathwayView get(UUID id, @Nullable LocalDate asOf, Actor actor) {
    var pathway = store.find(id).orElseThrow(() -> new PathwayNotFoundException(id));
    audit.record(actor, AuditAction.READ, pathway.header().patient(), "pathway/" + id, null);
    return view(pathway, catalogues.current(), asOf == null ? today() : asOf);
  }

  @Transactional
  public List<PathwayView> byPatient(String patient, @Nullable LocalDate asOf, Actor actor) {
    var id = PatientIdentifier.parse(patient);
    var pathways = store.findByPatient(id.value());
    audit.record(actor, AuditAction.READ, id.value(), "pathways-of-patient", null);
    return views(pathways, asOf);
  }

  @Transactional
  public List<PathwayView> byOrganisation(
      String organisation, @Nullable LocalDate asOf, Actor actor) {
    var pathways = store.findByOrganisation(organisation);
    audit.recordReads(
        actor,
        pathways.stream().map(p -> p.header().patient()).toList(),
        "pathways-of-organisation/" + organisation);
    return views(pathways, asOf);
  }

  /**
   * A patient's pathways for automatic registration: the system reading what it is about to change,
   * which is not an access by a person and so not written to the audit log (the changes it makes
   * are).
   */
  @Transactional(readOnly = true)
  public List<PathwayView> forDerivation(String patient, LocalDate asOf) {
    return views(store.findByPatient(PatientIdentifier.parse(patient).value()), asOf);
  }

  /** One pathway for automatic registration (see {@link #forDerivation(String, LocalDate)}). */
  @Transactional(readOnly = true)
  public PathwayView oneForDerivation(UUID id, LocalDate asOf) {
    var pathway = store.find(id).orElseThrow(() -> new PathwayNotFoundException(id));
    return view(pathway, catalogues.current(), asOf);
  }

  /** Every pathway (e.g. for a replay's report or an export), each read recorded. */
  @Transactional
  public List<PathwayView> all(@Nullable LocalDate asOf, Actor actor) {
    var pathways = store.findAll();
    audit.recordReads(actor, pathways.stream().map(p -> p.header().patient()).toList(), "pathways");
    return views(pathways, asOf);
  }

  @Transactional
  public ChangeResult register(UUID id, RegisterCode request, Actor actor) {
    return change(
        id,
        actor,
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

  @Transactional
  public ChangeResult correct(
      UUID id,
      UUID registration,
      @Nullable String code,
      @Nullable LocalDate date,
      @Nullable String reason,
      Actor actor) {
    return change(
        id,
        actor,
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

  @Transactional
  public ChangeResult withdraw(UUID id, UUID registration, @Nullable String reason, Actor actor) {
    return change(
        id,
        actor,
        (pathway, rules, context) -> pathway.withdraw(registration, reason, rules, context));
  }

  @Transactional
  public ChangeResult confirm(UUID id, UUID registration, Actor actor) {
    return change(
        id, actor, (pathway, rules, context) -> pathway.confirm(registration, rules, context));
  }

  @Transactional
  public ChangeResult reject(UUID id, UUID registration, @Nullable String reason, Actor actor) {
    return change(
        id, actor, (pathway, rules, context) -> pathway.reject(registration, reason, context));
  }

  private interface Change {
    Outcome apply(PatientPathway pathway, CodingRules rules, PatientPathway.Context context);
  }

  private ChangeResult change(UUID id, Actor actor, Change change) {
    var pathway = store.findForUpdate(id).orElseThrow(() -> new PathwayNotFoundException(id));
    var catalogue = catalogues.current();
    var rules = rules(catalogue, pathway);
    var context =
        new PatientPathway.Context(today(), actor.id(), clock.instant(), catalogue.version());
    var outcome = change.apply(pathway, rules, context);
    if (outcome instanceof Outcome.Refused refused) {
      return new ChangeResult.Refused(refused.rejection());
    }
    var fact = ((Outcome.Recorded) outcome).fact();
    store.append(id, pathway.pending());
    audit.record(
        actor,
        AuditAction.UPDATE,
        pathway.header().patient(),
        "pathway/" + id,
        fact.kind() + " " + (fact.code() == null ? fact.registration() : fact.code().display()));
    return new ChangeResult.Changed(view(pathway, catalogue, today()), fact);
  }

  private static Rejection unknownCode(String code, CodingRules rules) {
    return new Rejection(
        Rejection.Reason.UNKNOWN_CODE, List.of(code, rules.pathway().names().nb()));
  }

  private List<PathwayView> views(List<PatientPathway> pathways, @Nullable LocalDate asOf) {
    var catalogue = catalogues.current();
    var date = asOf == null ? today() : asOf;
    return pathways.stream().map(p -> view(p, catalogue, date)).toList();
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

  private CodingRules rules(Catalogue catalogue, PatientPathway pathway) {
    var id = pathway.header().pathway();
    Function<Catalogue, CodingRules> build =
        c -> {
          var definition = c.pathway(id).orElseThrow();
          return new CodingRules(definition, c.schemeOf(definition), c.codesOf(definition));
        };
    if (catalogue.pathway(id).isPresent()) {
      return build.apply(catalogue);
    }
    // the pathway was removed from the catalogue in force: judge it by the version it was opened
    // with
    return build.apply(catalogues.version(pathway.header().catalogueVersion()).orElseThrow());
  }

  private PathwayView view(PatientPathway pathway, Catalogue catalogue, LocalDate asOf) {
    var rules = rules(catalogue, pathway);
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
        walk.state(),
        header.createdAt(),
        header.createdBy(),
        asOf,
        catalogue.version(),
        pathway.registrations().stream()
            .filter(r -> r.status() == no.forlop.pathway.domain.Registration.Status.ACTIVE)
            .map(PathwayView.Code::of)
            .toList(),
        pathway.history().stream().map(PathwayView.Fact::of).toList(),
        leadTimes,
        walk.rejection());
  }
}

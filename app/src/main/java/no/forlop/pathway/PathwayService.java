package no.forlop.pathway;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import no.forlop.access.Actor;
import no.forlop.access.EmergencyGrant;
import no.forlop.access.EmergencyGrants;
import no.forlop.access.EmergencyRequest;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.calendar.OsloTime;
import no.forlop.catalog.CatalogueService;
import no.forlop.pathway.domain.PatientPathway;
import no.forlop.pathway.persistence.PathwayStore;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pathway use cases: open a pathway instance, register, correct, withdraw, confirm or reject a
 * code, and read pathways with their codes, history and lead times. Every read and write of a
 * patient's pathway is written to the audit log in the same transaction. Changes run in a {@link
 * PathwayWork}; {@link #applyDerivations} runs the automatic registration of many patients in one.
 */
@Service
public class PathwayService {

  private final PathwayStore store;
  private final CatalogueService catalogues;
  private final AuditLog audit;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final EmergencyGrants emergencyGrants;

  PathwayService(
      PathwayStore store,
      CatalogueService catalogues,
      AuditLog audit,
      Clock clock,
      ApplicationEventPublisher events,
      EmergencyGrants emergencyGrants) {
    this.emergencyGrants = emergencyGrants;
    this.store = store;
    this.catalogues = catalogues;
    this.audit = audit;
    this.clock = clock;
    this.events = events;
  }

  /** Today in Oslo, by the application clock. */
  public LocalDate today() {
    return OsloTime.today(clock);
  }

  /**
   * Whether no pathway has been opened yet: a new installation (reads no patient's data, so it is
   * not audited).
   */
  @Transactional(readOnly = true)
  public boolean noneYet() {
    return store.isEmpty();
  }

  /**
   * Brings the pathways of these patients in line with what the derivation found, in one unit of
   * work (joining the caller's transaction, or in its own): each derived instance is matched to a
   * stored instance of the same pathway and organisation (or one is opened), its derived codes
   * follow the derivation where no person's code says otherwise, and its tracked milestones are
   * replaced; the patient's other instances lose their derived codes. The pathways are loaded and
   * locked once, and the changes stored in batches.
   *
   * @param actor the derivation's actor: facts recorded by anyone else are a person's
   * @return what the pathway rules would not take, one list per derivation, in the order given
   */
  @Transactional
  public List<List<DerivationRefusal>> applyDerivations(
      List<PatientDerivation> derivations, Actor actor) {
    var work =
        work(
            derivations.stream()
                .map(derivation -> derivation.patient().value())
                .distinct()
                .toList(),
            actor);
    var applying = new ApplyingDerivation(work);
    var refusals = new java.util.ArrayList<List<DerivationRefusal>>();
    for (var derivation : derivations) {
      refusals.add(List.copyOf(applying.apply(derivation)));
    }
    work.commit();
    return List.copyOf(refusals);
  }

  /**
   * A unit of work on the pathways of these patients (fødselsnumre or D-numre), locked until the
   * surrounding transaction ends. Call inside a transaction and {@link PathwayWork#commit()}.
   */
  private PathwayWork work(Collection<String> patients, Actor actor) {
    return work(store.findByPatientsForUpdate(patients), java.util.Set.copyOf(patients), actor);
  }

  /**
   * A unit of work on the pathways loaded (locked by the caller).
   *
   * @param wholePatients the patients of whom every pathway is loaded (their pathways in memory
   *     stand for the stored ones while the change is published)
   */
  private PathwayWork work(
      List<PatientPathway> loaded, java.util.Set<String> wholePatients, Actor actor) {
    return new PathwayWork(
        events, store, catalogues, audit, actor, today(), clock.instant(), loaded, wholePatients);
  }

  @Transactional
  public PathwayView create(CreatePathway request, Actor actor) {
    var patient = request.patient();
    if (request.organisation() != null && !actor.mayAccess(request.organisation().value())) {
      audit.recordRefused(actor, patient.value(), "pathways");
      throw new OutsideUnitsException();
    }
    var work = work(List.of(patient.value()), actor);
    var view = work.create(request);
    work.commit();
    return view;
  }

  @Transactional
  public PathwayView get(PathwayId id, @Nullable LocalDate asOf, Actor actor) {
    var pathway = store.find(id.value()).orElseThrow(() -> new PathwayNotFoundException(id));
    requireRead(actor, pathway, "pathway/" + id);
    audit.record(actor, AuditAction.READ, pathway.header().patient(), "pathway/" + id, null);
    return view(pathway, asOf);
  }

  /**
   * The patient's whole pathway this instance belongs to across the trusts transfers link (ADR
   * 0021): the lead times as NPR measures them, from the first trust's start to the treating
   * trust's treatment start. The user needs access to this instance's trust; of the other trusts'
   * instances only their trust, the transfer days and the milestones of the lead times are shown,
   * each marked whether the user may open it.
   */
  @Transactional
  public WholePathway whole(PathwayId id, @Nullable LocalDate asOf, Actor actor) {
    var pathway = store.find(id.value()).orElseThrow(() -> new PathwayNotFoundException(id));
    requireRead(actor, pathway, "pathway/" + id + "/whole");
    var patient = pathway.header().patient();
    audit.record(actor, AuditAction.READ, patient, "pathway/" + id + "/whole", null);
    var ofPatient = store.findByPatient(patient);
    return WholePathways.of(
        id.value(),
        ofPatient,
        store.transfersTouching(ofPatient.stream().map(p -> p.header().id()).toList()),
        catalogues.current(),
        catalogues,
        asOf == null ? today() : asOf,
        actor::mayAccess);
  }

  /**
   * Every whole pathway of these patients (fødselsnumre or D-numre), each chain of linked instances
   * once, for the statistics' read model: the system reading its own data, not audited.
   */
  @Transactional(readOnly = true)
  public List<WholePathway> wholeForReadModels(Collection<String> patients) {
    // while a unit of work publishes its change, its pathways are at hand: not read again
    var justStored = JustStored.of(patients);
    var pathways = justStored != null ? justStored : store.findByPatients(patients);
    return WholePathways.all(
        pathways,
        store.transfersTouching(pathways.stream().map(p -> p.header().id()).toList()),
        catalogues.current(),
        catalogues,
        today());
  }

  /**
   * Every pathway of these patients (fødselsnumre or D-numre), not audited: for a caller that has
   * decided itself which patients its user may see and records those reads (a GP's referrals, issue
   * 17, ADR 0043).
   */
  @Transactional(readOnly = true)
  public List<PathwayView> viewsForReadModels(Collection<String> patients) {
    return views(store.findByPatients(patients), null);
  }

  @Transactional
  public List<PathwayView> byPatient(
      PatientIdentifier patient, @Nullable LocalDate asOf, Actor actor) {
    var pathways = visible(store.findByPatient(patient.value()), actor);
    audit.record(actor, AuditAction.READ, patient.value(), "pathways-of-patient", null);
    return views(pathways, asOf);
  }

  @Transactional
  public List<PathwayView> byOrganisation(
      OrganisationNumber organisation, @Nullable LocalDate asOf, Actor actor) {
    if (!actor.mayAccess(organisation.value())) {
      throw new OutsideUnitsException();
    }
    var pathways = store.findByOrganisation(organisation.value());
    audit.recordReads(
        actor,
        pathways.stream().map(p -> p.header().patient()).toList(),
        "pathways-of-organisation/" + organisation.value());
    return views(pathways, asOf);
  }

  /**
   * Every pathway, for rebuilding a read model (the worklist): the system reading its own data,
   * which is not an access by a person and so not written to the audit log.
   */
  @Transactional(readOnly = true)
  public List<PathwayView> allForReadModels() {
    return views(store.findAll(), null);
  }

  /**
   * Every pathway (e.g. for a replay's report or an export), each read recorded: every code, with
   * the running intervals measured to {@code asOf} (the replay's contract), not hidden after it.
   */
  @Transactional
  public List<PathwayView> all(@Nullable LocalDate asOf, Actor actor) {
    var pathways = visible(store.findAll(), actor);
    audit.recordReads(actor, pathways.stream().map(p -> p.header().patient()).toList(), "pathways");
    var date = asOf == null ? today() : asOf;
    return pathways.stream()
        .map(p -> PathwayViews.view(p, catalogues.current(), catalogues, date, false))
        .toList();
  }

  @Transactional
  public ChangeResult register(PathwayId id, RegisterCode request, Actor actor) {
    return change(id, actor, work -> work.register(id.value(), request));
  }

  @Transactional
  public ChangeResult correct(
      PathwayId id,
      RegistrationId registration,
      @Nullable String code,
      @Nullable LocalDate date,
      @Nullable Remark reason,
      Actor actor) {
    return change(
        id, actor, work -> work.correct(id.value(), registration.value(), code, date, reason));
  }

  @Transactional
  public ChangeResult withdraw(
      PathwayId id, RegistrationId registration, @Nullable Remark reason, Actor actor) {
    return change(id, actor, work -> work.withdraw(id.value(), registration.value(), reason));
  }

  @Transactional
  public ChangeResult confirm(PathwayId id, RegistrationId registration, Actor actor) {
    return change(id, actor, work -> work.confirm(id.value(), registration.value()));
  }

  @Transactional
  public ChangeResult reject(
      PathwayId id, RegistrationId registration, @Nullable Remark reason, Actor actor) {
    return change(id, actor, work -> work.reject(id.value(), registration.value(), reason));
  }

  /**
   * Changes the type of an open mental-health or substance-use pathway in one transaction (ADR
   * 0013): the pathway is closed ({@code PATHWAY_END_TYPE_CHANGED}) and one of the new type opened
   * at the same organisation, both on the date of the change, linked both ways. All the patient's
   * pathways are locked while it runs, as for opening one.
   *
   * @return the new pathway, or why the coding rules refused a code (nothing stored)
   * @throws InvalidPathwayRequestException when the change is not one the rules allow
   */
  @Transactional
  public ChangeResult changeType(PathwayId pathwayId, ChangeType request, Actor actor) {
    var pathway =
        store.find(pathwayId.value()).orElseThrow(() -> new PathwayNotFoundException(pathwayId));
    requireChange(actor, pathway, "pathway/" + pathwayId + "/type-change");
    var work = work(List.of(pathway.header().patient()), actor);
    var result = work.changeType(pathwayId.value(), request);
    if (result instanceof ChangeResult.Changed) {
      work.commit();
    }
    return result;
  }

  private ChangeResult change(
      PathwayId id, Actor actor, Function<PathwayWork, ChangeResult> change) {
    var pathway =
        store.findForUpdate(id.value()).orElseThrow(() -> new PathwayNotFoundException(id));
    requireChange(actor, pathway, "pathway/" + id);
    var work = work(List.of(pathway), java.util.Set.of(), actor);
    var result = change.apply(work);
    work.commit();
    return result;
  }

  /**
   * Makes a user the responsible coordinator of a pathway ({@code null}: nobody); every assignment
   * is kept.
   */
  @Transactional
  public PathwayView assign(PathwayId id, @Nullable String coordinator, Actor actor) {
    var pathway =
        store.findForUpdate(id.value()).orElseThrow(() -> new PathwayNotFoundException(id));
    requireChange(actor, pathway, "pathway/" + id);
    store.assign(id.value(), coordinator, actor.id(), clock.instant());
    audit.record(
        actor,
        AuditAction.UPDATE,
        pathway.header().patient(),
        "pathway/" + id,
        "COORDINATOR " + (coordinator == null ? "-" : coordinator));
    var view = view(store.find(id.value()).orElseThrow(), null);
    events.publishEvent(new PathwaysChanged(List.of(view)));
    return view;
  }

  /** A note on a pathway, kept with who wrote it and when. */
  public record Note(UUID id, String text, java.time.Instant writtenAt, String writtenBy) {}

  @Transactional
  public Note addNote(PathwayId id, String text, Actor actor) {
    var pathway = store.find(id.value()).orElseThrow(() -> new PathwayNotFoundException(id));
    requireChange(actor, pathway, "pathway/" + id + "/notes");
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a note needs text");
    }
    var note = new PathwayStore.Note(UUID.randomUUID(), text.strip(), clock.instant(), actor.id());
    store.addNote(id.value(), note);
    audit.record(actor, AuditAction.UPDATE, pathway.header().patient(), "pathway/" + id, "NOTE");
    return new Note(note.id(), note.text(), note.writtenAt(), note.writtenBy());
  }

  @Transactional
  public List<Note> notes(PathwayId id, Actor actor) {
    var pathway = store.find(id.value()).orElseThrow(() -> new PathwayNotFoundException(id));
    requireRead(actor, pathway, "pathway/" + id + "/notes");
    audit.record(
        actor, AuditAction.READ, pathway.header().patient(), "pathway/" + id + "/notes", null);
    return store.notes(id.value()).stream()
        .map(n -> new Note(n.id(), n.text(), n.writtenAt(), n.writtenBy()))
        .toList();
  }

  /**
   * What the last derivation found for this pathway but could not code, and why (a treatment before
   * its decision, one after a decision that gives no treatment here …): read with the pathway, so
   * audited with it.
   */
  @Transactional(readOnly = true)
  public List<UnusedFact> unused(PathwayId id, Actor actor) {
    var pathway = store.find(id.value()).orElseThrow(() -> new PathwayNotFoundException(id));
    requireRead(actor, pathway, "pathway/" + id + "/unused");
    return store.unused(id.value());
  }

  /**
   * Lets the actor read the pathway: one of their units, or an open emergency access to the patient
   * there. A refusal is written to the patient's audit trail (in a transaction of its own, since
   * the exception rolls this one back).
   */
  private void requireRead(Actor actor, PatientPathway pathway, String resource) {
    var header = pathway.header();
    if (!actor.mayAccess(header.organisation(), header.patient())) {
      refuse(actor, pathway, resource);
    }
  }

  /** Lets the actor change the pathway: one of their units (an emergency access only reads). */
  private void requireChange(Actor actor, PatientPathway pathway, String resource) {
    if (!actor.mayAccess(pathway.header().organisation())) {
      refuse(actor, pathway, resource);
    }
  }

  private void refuse(Actor actor, PatientPathway pathway, String resource) {
    audit.recordRefused(actor, pathway.header().patient(), resource);
    throw new OutsideUnitsException(pathway.header().id());
  }

  /**
   * Gives the actor emergency access (nødtilgang) to the patient of this pathway at its unit, for
   * the configured time (ADR 0028): the grant and its reason are written to the patient's audit
   * trail with the purpose emergency access. Who may ask (coordinators and clinicians) is checked
   * by the callers' routes.
   *
   * @throws EmergencyAccessNotNeededException when the pathway is in one of the actor's units
   */
  @Transactional
  public EmergencyGrant grantEmergencyAccess(PathwayId id, EmergencyRequest request, Actor actor) {
    var pathway = store.find(id.value()).orElseThrow(() -> new PathwayNotFoundException(id));
    var header = pathway.header();
    if (actor.mayAccess(header.organisation())) {
      throw new EmergencyAccessNotNeededException();
    }
    var grant =
        emergencyGrants.grant(
            actor.id(), header.patient(), header.organisation(), id.value(), request);
    audit.record(
        actor.withEmergencyAccess(java.util.Set.of(grant.access())),
        AuditAction.CREATE,
        header.patient(),
        "pathway/" + id + "/emergency-access/" + grant.id(),
        "%s until %s: %s".formatted(grant.kind(), grant.expiresAt(), grant.reason()));
    return grant;
  }

  /**
   * The actor's open emergency access by which they read this pathway, if that is how they read it
   * (for the banner on the patient's pages); no patient data is read, so it is not audited.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<EmergencyGrant> emergencyAccessTo(PathwayId id, Actor actor) {
    if (actor.emergencyAccess().isEmpty()) {
      return java.util.Optional.empty();
    }
    return store
        .find(id.value())
        .map(PatientPathway::header)
        .filter(h -> actor.byEmergencyAccess(h.organisation(), h.patient()))
        .flatMap(h -> emergencyGrants.activeFor(actor.id(), h.patient(), h.organisation()));
  }

  private static List<PatientPathway> visible(List<PatientPathway> pathways, Actor actor) {
    return pathways.stream().filter(p -> actor.mayAccess(p.header().organisation())).toList();
  }

  private List<PathwayView> views(List<PatientPathway> pathways, @Nullable LocalDate asOf) {
    return pathways.stream().map(p -> view(p, asOf)).toList();
  }

  private PathwayView view(PatientPathway pathway, @Nullable LocalDate asOf) {
    // an asOf asked for shows the pathway as it stood that day (issue 16): later codes left out
    return PathwayViews.view(
        pathway, catalogues.current(), catalogues, asOf == null ? today() : asOf, asOf != null);
  }
}

package no.forlop.mdt;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.access.Users;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.catalog.CatalogueService;
import no.forlop.mdt.Agenda.Item;
import no.forlop.mdt.domain.Decision;
import no.forlop.mdt.domain.DecisionCoding;
import no.forlop.mdt.domain.MdtProblem;
import no.forlop.pathway.OrganisationNumber;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.Rejection;
import no.forlop.patient.PatientDirectory;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The MDT use cases: plan a meeting, let the agenda propose the patients whose decision is due, add
 * and remove patients, and record each patient's decision, from which the clinical-decision code
 * follows (rule {@link DecisionCoding#RULE}) through the pathway engine. Every meeting belongs to
 * one unit; the acting user must work in it. Reads and changes of patients' data are audited. How
 * an agenda item reads is {@link AgendaItems}'; how a decision becomes a code is {@link
 * DecisionCodes}'.
 */
@Service
public class MdtService {

  private static final int MAX_TEAM = 100;

  private final MdtStore store;
  private final PathwayService pathways;
  private final DecisionCodes decisionCodes;
  private final CatalogueService catalogues;
  private final PatientDirectory patients;
  private final Users users;
  private final AuditLog audit;
  private final Clock clock;

  MdtService(
      MdtStore store,
      PathwayService pathways,
      DecisionCodes decisionCodes,
      CatalogueService catalogues,
      PatientDirectory patients,
      Users users,
      AuditLog audit,
      Clock clock) {
    this.store = store;
    this.pathways = pathways;
    this.decisionCodes = decisionCodes;
    this.catalogues = catalogues;
    this.patients = patients;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  /** A meeting to plan. */
  public record PlanMeeting(
      @Nullable LocalDate date,
      @Nullable String team,
      @Nullable String organisation,
      List<String> pathways) {

    public PlanMeeting {
      pathways = pathways == null ? List.of() : List.copyOf(pathways);
    }
  }

  /** What became of the code that follows from a decision (or a conversation) just recorded. */
  public record CodeResult(PathwayView.@Nullable Code code, @Nullable Rejection refusal) {}

  /** Today in Oslo, by the application clock. */
  public LocalDate today() {
    return pathways.today();
  }

  /** The meetings of the actor's units, newest first. */
  @Transactional(readOnly = true)
  public List<MeetingSummary> meetings(Actor actor) {
    return store.byUnits(actor.units());
  }

  /** Plans a meeting and lets the agenda propose its patients. */
  @Transactional
  public Meeting plan(PlanMeeting request, Actor actor) {
    var organisation = request.organisation();
    if (organisation == null
        || organisation.isBlank()
        || users.unit(organisation.strip()).isEmpty()) {
      throw new MdtException(MdtProblem.UNIT_MISSING);
    }
    if (!actor.mayAccess(organisation.strip())) {
      throw new MeetingOutsideUnitsException();
    }
    if (request.date() == null) {
      throw new MdtException(MdtProblem.DATE_MISSING);
    }
    var team = request.team() == null ? "" : request.team().strip();
    if (team.isEmpty()) {
      throw new MdtException(MdtProblem.TEAM_MISSING);
    }
    if (team.length() > MAX_TEAM) {
      throw new MdtException(MdtProblem.TEAM_TOO_LONG, MAX_TEAM);
    }
    var covered = new LinkedHashSet<String>();
    request.pathways().stream().filter(p -> p != null && !p.isBlank()).forEach(covered::add);
    if (covered.isEmpty()) {
      throw new MdtException(MdtProblem.PATHWAYS_MISSING);
    }
    var catalogue = catalogues.current();
    for (var pathway : covered) {
      if (catalogue.pathway(pathway).isEmpty()) {
        throw new MdtException(MdtProblem.UNKNOWN_PATHWAY, pathway);
      }
    }
    var meeting =
        new Meeting(
            UUID.randomUUID(),
            request.date(),
            team,
            organisation.strip(),
            List.copyOf(covered),
            clock.instant(),
            actor.id());
    store.insert(meeting);
    propose(meeting, actor);
    return meeting;
  }

  /** The meeting, if the actor works in its unit. */
  @Transactional(readOnly = true)
  public Meeting meeting(UUID id, Actor actor) {
    var meeting = store.find(id).orElseThrow(() -> new MeetingNotFoundException(id));
    if (!actor.mayAccess(meeting.organisation())) {
      throw new MeetingOutsideUnitsException();
    }
    return meeting;
  }

  /**
   * Puts on the agenda every pathway of the meeting's pathways in its unit that is in work-up now
   * (first attendance registered, no decision yet) and not on the agenda or taken off it already.
   *
   * @return how many were added
   */
  @Transactional
  public int propose(UUID id, Actor actor) {
    return propose(meeting(id, actor), actor);
  }

  private int propose(Meeting meeting, Actor actor) {
    // no pathway is at an organisation the pathway module would not take (access was checked)
    var found =
        OrganisationNumber.isValid(meeting.organisation())
            ? pathways.byOrganisation(OrganisationNumber.of(meeting.organisation()), today(), actor)
            : List.<PathwayView>of();
    var added = 0;
    for (var pathway : found) {
      if (meeting.pathways().contains(pathway.pathway().value())
          && pathway.state() == PathwayState.IN_WORKUP
          && store.addItem(
              meeting.id(),
              pathway.id().value(),
              pathway.patient().value(),
              true,
              clock.instant(),
              actor.id())) {
        added++;
        audit.record(
            actor,
            AuditAction.UPDATE,
            pathway.patient().value(),
            resource(meeting),
            "AGENDA PROPOSED");
      }
    }
    return added;
  }

  /**
   * Adds a patient (fødselsnummer or D-nummer) to the agenda: their open pathways of the meeting's
   * pathways in its unit.
   *
   * @return how many pathways were added
   */
  @Transactional
  public int add(UUID id, String patient, Actor actor) {
    var meeting = meeting(id, actor);
    var identifier = PatientIdentifier.parse(patient);
    var open =
        pathways.byPatient(identifier, today(), actor).stream()
            .filter(p -> p.organisation().value().equals(meeting.organisation()))
            .filter(p -> meeting.pathways().contains(p.pathway().value()))
            .filter(p -> p.state().isOpen())
            .toList();
    if (open.isEmpty()) {
      throw new MdtException(MdtProblem.NO_OPEN_PATHWAY);
    }
    var items = store.items(id);
    for (var pathway : open) {
      var existing =
          items.stream().filter(i -> i.pathway().equals(pathway.id().value())).findFirst();
      if (existing.isPresent() && existing.get().removed()) {
        store.restore(id, pathway.id().value(), clock.instant(), actor.id());
      } else if (existing.isEmpty()) {
        store.addItem(
            id,
            pathway.id().value(),
            pathway.patient().value(),
            false,
            clock.instant(),
            actor.id());
      }
      audit.record(
          actor, AuditAction.UPDATE, pathway.patient().value(), resource(meeting), "AGENDA ADDED");
    }
    return open.size();
  }

  /** Takes a patient's pathway off the agenda (kept, so it is not proposed again). */
  @Transactional
  public void remove(UUID id, UUID pathway, Actor actor) {
    var meeting = meeting(id, actor);
    var item =
        store
            .item(id, pathway)
            .filter(i -> !i.removed())
            .orElseThrow(() -> new MdtException(MdtProblem.NOT_ON_AGENDA));
    if (store.decisions(id).containsKey(pathway)) {
      throw new MdtException(MdtProblem.DECIDED_ITEM_STAYS);
    }
    store.remove(id, pathway, clock.instant(), actor.id());
    audit.record(actor, AuditAction.UPDATE, item.patient(), resource(meeting), "AGENDA REMOVED");
  }

  /** Puts a pathway taken off the agenda back on it. */
  @Transactional
  public void restore(UUID id, UUID pathway, Actor actor) {
    var meeting = meeting(id, actor);
    var item =
        store
            .item(id, pathway)
            .filter(MdtStore.Item::removed)
            .orElseThrow(() -> new MdtException(MdtProblem.NOT_ON_AGENDA));
    store.restore(id, pathway, clock.instant(), actor.id());
    audit.record(actor, AuditAction.UPDATE, item.patient(), resource(meeting), "AGENDA ADDED");
  }

  /**
   * The agenda as it stands today: each patient's pathway with its first attendance, the lead time
   * to the decision and the decision recorded. The read of each patient is audited.
   */
  @Transactional
  public Agenda agenda(UUID id, Actor actor) {
    var meeting = meeting(id, actor);
    var today = today();
    var catalogue = catalogues.current();
    var stored = store.items(id);
    var decisions = store.decisions(id);
    var names = patients.namesOf(stored.stream().map(MdtStore.Item::patient).toList());
    var items = new ArrayList<Item>();
    var removed = new ArrayList<Item>();
    for (var entry : stored) {
      var view = pathways.get(new PathwayId(entry.pathway()), today, actor);
      var item =
          AgendaItems.item(
              entry,
              view,
              names.get(entry.patient()),
              decisions.get(entry.pathway()),
              catalogue,
              meeting.date());
      (entry.removed() ? removed : items).add(item);
    }
    items.sort(AgendaItems.ORDER);
    audit.recordReads(
        actor, stored.stream().map(MdtStore.Item::patient).toList(), resource(meeting));
    return new Agenda(meeting, today, items, removed);
  }

  /**
   * Records the decision about one patient's pathway on the agenda; the clinical-decision code
   * follows through the pathway engine. A refused code is reported, and the decision is kept.
   */
  @Transactional
  public CodeResult decide(UUID id, UUID pathway, Decision decision, Actor actor) {
    var meeting = meeting(id, actor);
    var item =
        store
            .item(id, pathway)
            .filter(i -> !i.removed())
            .orElseThrow(() -> new MdtException(MdtProblem.NOT_ON_AGENDA));
    if (store.decisions(id).containsKey(pathway)) {
      throw new MdtException(MdtProblem.ALREADY_DECIDED);
    }
    var today = today();
    DecisionCoding.check(meeting.date(), decision, today)
        .ifPresent(
            problem -> {
              throw new MdtException(problem, meeting.date(), today);
            });
    var view = pathways.get(new PathwayId(pathway), today, actor);
    var outcome = decision.outcome();
    if (AgendaItems.outcomes(catalogues.current(), view.pathway().value(), meeting.date()).stream()
        .noneMatch(o -> o.key().equals(outcome))) {
      throw new MdtException(MdtProblem.UNKNOWN_OUTCOME, outcome);
    }
    var code = DecisionCoding.codeFor(meeting.id(), meeting.date(), meeting.team(), decision);
    var result = decisionCodes.register(meeting, pathway, code, actor);
    store.insertDecision(id, pathway, decision, result.outcome(), clock.instant(), actor.id());
    audit.record(
        actor,
        AuditAction.CREATE,
        item.patient(),
        resource(meeting),
        "DECISION " + outcome + " " + decision.intention());
    return result.result();
  }

  /**
   * Records that a decision of the meeting has been discussed with the patient: the proposal it
   * produced is corrected to that day and confirmed (or, where no code of it stands, the code is
   * registered now).
   */
  @Transactional
  public CodeResult discussed(UUID id, UUID pathway, LocalDate on, Actor actor) {
    var meeting = meeting(id, actor);
    var stored = store.decisions(id).get(pathway);
    if (stored == null) {
      throw new MdtException(MdtProblem.NO_DECISION);
    }
    if (stored.decision().discussedWithPatient() || stored.conversation() != null) {
      throw new MdtException(MdtProblem.ALREADY_DISCUSSED);
    }
    var today = today();
    DecisionCoding.checkConversation(meeting.date(), on, today)
        .ifPresent(
            problem -> {
              throw new MdtException(problem, meeting.date(), today);
            });
    var view = pathways.get(new PathwayId(pathway), today, actor);
    var registration = stored.code().registration();
    var current =
        registration == null
            ? null
            : view.codes().stream()
                .filter(c -> c.registration().value().equals(registration))
                .findFirst()
                .orElse(null);
    DecisionCodes.Registered result;
    if (current == null) {
      // no code of this decision stands (refused or withdrawn): register it now
      var decision = new Decision(stored.decision().outcome(), stored.decision().intention(), on);
      result =
          decisionCodes.register(
              meeting,
              pathway,
              DecisionCoding.codeFor(meeting.id(), meeting.date(), meeting.team(), decision),
              actor);
    } else {
      result = decisionCodes.followUp(meeting, pathway, current, on, actor);
    }
    store.insertConversation(id, pathway, on, result.outcome(), clock.instant(), actor.id());
    audit.record(
        actor, AuditAction.UPDATE, view.patient().value(), resource(meeting), "CONVERSATION " + on);
    return result.result();
  }

  private static String resource(Meeting meeting) {
    return DecisionCoding.source(meeting.id());
  }
}

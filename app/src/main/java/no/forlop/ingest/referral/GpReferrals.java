package no.forlop.ingest.referral;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.audit.AuditLog;
import no.forlop.catalog.Milestone;
import no.forlop.coding.ClinicalEvent.Referral;
import no.forlop.coding.GpReferralFacts;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.WholePathway;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referrals a GP sent and where each stands (issue 17, ADR 0043): the referrals whose requester
 * named the GP by HPR number, and only those, each with the whole pathway (across transfers, ADR
 * 0021) it started at the receiving organisation. Every patient shown is a read by the GP, written
 * to the audit log.
 *
 * <p>A referral's pathway is the patient's whole pathway with the instance the referral started:
 * the one whose start names the referral among its source events ({@link StartedPathways}, ADR
 * 0048). A referral that started none is shown as received, with no milestones.
 */
@Service
public class GpReferrals {

  private static final Set<String> WITHDRAWN = Set.of("revoked", "entered-in-error");

  private final GpReferralFacts facts;
  private final PathwayService pathways;
  private final AuditLog audit;

  GpReferrals(GpReferralFacts facts, PathwayService pathways, AuditLog audit) {
    this.facts = facts;
    this.pathways = pathways;
    this.audit = audit;
  }

  /**
   * The referrals sent by the GP with this HPR number, newest first, each read recorded for the
   * actor under {@code resource} (the page, or the FHIR search).
   */
  @Transactional
  public List<ReferralStatus> sentBy(String hpr, Actor actor, String resource) {
    return sentBy(hpr, actor, resource, null);
  }

  /**
   * As {@link #sentBy(String, Actor, String)}, only the referral with this business identifier
   * ({@code system|value}, or the value in any system) when one is given: only its patient is read.
   */
  @Transactional
  public List<ReferralStatus> sentBy(
      String hpr, Actor actor, String resource, @Nullable String identifier) {
    var patientKeys = facts.patientsReferredBy(hpr);
    if (patientKeys.isEmpty()) {
      return List.of();
    }
    var referred = new ArrayList<Sent>();
    facts
        .factsOf(patientKeys)
        .forEach(
            (key, known) ->
                known
                    .record()
                    .filter(p -> PatientIdentifier.isValid(p.identifier()))
                    .ifPresent(
                        patient ->
                            known.all(Referral.class).stream()
                                .filter(r -> hpr.equals(r.requesterHpr()))
                                .forEach(
                                    r ->
                                        referred.add(
                                            new Sent(
                                                r,
                                                patient.identifier(),
                                                patient.name(),
                                                known.organisationNumber(r.performer()))))));
    if (identifier != null) {
      referred.removeIf(
          sent ->
              sent.referral().source().identifiers().stream()
                  .noneMatch(i -> i.equals(identifier) || i.endsWith("|" + identifier)));
    }
    if (referred.isEmpty()) {
      return List.of();
    }
    var patients = referred.stream().map(Sent::patient).distinct().toList();
    var views = new HashMap<PathwayId, PathwayView>();
    pathways.viewsForReadModels(patients).forEach(v -> views.put(v.id(), v));
    var wholes = pathways.wholeForReadModels(patients);
    var started =
        new StartedPathways(views.values().stream().map(StartedPathways.Start::of).toList());
    audit.recordReads(actor, patients, resource);
    return referred.stream()
        .map(sent -> status(sent, pathwayOf(sent, started, wholes), views))
        .sorted(Comparator.comparing(ReferralStatus::writtenAt).reversed())
        .toList();
  }

  /** A referral by the GP, with its patient and receiver as the hospital received them. */
  private record Sent(
      Referral referral, String patient, @Nullable String name, @Nullable String receiver) {}

  /** The whole pathway (its chain across transfers) the referral started, if it started one. */
  private static @Nullable WholePathway pathwayOf(
      Sent sent, StartedPathways started, List<WholePathway> wholes) {
    return started
        .startedBy(sent.patient(), sent.referral().source().display(), sent.receiver())
        .flatMap(
            id ->
                wholes.stream()
                    .filter(w -> w.instances().stream().anyMatch(i -> i.id().equals(id)))
                    .findFirst())
        .orElse(null);
  }

  private static ReferralStatus status(
      Sent sent, @Nullable WholePathway whole, Map<PathwayId, PathwayView> views) {
    var steps = new ArrayList<ReferralStatus.Step>();
    var open = true;
    if (whole != null) {
      point(steps, ReferralProgress.Milestone.STARTED, whole.start());
      point(steps, ReferralProgress.Milestone.FIRST_ATTENDANCE, whole.firstAttendance());
      point(steps, ReferralProgress.Milestone.DECISION, whole.decision());
      point(steps, ReferralProgress.Milestone.TREATMENT_START, whole.treatment());
      for (var instance : whole.instances()) {
        if (instance.transferredOn() != null) {
          steps.add(
              new ReferralStatus.Step(
                  ReferralProgress.Milestone.TRANSFERRED,
                  instance.transferredOn(),
                  instance.organisation().value()));
        }
      }
      var last = views.get(whole.last().id());
      if (last != null && !last.state().isOpen()) {
        open = false;
        var ended =
            last.firstRegistered(
                last.state() == PathwayState.TRANSFERRED
                    ? Milestone.TRANSFERRED
                    : Milestone.PATHWAY_END);
        var closedOn =
            ended
                .map(PathwayView.Code::date)
                .orElseGet(
                    () ->
                        last.codes().stream()
                            .map(PathwayView.Code::date)
                            .max(Comparator.naturalOrder())
                            .orElse(null));
        if (closedOn != null) {
          steps.add(
              new ReferralStatus.Step(
                  last.state() == PathwayState.TRANSFERRED
                      ? ReferralProgress.Milestone.TRANSFERRED
                      : ReferralProgress.Milestone.CLOSED,
                  closedOn,
                  last.state() == PathwayState.TRANSFERRED ? null : last.organisation().value()));
        }
      }
    }
    steps.sort(
        Comparator.comparing(ReferralStatus.Step::date)
            .thenComparing(ReferralStatus.Step::milestone));
    var progress =
        ReferralProgress.of(
            steps.stream().map(ReferralStatus.Step::milestone).toList(),
            open,
            WITHDRAWN.contains(sent.referral().status()));
    var referral = sent.referral();
    return new ReferralStatus(
        referral.source().key(),
        referral.source().identifiers(),
        sent.patient(),
        sent.name(),
        PatientIdentifier.parse(sent.patient()).birthDate(),
        referral.authoredOn(),
        sent.receiver(),
        progress,
        List.copyOf(steps),
        whole == null ? null : nameOf(whole, views));
  }

  /** The name of the pathway the referral started (its first instance's). */
  private static @Nullable String nameOf(WholePathway whole, Map<PathwayId, PathwayView> views) {
    var first = views.get(whole.first().id());
    return first == null ? null : first.name();
  }

  private static void point(
      List<ReferralStatus.Step> steps,
      ReferralProgress.Milestone milestone,
      WholePathway.@Nullable Point point) {
    if (point != null) {
      steps.add(new ReferralStatus.Step(milestone, point.date(), point.organisation().value()));
    }
  }
}

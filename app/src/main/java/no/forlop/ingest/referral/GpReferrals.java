package no.forlop.ingest.referral;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.audit.AuditLog;
import no.forlop.calendar.OsloTime;
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
 * <p>A referral's pathway is the patient's whole pathway whose first trust is the referral's
 * receiver (any trust when the referral names none) and that started on or after the day the
 * referral was written (one not started yet: created after it); the earliest such.
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
    audit.recordReads(actor, patients, resource);
    return referred.stream()
        .map(sent -> status(sent, pathwayOf(sent, wholes, views), views))
        .sorted(Comparator.comparing(ReferralStatus::writtenAt).reversed())
        .toList();
  }

  /** A referral by the GP, with its patient and receiver as the hospital received them. */
  private record Sent(
      Referral referral, String patient, @Nullable String name, @Nullable String receiver) {}

  private static @Nullable WholePathway pathwayOf(
      Sent sent, List<WholePathway> wholes, Map<PathwayId, PathwayView> views) {
    var written = LocalDate.ofInstant(sent.referral().authoredOn(), OsloTime.ZONE);
    return wholes.stream()
        .filter(
            w -> {
              var first = views.get(w.first().id());
              return first != null
                  && first.patient().value().equals(sent.patient())
                  && (sent.receiver() == null
                      || w.first().organisation().value().equals(sent.receiver()))
                  && (w.start() == null
                      ? !first.createdAt().isBefore(sent.referral().authoredOn())
                      : !w.start().date().isBefore(written));
            })
        .min(
            Comparator.comparing(
                w -> w.start() == null ? LocalDate.MAX : w.start().date(),
                Comparator.naturalOrder()))
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
        List.copyOf(steps));
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

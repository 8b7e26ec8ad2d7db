package no.forlop.coordinator.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.access.Unit;
import no.forlop.access.Users;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.Milestone;
import no.forlop.coordinator.web.Texts;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.patient.PatientDirectory;
import org.springframework.stereotype.Component;

/**
 * Writes the patient's plan from a pathway: its registered milestones as sentences (proposals are
 * left out until a coordinator confirms them), the next milestones with the due dates of the
 * running lead times, and the responsible coordinator. Reading the plan is audited.
 */
@Component
class PatientPlans {

  private final PathwayService pathways;
  private final CatalogueService catalogues;
  private final PatientDirectory directory;
  private final Users users;
  private final AuditLog audit;
  private final Texts texts;

  PatientPlans(
      PathwayService pathways,
      CatalogueService catalogues,
      PatientDirectory directory,
      Users users,
      AuditLog audit,
      Texts texts) {
    this.pathways = pathways;
    this.catalogues = catalogues;
    this.directory = directory;
    this.users = users;
    this.audit = audit;
    this.texts = texts;
  }

  PatientPlan plan(UUID id, Actor actor) {
    var view = pathways.get(new PathwayId(id), null, actor);
    audit.record(actor, AuditAction.READ, view.patient().value(), "pathway/" + id + "/plan", null);
    var unit = users.unit(view.organisation().value());
    var coordinator =
        view.coordinator() == null ? null : users.find(view.coordinator()).orElse(null);
    var phone =
        coordinator != null && coordinator.phone() != null
            ? coordinator.phone()
            : unit.map(Unit::phone).orElse(null);
    var pathwayName =
        catalogues
            .current()
            .pathway(view.pathway().value())
            .map(p -> texts.in(p.names()))
            .orElse(view.name());
    return new PatientPlan(
        id,
        directory.nameOf(view.patient().value()).orElse(null),
        texts.inSentence(pathwayName),
        unit.map(Unit::name).orElse(view.organisation().value()),
        view.state().isOpen(),
        happened(view),
        view.state().isOpen() ? next(view) : List.of(),
        coordinator == null ? null : coordinator.name(),
        phone,
        texts.dateInWords(view.asOf()));
  }

  private record Step(LocalDate date, int rank, String text) {}

  private List<String> happened(PathwayView view) {
    var steps = new ArrayList<Step>();
    for (var code : view.codes()) {
      if (code.state() != CodeState.REGISTERED) {
        continue;
      }
      var milestone = code.milestone();
      var what =
          code.startBasis() != null && milestone == Milestone.PATHWAY_START
              ? texts.messageOrNull("plan.happened." + milestone + "." + code.startBasis())
              : null;
      if (what == null) {
        what = texts.message("plan.happened." + milestone);
      }
      steps.add(new Step(code.date(), milestone.ordinal() * 2, what));
    }
    for (var tracked : view.milestones()) {
      var what = texts.messageOrNull("plan.happened." + tracked.type());
      if (what != null) {
        steps.add(new Step(tracked.date(), Milestone.CLINICAL_DECISION.ordinal() * 2 - 1, what));
      }
    }
    return steps.stream()
        .sorted(Comparator.comparing(Step::date).thenComparing(Step::rank))
        .map(s -> texts.message("plan.step", texts.dateInWords(s.date()), s.text()))
        .toList();
  }

  /** The next milestone of each running interval, with the earliest due date when several run. */
  private List<String> next(PathwayView view) {
    var catalogue = catalogues.current();
    var byMilestone = new LinkedHashMap<Milestone, LeadTime>();
    for (var lead : view.leadTimes()) {
      if (lead.to() != null) {
        continue;
      }
      var indicator = catalogue.indicator(lead.indicator());
      if (indicator.isEmpty()) {
        continue;
      }
      byMilestone.merge(indicator.get().to(), lead, PatientPlans::earlier);
    }
    var steps =
        byMilestone.entrySet().stream()
            .sorted(
                Comparator.comparing(
                    e -> e.getValue().dueDate(),
                    Comparator.nullsLast(Comparator.<LocalDate>naturalOrder())))
            .map(e -> sentence(e.getKey(), e.getValue()))
            .toList();
    return steps.isEmpty() ? List.of(texts.message("plan.next.none")) : steps;
  }

  private static LeadTime earlier(LeadTime a, LeadTime b) {
    if (a.dueDate() == null) {
      return b;
    }
    if (b.dueDate() == null) {
      return a;
    }
    return b.dueDate().isBefore(a.dueDate()) ? b : a;
  }

  private String sentence(Milestone milestone, LeadTime lead) {
    var what = texts.message("plan.next." + milestone);
    if (lead.dueDate() == null) {
      return texts.message("plan.next.undated", "", what);
    }
    if (lead.status() == LeadTime.Status.OVERDUE) {
      return texts.message("plan.next.soon", texts.dateInWords(lead.dueDate()), what);
    }
    return texts.message("plan.next.by", texts.dateInWords(lead.dueDate()), what);
  }
}

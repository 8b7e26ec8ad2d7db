package no.forlop.coordinator.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.CodeDefinition;
import no.forlop.catalog.IndicatorDefinition;
import no.forlop.catalog.Milestone;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.LeadTime;
import no.forlop.pathway.PathwayReadModel;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the worklist in step with the pathways: every change to a pathway rewrites its row, in the
 * transaction of the change; at start-up, rows missing (e.g. after an upgrade) are rebuilt from the
 * pathways themselves.
 */
@Component
class WorklistProjection extends PathwayReadModel {

  private final JdbcTemplate batch;
  private final CatalogueService catalogues;
  private final Clock clock;

  WorklistProjection(
      JdbcClient jdbc,
      JdbcTemplate batch,
      CatalogueService catalogues,
      PathwayService pathways,
      Clock clock) {
    super(jdbc, pathways, "worklist_entry", "the worklist");
    this.batch = batch;
    this.catalogues = catalogues;
    this.clock = clock;
  }

  @Override
  protected void write(List<PathwayView> views) {
    if (views.isEmpty()) {
      return;
    }
    var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    batch.batchUpdate(
        """
        insert into worklist_entry (pathway_id, patient, organisation, pathway, code_prefix, state,
            open, start_date, next_indicator, next_milestone, due_date, proposals, disagreement,
            problem, last_code_date, transferred_out_on, coordinator, updated_at,
            expected_milestone, next_from, latest_proposal_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (pathway_id) do update set
            patient = excluded.patient, organisation = excluded.organisation,
            pathway = excluded.pathway, code_prefix = excluded.code_prefix,
            state = excluded.state, open = excluded.open, start_date = excluded.start_date,
            next_indicator = excluded.next_indicator, next_milestone = excluded.next_milestone,
            due_date = excluded.due_date, proposals = excluded.proposals,
            disagreement = excluded.disagreement, problem = excluded.problem,
            last_code_date = excluded.last_code_date,
            transferred_out_on = excluded.transferred_out_on,
            coordinator = excluded.coordinator, updated_at = excluded.updated_at,
            expected_milestone = excluded.expected_milestone, next_from = excluded.next_from,
            latest_proposal_at = excluded.latest_proposal_at
        """,
        views.stream().map(v -> row(v, now)).toList());
  }

  private Object[] row(PathwayView view, OffsetDateTime now) {
    var next = next(view);
    var codes = view.codes();
    var start = view.firstRegistered(Milestone.PATHWAY_START).map(PathwayView.Code::date);
    var transferred = view.firstRegistered(Milestone.TRANSFERRED).map(PathwayView.Code::date);
    var lastCode =
        codes.stream().map(PathwayView.Code::date).max(Comparator.naturalOrder()).orElse(null);
    var latestProposal =
        codes.stream()
            .filter(c -> c.state() == CodeState.PROPOSED)
            .map(PathwayView.Code::recordedAt)
            .max(Comparator.naturalOrder())
            .map(at -> OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
            .orElse(null);
    var nextMilestone = next == null ? null : milestoneOf(next.indicator());
    return new Object[] {
      view.id().value(),
      view.patient().value(),
      view.organisation().value(),
      view.pathway().value(),
      view.codePrefix(),
      view.state().name(),
      view.state().isOpen(),
      start.orElse(null),
      next == null ? null : next.indicator(),
      nextMilestone,
      next == null ? null : next.dueDate(),
      view.proposals(),
      view.hasDisagreement(),
      view.problem() == null ? null : view.problem().reason().name(),
      lastCode,
      transferred.orElse(null),
      view.coordinator(),
      now,
      expected(view, nextMilestone),
      next == null ? null : next.from(),
      latestProposal
    };
  }

  /**
   * The step the pathway waits for: the milestone of its running interval; without one, the next
   * step its state leaves open; {@code null} when nothing more is to be coded (ADR 0035): closed or
   * transferred, or a cancer pathway whose treatment has started or whose decision ended it (a
   * decision that permits no treatment). A mental-health pathway decided without treatment waits
   * for its closure; one in treatment for its next evaluation.
   */
  private @Nullable String expected(PathwayView view, @Nullable String nextMilestone) {
    if (!view.state().isOpen()) {
      return null;
    }
    if (nextMilestone != null) {
      return nextMilestone;
    }
    var catalogue = catalogues.current();
    var definition = catalogue.pathway(view.pathway().value());
    var cancer = definition.map(p -> p.kind().isCancer()).orElse(true);
    // the decision as it stands: may a treatment start follow it?
    var treatmentMayFollow =
        definition.isPresent()
            && view.codes().stream()
                .filter(
                    c ->
                        c.milestone() == Milestone.CLINICAL_DECISION
                            && c.state() == CodeState.REGISTERED)
                .max(Comparator.comparing(PathwayView.Code::date))
                .flatMap(c -> catalogue.code(definition.get(), c.key()))
                .map(CodeDefinition::permitsTreatment)
                .orElse(false);
    var expected =
        switch (view.state()) {
          case AWAITING_START -> Milestone.PATHWAY_START;
          case AWAITING_FIRST_ATTENDANCE -> Milestone.FIRST_ATTENDANCE;
          case IN_WORKUP -> Milestone.CLINICAL_DECISION;
          case DECIDED ->
              treatmentMayFollow
                  ? Milestone.TREATMENT_START
                  : cancer ? null : Milestone.PATHWAY_END;
          case IN_TREATMENT -> cancer ? null : Milestone.EVALUATION;
          case TRANSFERRED, CLOSED -> null;
        };
    return expected == null ? null : expected.name();
  }

  /** The interval that is due first among those still running. */
  private static @Nullable LeadTime next(PathwayView view) {
    return view.leadTimes().stream()
        .filter(l -> l.to() == null)
        .min(
            Comparator.comparing((LeadTime l) -> l.dueDate() == null ? LocalDate.MAX : l.dueDate()))
        .orElse(null);
  }

  private @Nullable String milestoneOf(String indicator) {
    return catalogues
        .current()
        .indicator(indicator)
        .map(IndicatorDefinition::to)
        .map(Enum::name)
        .orElse(null);
  }
}

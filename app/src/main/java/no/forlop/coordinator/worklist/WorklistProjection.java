package no.forlop.coordinator.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.IndicatorDefinition;
import no.forlop.catalog.Milestone;
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
            problem, last_code_date, transferred_out_on, coordinator, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (pathway_id) do update set
            patient = excluded.patient, organisation = excluded.organisation,
            pathway = excluded.pathway, code_prefix = excluded.code_prefix,
            state = excluded.state, open = excluded.open, start_date = excluded.start_date,
            next_indicator = excluded.next_indicator, next_milestone = excluded.next_milestone,
            due_date = excluded.due_date, proposals = excluded.proposals,
            disagreement = excluded.disagreement, problem = excluded.problem,
            last_code_date = excluded.last_code_date,
            transferred_out_on = excluded.transferred_out_on,
            coordinator = excluded.coordinator, updated_at = excluded.updated_at
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
      next == null ? null : milestoneOf(next.indicator()),
      next == null ? null : next.dueDate(),
      view.proposals(),
      view.hasDisagreement(),
      view.problem() == null ? null : view.problem().reason().name(),
      lastCode,
      transferred.orElse(null),
      view.coordinator(),
      now
    };
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

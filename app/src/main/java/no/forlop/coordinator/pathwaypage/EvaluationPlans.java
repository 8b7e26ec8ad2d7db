package no.forlop.coordinator.pathwaypage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The date a coordinator planned for a pathway's next evaluation (mental health and substance use):
 * every plan kept, the latest counts, shown on the worklist next to the due date.
 */
@Component
public class EvaluationPlans {

  private final JdbcClient jdbc;
  private final PathwayService pathways;
  private final AuditLog audit;
  private final Clock clock;

  EvaluationPlans(JdbcClient jdbc, PathwayService pathways, AuditLog audit, Clock clock) {
    this.jdbc = jdbc;
    this.pathways = pathways;
    this.audit = audit;
    this.clock = clock;
  }

  public Optional<LocalDate> plannedFor(UUID pathway) {
    return jdbc.sql(
            "select planned_on from planned_evaluation where pathway_id = :id"
                + " order by seq desc limit 1")
        .param("id", pathway)
        .query(LocalDate.class)
        .optional();
  }

  /**
   * Plans the next evaluation (the actor must work in the pathway's unit: an emergency access only
   * reads; audited).
   */
  @Transactional
  public void plan(UUID pathway, LocalDate on, Actor actor) {
    var view = pathways.get(new PathwayId(pathway), null, actor.withoutEmergencyAccess());
    jdbc.sql(
            """
            insert into planned_evaluation (pathway_id, planned_on, planned_at, planned_by)
            values (:id, :on, :at, :by)
            """)
        .param("id", pathway)
        .param("on", on)
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .param("by", actor.id())
        .update();
    audit.record(
        actor,
        AuditAction.UPDATE,
        view.patient().value(),
        "pathway/" + pathway + "/evaluation",
        null);
  }
}

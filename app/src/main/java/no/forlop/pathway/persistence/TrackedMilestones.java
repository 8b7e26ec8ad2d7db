package no.forlop.pathway.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.forlop.pathway.TrackedMilestone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The milestones the derivation tracks on a pathway without coding them (e.g. BIOPSY), in table
 * {@code tracked_milestone}: replaced as a whole per pathway, in batches, and read with the
 * pathways {@link PathwayStore} loads.
 */
final class TrackedMilestones {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  TrackedMilestones(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * Replaces the milestones tracked on these pathways (e.g. BIOPSY), the new ones with one {@code
   * COPY}; a pathway mapped to no milestones loses those it had.
   */
  void replace(Map<UUID, List<TrackedMilestone>> milestones, Instant derivedAt) {
    if (milestones.isEmpty()) {
      return;
    }
    var ids = List.copyOf(milestones.keySet());
    for (int from = 0; from < ids.size(); from += 1000) {
      jdbc.sql("delete from tracked_milestone where pathway_id in (:p)")
          .param("p", ids.subList(from, Math.min(ids.size(), from + 1000)))
          .update();
    }
    var at = OffsetDateTime.ofInstant(derivedAt, ZoneOffset.UTC);
    var rows = new ArrayList<Object[]>();
    milestones.forEach(
        (pathway, list) ->
            list.forEach(
                m ->
                    rows.add(
                        new Object[] {
                          pathway,
                          m.type(),
                          m.date(),
                          m.rule(),
                          String.join("\n", m.sources()),
                          m.detail(),
                          at
                        })));
    if (rows.isEmpty()) {
      return;
    }
    no.forlop.database.CopyRows.copy(
        java.util.Objects.requireNonNull(batch.getDataSource()),
        "tracked_milestone",
        List.of("pathway_id", "type", "date", "rule_id", "sources", "detail", "derived_at"),
        rows);
  }

  /** The milestones tracked on these pathways, each pathway's by date. */
  Map<UUID, List<TrackedMilestone>> byPathway(List<UUID> ids) {
    var milestones = new HashMap<UUID, List<TrackedMilestone>>();
    for (int from = 0; from < ids.size(); from += 1000) {
      jdbc.sql(
              "select pathway_id, type, date, rule_id, sources, detail from tracked_milestone"
                  + " where pathway_id in (:ids) order by pathway_id, date, type")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
          .query(
              (rs, n) ->
                  milestones
                      .computeIfAbsent(
                          rs.getObject("pathway_id", UUID.class), k -> new ArrayList<>())
                      .add(
                          new TrackedMilestone(
                              rs.getString("type"),
                              rs.getObject("date", LocalDate.class),
                              rs.getString("rule_id"),
                              List.of(rs.getString("sources").split("\n")),
                              rs.getString("detail"))))
          .list();
    }
    return milestones;
  }
}

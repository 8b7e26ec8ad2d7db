package no.forlop.pathway.persistence;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.forlop.pathway.Remark;
import no.forlop.pathway.UnusedFact;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The facts the derivation could not code for a pathway, in table {@code pathway_unused_fact}:
 * replaced as a whole per pathway at every derivation, like the tracked milestones.
 */
final class UnusedFacts {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  UnusedFacts(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  void replace(Map<UUID, List<UnusedFact>> facts, Instant derivedAt) {
    if (facts.isEmpty()) {
      return;
    }
    var ids = List.copyOf(facts.keySet());
    for (int from = 0; from < ids.size(); from += 1000) {
      jdbc.sql("delete from pathway_unused_fact where pathway_id in (:p)")
          .param("p", ids.subList(from, Math.min(ids.size(), from + 1000)))
          .update();
    }
    var at = OffsetDateTime.ofInstant(derivedAt, ZoneOffset.UTC);
    var rows = new ArrayList<Object[]>();
    facts.forEach(
        (pathway, list) ->
            list.forEach(
                f ->
                    rows.add(
                        new Object[] {
                          pathway,
                          f.source(),
                          f.reason().key(),
                          f.reason().args().toArray(String[]::new),
                          f.ignored(),
                          at
                        })));
    if (rows.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        """
        insert into pathway_unused_fact
            (pathway_id, source, reason_key, reason_args, ignored, derived_at)
        values (?, ?, ?, ?, ?, ?)
        """,
        rows);
  }

  List<UnusedFact> of(UUID pathway) {
    return jdbc.sql(
            """
            select source, reason_key, reason_args, ignored from pathway_unused_fact
            where pathway_id = :p order by ignored, source
            """)
        .param("p", pathway)
        .query(
            (rs, n) ->
                new UnusedFact(
                    rs.getString("source"),
                    new Remark(rs.getString("reason_key"), strings(rs.getArray("reason_args"))),
                    rs.getBoolean("ignored")))
        .list();
  }

  private static List<String> strings(Array array) throws SQLException {
    return List.of((String[]) array.getArray());
  }
}

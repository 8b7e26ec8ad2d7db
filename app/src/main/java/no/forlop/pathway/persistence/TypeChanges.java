package no.forlop.pathway.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.forlop.pathway.domain.PatientPathway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The changes of pathway type (ADR 0014) in table {@code pathway_type_change}, each linking the
 * closed instance to the one that replaced it: stored in a batch, and read to link the headers of
 * the pathways {@link PathwayStore} loads both ways.
 */
final class TypeChanges {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  TypeChanges(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /** Records changes of pathway type (after both instances are stored). */
  void insert(List<PatientPathway.TypeChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        """
        insert into pathway_type_change (from_pathway, to_pathway, changed_on, from_started_on,
            first_started_on, note, changed_at, changed_by)
        values (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        changes.stream()
            .map(
                c ->
                    new Object[] {
                      c.from(),
                      c.to(),
                      c.changedOn(),
                      c.fromStartedOn(),
                      c.firstStartedOn(),
                      c.note(),
                      OffsetDateTime.ofInstant(c.changedAt(), ZoneOffset.UTC),
                      c.changedBy()
                    })
            .toList());
  }

  /** The changes of pathway type that opened or closed any of these instances. */
  List<PatientPathway.TypeChange> touching(List<UUID> ids) {
    var changes = new ArrayList<PatientPathway.TypeChange>();
    for (int from = 0; from < ids.size(); from += 1000) {
      changes.addAll(
          jdbc.sql(
                  """
                  select c.from_pathway, f.definition as from_definition, c.to_pathway,
                         t.definition as to_definition, c.changed_on, c.from_started_on,
                         c.first_started_on, c.note, c.changed_at, c.changed_by
                  from pathway_type_change c
                  join pathway f on f.id = c.from_pathway
                  join pathway t on t.id = c.to_pathway
                  where c.from_pathway in (:ids) or c.to_pathway in (:ids)
                  """)
              .param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
              .query(
                  (rs, n) ->
                      new PatientPathway.TypeChange(
                          rs.getObject("from_pathway", UUID.class),
                          rs.getString("from_definition"),
                          rs.getObject("to_pathway", UUID.class),
                          rs.getString("to_definition"),
                          rs.getObject("changed_on", LocalDate.class),
                          rs.getObject("from_started_on", LocalDate.class),
                          rs.getObject("first_started_on", LocalDate.class),
                          rs.getString("note"),
                          rs.getObject("changed_at", OffsetDateTime.class).toInstant(),
                          rs.getString("changed_by")))
              .list());
    }
    return changes;
  }

  static PatientPathway.Header linked(
      PatientPathway.Header header, List<PatientPathway.TypeChange> changes) {
    var from = changes.stream().filter(c -> c.to().equals(header.id())).findFirst().orElse(null);
    var to = changes.stream().filter(c -> c.from().equals(header.id())).findFirst().orElse(null);
    return from == null && to == null ? header : header.linked(from, to);
  }
}

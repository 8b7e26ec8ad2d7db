package no.forlop.pathway.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import no.forlop.pathway.domain.TransferLink;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The transfers between trusts that link a sender's pathway instance to the receiver's, in table
 * {@code pathway_transfer}: replaced as a whole for a patient's instances each time the derivation
 * runs, like the tracked milestones.
 */
final class Transfers {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  Transfers(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * Replaces, for each group (a patient's instances), the links touching its pathways by the
   * group's links. The groups' pathways are disjoint (a transfer links one patient's instances), so
   * all groups are read with one query, and the groups whose links changed are deleted and written
   * with one statement each, not a round trip per patient.
   *
   * @return the pathways whose links changed (a link gone, new or moved): both ends of each
   */
  Set<UUID> replace(List<PathwayStore.TransferGroup> groups, Instant derivedAt) {
    var all = new java.util.LinkedHashSet<UUID>();
    groups.forEach(group -> all.addAll(group.pathways()));
    if (all.isEmpty()) {
      return Set.of();
    }
    var stored = touching(all);
    var changed = new HashSet<UUID>();
    var replaced = new ArrayList<UUID>();
    var rows = new ArrayList<Object[]>();
    var at = OffsetDateTime.ofInstant(derivedAt, ZoneOffset.UTC);
    for (var group : groups) {
      if (group.pathways().isEmpty()) {
        continue;
      }
      var mine = new HashSet<>(group.pathways());
      var before =
          stored.stream()
              .filter(link -> mine.contains(link.from()) || mine.contains(link.to()))
              .toList();
      var links = group.links();
      var changedHere = new HashSet<UUID>();
      for (var link : before) {
        if (!links.contains(link)) {
          changedHere.add(link.from());
          changedHere.add(link.to());
        }
      }
      for (var link : links) {
        if (!before.contains(link)) {
          changedHere.add(link.from());
          changedHere.add(link.to());
        }
      }
      if (changedHere.isEmpty()) {
        continue;
      }
      changed.addAll(changedHere);
      replaced.addAll(group.pathways());
      for (var link : links) {
        rows.add(new Object[] {link.to(), link.from(), link.transferredOn(), link.rule(), at});
      }
    }
    if (changed.isEmpty()) {
      return Set.of();
    }
    for (int from = 0; from < replaced.size(); from += 1000) {
      jdbc.sql("delete from pathway_transfer where to_pathway in (:p) or from_pathway in (:p)")
          .param("p", replaced.subList(from, Math.min(replaced.size(), from + 1000)))
          .update();
    }
    batch.batchUpdate(
        """
        insert into pathway_transfer (to_pathway, from_pathway, transferred_on, rule_id, derived_at)
        values (?, ?, ?, ?, ?)
        """,
        rows);
    return changed;
  }

  /** The links with either end among these pathways (in chunks of 1000 pathways). */
  List<TransferLink> touching(Collection<UUID> pathways) {
    var ids = List.copyOf(pathways);
    var links = new java.util.LinkedHashSet<TransferLink>();
    for (int from = 0; from < ids.size(); from += 1000) {
      links.addAll(
          jdbc.sql(
                  "select from_pathway, to_pathway, transferred_on, rule_id from pathway_transfer"
                      + " where to_pathway in (:p) or from_pathway in (:p)"
                      + " order by transferred_on, to_pathway")
              .param("p", ids.subList(from, Math.min(ids.size(), from + 1000)))
              .query(
                  (rs, n) ->
                      new TransferLink(
                          rs.getObject("from_pathway", UUID.class),
                          rs.getObject("to_pathway", UUID.class),
                          rs.getObject("transferred_on", LocalDate.class),
                          rs.getString("rule_id")))
              .list());
    }
    return List.copyOf(links);
  }
}

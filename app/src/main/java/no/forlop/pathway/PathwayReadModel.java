package no.forlop.pathway;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * A read model of other modules kept in step with the pathways (one row or more per pathway, in a
 * table of its own): every change rewrites the changed pathways' rows in the transaction of the
 * change; at start-up, when the table has fewer rows than there are pathways (e.g. after an
 * upgrade), it is written again from every pathway. A subclass says only how to write the rows.
 */
public abstract class PathwayReadModel {

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final JdbcClient jdbc;
  private final PathwayService pathways;
  private final String table;
  private final String name;

  /**
   * @param table the table with one row per pathway, counted against the pathways at start-up
   * @param name what the log calls the read model (e.g. "the worklist")
   */
  protected PathwayReadModel(JdbcClient jdbc, PathwayService pathways, String table, String name) {
    this.jdbc = jdbc;
    this.pathways = pathways;
    this.table = table;
    this.name = name;
  }

  /** Writes (replaces) the rows of these pathways. */
  protected abstract void write(List<PathwayView> views);

  @EventListener
  public void on(PathwaysChanged changed) {
    write(changed.pathways());
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void rebuildIfBehind() {
    // once across the nodes that share the database (ADR 0032): the second waits, then counts
    jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
        .param("key", "read-model:" + table)
        .query()
        .listOfRows();
    var rows = jdbc.sql("select count(*) from " + table).query(Long.class).single();
    var instances = jdbc.sql("select count(*) from pathway").query(Long.class).single();
    if (rows < instances) {
      log.info("Rebuilding {} from {} pathways ({} rows were there)", name, instances, rows);
      write(pathways.allForReadModels());
    }
  }
}

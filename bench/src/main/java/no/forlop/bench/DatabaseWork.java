package no.forlop.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What PostgreSQL did, counted by itself ({@code pg_stat_database}): buffer pages read or found in
 * memory, rows inserted, updated and deleted, and transactions committed. Unlike the CPU seconds,
 * these counts do not move with the machine's load, so two versions compare on a shared machine.
 * PostgreSQL publishes a session's counts at the end of a transaction, at most once a second: take
 * the last reading after a pause ({@link #settled}); an idle session publishes within ten seconds.
 */
record DatabaseWork(long buffers, long inserted, long updated, long deleted, long commits) {

  static DatabaseWork now(JdbcClient jdbc) {
    return jdbc.sql(
            """
            select blks_hit + blks_read, tup_inserted, tup_updated, tup_deleted, xact_commit
            from pg_stat_database where datname = current_database()
            """)
        .query(
            (rs, n) ->
                new DatabaseWork(
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
        .single();
  }

  /** The counts after the sessions have published theirs (a pause of eleven seconds). */
  static DatabaseWork settled(JdbcClient jdbc) throws InterruptedException {
    Thread.sleep(11_000);
    jdbc.sql("select pg_stat_clear_snapshot()").query().listOfRows();
    return now(jdbc);
  }

  DatabaseWork minus(DatabaseWork before) {
    return new DatabaseWork(
        buffers - before.buffers,
        inserted - before.inserted,
        updated - before.updated,
        deleted - before.deleted,
        commits - before.commits);
  }

  /** Per 1,000 resources: buffer pages, rows written (inserted + updated + deleted). */
  String per(double thousands) {
    return String.format(
        "%,.0f buffer pages, %,.0f rows written (%,.0f inserted, %,.0f updated, %,.0f deleted)",
        buffers / thousands,
        (inserted + updated + deleted) / thousands,
        inserted / thousands,
        updated / thousands,
        deleted / thousands);
  }
}

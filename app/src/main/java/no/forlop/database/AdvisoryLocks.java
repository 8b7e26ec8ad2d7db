package no.forlop.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * PostgreSQL advisory locks, so that nodes sharing one database do not do the same work at once
 * (ADR 0032). Keys are a namespace and a 32-bit hash of a name (PostgreSQL's two-key form, which
 * never meets the one-key locks of {@code hashtext} elsewhere); two names with the same hash only
 * wait for each other, which is safe.
 */
@Component
public class AdvisoryLocks {

  /** What a lock is about: the first of the two keys. */
  public enum Space {
    /**
     * A fact's source key or business identifier, in 1,024 buckets (a delivery of thousands of
     * resources takes at most that many locks): storing, so that two nodes receiving the same
     * resource at once store it once.
     */
    SOURCE(4500, 1024),
    /** A patient as the facts know them ({@code clinical_event.patient_key}): the derivation. */
    PATIENT_KEY(4501, 0),
    /** A patient by fødselsnummer or D-nummer ({@code pathway.patient}): the pathway's writes. */
    PATIENT(4502, 0),
    /** A node's presence: held by its own database session for as long as it lives. */
    NODE(4503, 0),
    /** Work that runs once at a time across the nodes (a read model's rebuild, a poll). */
    WORK(4504, 0);

    final int key;

    /** How many locks the names share (0: a lock per name's hash). */
    private final int buckets;

    Space(int key, int buckets) {
      this.key = key;
      this.buckets = buckets;
    }

    int keyOf(String name) {
      var hash = hash(name);
      return buckets == 0 ? hash : Math.floorMod(hash, buckets);
    }
  }

  private final JdbcClient jdbc;
  private final DataSource dataSource;

  AdvisoryLocks(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /** The second key of a name: the same on every node (CRC-32C of its UTF-8). */
  static int hash(String name) {
    var crc = new java.util.zip.CRC32C();
    crc.update(name.getBytes(StandardCharsets.UTF_8));
    return (int) crc.getValue();
  }

  /**
   * Takes the locks of these names for the rest of the current transaction, waiting for each, in
   * ascending order of their keys: two transactions that lock overlapping sets take the common
   * locks in the same order and cannot deadlock on them. A transaction that calls this more than
   * once must go from a lower space to a higher one (sources, then patient keys, then patients).
   *
   * @throws IllegalStateException outside a transaction (the locks would end with the statement)
   */
  public void lockForTransaction(Space space, Collection<String> names) {
    if (names.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("advisory transaction locks need a transaction");
    }
    var keys = new TreeSet<Integer>();
    names.forEach(name -> keys.add(space.keyOf(name)));
    // unnest keeps the array's order, so the locks are taken in ascending order of key
    jdbc.sql(
            "select count(pg_advisory_xact_lock(:space, k)) from unnest(cast(:keys as int[])) as k")
        .param("space", space.key)
        .param("keys", keys.toArray(Integer[]::new))
        .query(Long.class)
        .single();
  }

  /**
   * Runs {@code work} unless the same work runs on another node (or thread) now: a session lock on
   * a connection of its own, held while it runs, given back when it ends (or the node dies).
   *
   * @return what the work returned; empty if it runs elsewhere
   */
  public <T> Optional<T> tryAlone(String name, Supplier<T> work) {
    try (var connection = dataSource.getConnection()) {
      if (!tryLock(connection, Space.WORK, name)) {
        return Optional.empty();
      }
      try {
        return Optional.ofNullable(work.get());
      } finally {
        unlock(connection, Space.WORK, name);
      }
    } catch (SQLException e) {
      throw new org.springframework.dao.DataAccessResourceFailureException(
          "advisory lock " + name, e);
    }
  }

  /**
   * Whether a session somewhere holds this lock now (tries it on a connection of the current
   * transaction, or a pooled one, and gives it back at once).
   */
  boolean held(Space space, String name) {
    var free =
        jdbc.sql("select pg_try_advisory_lock(:space, :key)")
            .param("space", space.key)
            .param("key", hash(name))
            .query(Boolean.class)
            .single();
    if (free) {
      jdbc.sql("select pg_advisory_unlock(:space, :key)")
          .param("space", space.key)
          .param("key", hash(name))
          .query(Boolean.class)
          .single();
    }
    return !free;
  }

  static boolean tryLock(Connection connection, Space space, String name) throws SQLException {
    try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
      statement.setInt(1, space.key);
      statement.setInt(2, hash(name));
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  static void unlock(Connection connection, Space space, String name) throws SQLException {
    try (var statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
      statement.setInt(1, space.key);
      statement.setInt(2, hash(name));
      statement.execute();
    }
  }
}

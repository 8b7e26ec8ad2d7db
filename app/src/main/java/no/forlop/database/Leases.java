package no.forlop.database;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which node works a piece of shared work (table {@code node_lease}, ADR 0032): a node claims it,
 * renews the claim while it works (its heartbeat renews every lease it holds), and gives it back
 * when done. Another node takes it over only when the lease ran out by the application clock, or
 * its holder's presence is gone from the database ({@link Lease#takeableBy}). Claims are decided
 * under the lease row's lock, so two nodes never both win one.
 */
@Component
public class Leases {

  private static final Logger log = LoggerFactory.getLogger(Leases.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Node node;
  private final AdvisoryLocks locks;

  Leases(
      JdbcClient jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock,
      Node node,
      AdvisoryLocks locks) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.node = node;
    this.locks = locks;
    node.onHeartbeat(this::renewAll);
  }

  /**
   * Claims {@code name} for this node, if it is free, held by this node already, run out, or held
   * by a node that is gone; says so in the log when it takes it over from another node.
   *
   * @return whether this node holds it now
   */
  public boolean claim(String name) {
    return Boolean.TRUE.equals(transactions.execute(tx -> claimInTransaction(name)));
  }

  private boolean claimInTransaction(String name) {
    var now = clock.instant();
    var until = now.plus(node.lease());
    var inserted =
        jdbc.sql(
                """
                insert into node_lease (name, holder, held_until, taken_at)
                values (:name, :holder, :until, :now) on conflict (name) do nothing
                """)
            .param("name", name)
            .param("holder", node.id())
            .param("until", utc(until))
            .param("now", utc(now))
            .update();
    if (inserted == 1) {
      return true;
    }
    var current =
        jdbc.sql("select name, holder, held_until from node_lease where name = :name for update")
            .param("name", name)
            .query(Leases::lease)
            .optional();
    if (current.isEmpty()) {
      // given back between the insert and the select: the next claim takes it
      return false;
    }
    var lease = current.get();
    var mine = lease.holder().equals(node.id());
    if (!lease.takeableBy(node.id(), now, mine || present(lease.holder()))) {
      return false;
    }
    jdbc.sql(
            """
            update node_lease set holder = :holder, held_until = :until,
                   taken_at = case when holder = :holder then taken_at else :now end
            where name = :name
            """)
        .param("name", name)
        .param("holder", node.id())
        .param("until", utc(until))
        .param("now", utc(now))
        .update();
    if (!mine) {
      log.info(
          "Node {} takes over {} from node {} ({})",
          node.id(),
          name,
          lease.holder(),
          lease.ranOut(now) ? "its lease ran out at " + lease.until() : "that node is gone");
    }
    return true;
  }

  /** Whether the node of this id is still connected to the database. */
  private boolean present(String holder) {
    return locks.held(AdvisoryLocks.Space.NODE, holder);
  }

  /**
   * Renews this node's claim on {@code name}, in the caller's transaction (or one of its own): the
   * row stays locked to the end of that transaction, so nobody takes the work over while it
   * commits.
   *
   * @return whether this node still holds it; {@code false} when another node took it over
   */
  public boolean renew(String name) {
    return jdbc.sql(
                """
                update node_lease set held_until = :until
                where name = :name and holder = :holder
                """)
            .param("name", name)
            .param("holder", node.id())
            .param("until", utc(clock.instant().plus(node.lease())))
            .update()
        == 1;
  }

  /** Renews every lease this node holds (its heartbeat). */
  void renewAll() {
    jdbc.sql("update node_lease set held_until = :until where holder = :holder")
        .param("holder", node.id())
        .param("until", utc(clock.instant().plus(node.lease())))
        .update();
  }

  /** Gives {@code name} back, if this node holds it. */
  public void release(String name) {
    jdbc.sql("delete from node_lease where name = :name and holder = :holder")
        .param("name", name)
        .param("holder", node.id())
        .update();
  }

  /** The lease on {@code name}, if anyone holds one. */
  public Optional<Lease> find(String name) {
    return jdbc.sql("select name, holder, held_until from node_lease where name = :name")
        .param("name", name)
        .query(Leases::lease)
        .optional();
  }

  /** Runs {@code task} at every heartbeat of this node, after its leases were renewed. */
  public void onHeartbeat(Runnable task) {
    node.onHeartbeat(task);
  }

  /** This node's id. */
  public String nodeId() {
    return node.id();
  }

  private static Lease lease(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Lease(
        rs.getString("name"),
        rs.getString("holder"),
        Objects.requireNonNull(rs.getObject("held_until", OffsetDateTime.class)).toInstant());
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}

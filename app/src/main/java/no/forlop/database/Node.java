package no.forlop.database;

import jakarta.annotation.PreDestroy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This process as one node of several against one database (ADR 0032): its id, and its presence — a
 * session advisory lock on a database connection of its own, held as long as the process lives, so
 * that the other nodes see at once when it is gone. Every {@code forlop.node.renew-every} its
 * heartbeat checks that presence (taken again after the database restarted) and runs the tasks
 * modules register: renewing this node's leases, taking over work whose holder is gone.
 */
@Component
@EnableConfigurationProperties(NodeSettings.class)
public class Node {

  private static final Logger log = LoggerFactory.getLogger(Node.class);

  private final String id;
  private final NodeSettings settings;
  private final DataSource dataSource;
  private final List<Runnable> heartbeatTasks = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService heartbeat =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            var thread = new Thread(r, "forlop-node-heartbeat");
            thread.setDaemon(true);
            return thread;
          });
  private @Nullable Connection presence;

  Node(NodeSettings settings, DataSource dataSource) {
    this.settings = settings;
    this.dataSource = dataSource;
    this.id = settings.id() != null ? settings.id() : defaultId();
    if (!takePresence()) {
      throw new IllegalStateException(
          "forlop.node.id "
              + id
              + " is in use by another live node on the same database: give each node its own id");
    }
    log.info(
        "This is node {} (leases of {}, renewed every {})", id, lease(), settings.renewEvery());
  }

  /** The host name, the process id and a random suffix: unique, and new at every start. */
  static String defaultId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host
        + "-"
        + ProcessHandle.current().pid()
        + "-"
        + UUID.randomUUID().toString().substring(0, 4);
  }

  public String id() {
    return id;
  }

  /** How long a lease lasts unless renewed. */
  public Duration lease() {
    return settings.lease();
  }

  /** Runs {@code task} at every heartbeat, after the renewal (failures are logged, not thrown). */
  public void onHeartbeat(Runnable task) {
    heartbeatTasks.add(task);
  }

  @EventListener(ApplicationReadyEvent.class)
  void startHeartbeat() {
    var every = settings.renewEvery().toMillis();
    heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /** One heartbeat: the presence checked, then the registered tasks. */
  void beat() {
    try {
      if (!presenceValid() && !takePresence()) {
        log.error("Node {}: its id is in use by another live node; leases are not renewed", id);
        return;
      }
      for (var task : heartbeatTasks) {
        task.run();
      }
    } catch (RuntimeException e) {
      log.warn(
          "Node {}: heartbeat failed ({}); tried again in {}",
          id,
          e.getClass().getName(),
          settings.renewEvery());
      log.debug("Node heartbeat failed", e);
    }
  }

  private synchronized boolean presenceValid() {
    try {
      return presence != null && presence.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  private synchronized boolean takePresence() {
    closePresence();
    try {
      var connection = dataSource.getConnection();
      if (!connection.getAutoCommit()) {
        connection.setAutoCommit(true);
      }
      if (AdvisoryLocks.tryLock(connection, AdvisoryLocks.Space.NODE, id)) {
        presence = connection;
        return true;
      }
      connection.close();
      return false;
    } catch (SQLException e) {
      throw new org.springframework.dao.DataAccessResourceFailureException("node presence", e);
    }
  }

  private synchronized void closePresence() {
    if (presence != null) {
      try {
        // a pooled connection keeps its session: the lock must go before it goes back
        AdvisoryLocks.unlock(presence, AdvisoryLocks.Space.NODE, id);
      } catch (SQLException ignored) {
        // a broken connection: its session, and the lock, are gone already
      }
      try {
        presence.close();
      } catch (SQLException ignored) {
        // a broken connection: its session, and the lock, are gone already
      }
      presence = null;
    }
  }

  @PreDestroy
  void stop() {
    heartbeat.shutdownNow();
    closePresence();
  }
}

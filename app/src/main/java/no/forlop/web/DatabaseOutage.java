package no.forlop.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot be reached — connection refused or lost, the pool timed out waiting
 * for a connection, the server shutting down or starting up — from every other failure, and how the
 * APIs answer it: 503 with {@code Retry-After} and the reason {@code DATABASE_UNAVAILABLE}. Such a
 * failure passes when the database returns, so the request may simply be sent again (every write
 * Forløp makes is a transaction, and a fact received twice is stored once), and background work
 * (bulk imports, the pull connector) waits for it instead of failing.
 */
public final class DatabaseOutage {

  /** The reason code of the 503 answer. */
  public static final String REASON = "DATABASE_UNAVAILABLE";

  /** How long a client is asked to wait before sending the request again. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(10);

  /**
   * SQLState classes and codes of a lost or refused connection: class 08 (connection exception),
   * 57P01–57P03 (the server shuts down, crashed or is starting up) and 53300 (too many
   * connections).
   */
  private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

  private DatabaseOutage() {}

  /**
   * Whether the database being out of reach is what this failure comes down to: the failure, its
   * causes, and the failure a failed rollback hides ({@link
   * TransactionSystemException#getApplicationException()}: a rollback on a lost connection fails
   * too, and Spring reports that).
   */
  public static boolean isCause(@Nullable Throwable thrown) {
    var seen = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
    var next = new ArrayDeque<Throwable>();
    if (thrown != null) {
      next.add(thrown);
    }
    while (!next.isEmpty()) {
      var t = next.poll();
      if (!seen.add(t)) {
        continue;
      }
      if (isOutage(t)) {
        return true;
      }
      if (t.getCause() != null) {
        next.add(t.getCause());
      }
      if (t instanceof TransactionSystemException failed
          && failed.getApplicationException() != null) {
        next.add(failed.getApplicationException());
      }
    }
    return false;
  }

  private static boolean isOutage(Throwable t) {
    return t instanceof DataAccessResourceFailureException // CannotGetJdbcConnectionException too
        || t instanceof TransientDataAccessException
        || t instanceof SQLTransientConnectionException // Hikari: no connection within the timeout
        || t instanceof SQLNonTransientConnectionException
        || t instanceof SQLRecoverableException
        || (t instanceof SQLException sql
            && (isUnavailableState(sql.getSQLState()) || isClosedByPool(sql)));
  }

  /** Hikari's answer when the connection under a transaction was lost (it has no SQLState). */
  private static boolean isClosedByPool(SQLException e) {
    return e.getSQLState() == null && "Connection is closed".equals(e.getMessage());
  }

  static boolean isUnavailableState(@Nullable String state) {
    return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
  }

  /** The answer to a request that failed because the database is out of reach. */
  public static ApiProblem problem() {
    return new ApiProblem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "transient",
            "DATABASE_UNAVAILABLE",
            String.valueOf(RETRY_AFTER.toSeconds()))
        .retryAfter(RETRY_AFTER);
  }

  /** What failed, for the log: the exception types down to the root, never their messages. */
  public static String describe(Throwable thrown) {
    var text = new StringBuilder();
    var seen = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
    for (var t = thrown; t != null && seen.add(t); t = t.getCause()) {
      if (!text.isEmpty()) {
        text.append(" < ");
      }
      text.append(t.getClass().getSimpleName());
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        text.append(" [").append(sql.getSQLState()).append(']');
      }
    }
    return text.toString();
  }
}

package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTest {

  /** What Hikari throws when no connection comes within its connection-timeout. */
  private static SQLTransientConnectionException poolTimedOut() {
    return new SQLTransientConnectionException(
        "forlop-embedded - Connection is not available, request timed out after 3000ms",
        "08001",
        new SQLException("Connection to localhost:5432 refused", "08001", new ConnectException()));
  }

  @Test
  void a_connection_that_cannot_be_had_is_an_outage_however_it_is_wrapped() {
    assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("x", poolTimedOut())))
        .isTrue();
    assertThat(
            DatabaseOutage.isCause(
                new CannotCreateTransactionException(
                    "Could not open JDBC Connection", poolTimedOut())))
        .isTrue();
    assertThat(DatabaseOutage.isCause(new RuntimeException("wrapped", poolTimedOut()))).isTrue();
    assertThat(DatabaseOutage.isCause(new QueryTimeoutException("timeout"))).isTrue();
  }

  @Test
  void a_connection_lost_or_a_server_shutting_down_is_an_outage() {
    var lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    assertThat(
            DatabaseOutage.isCause(
                new TransactionSystemException("Could not commit JDBC transaction", lost)))
        .isTrue();
    var shutdown = new SQLException("terminating connection due to administrator command", "57P01");
    assertThat(DatabaseOutage.isCause(new UncategorizedSQLException("insert", "sql", shutdown)))
        .isTrue();
    assertThat(
            DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03")))
        .isTrue();
  }

  @Test
  void a_rollback_that_fails_on_a_lost_connection_hides_no_outage() {
    // what TransactionTemplate throws when the server ends the connection in a transaction
    var rollback =
        new TransactionSystemException(
            "JDBC rollback failed", new SQLException("Connection is closed"));
    rollback.initApplicationException(
        new UncategorizedSQLException(
            "insert",
            "sql",
            new SQLException("terminating connection due to administrator command", "57P01")));
    assertThat(DatabaseOutage.isCause(rollback)).isTrue();
    assertThat(
            DatabaseOutage.isCause(
                new TransactionSystemException(
                    "JDBC rollback failed", new SQLException("Connection is closed"))))
        .isTrue();
  }

  @Test
  void other_database_failures_are_not_an_outage() {
    assertThat(DatabaseOutage.isCause(new DuplicateKeyException("duplicate key"))).isFalse();
    assertThat(
            DatabaseOutage.isCause(
                new DataIntegrityViolationException(
                    "check", new SQLException("violates check constraint", "23514"))))
        .isFalse();
    assertThat(DatabaseOutage.isCause(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(DatabaseOutage.isCause(new IllegalStateException("a bug"))).isFalse();
    assertThat(DatabaseOutage.isCause(null)).isFalse();
    var failedCommit =
        new TransactionSystemException(
            "Could not commit", new SQLException("could not serialize access", "40001"));
    assertThat(DatabaseOutage.isCause(failedCommit)).isFalse();
  }

  @Test
  void a_cause_that_points_back_at_itself_ends_the_search() {
    var first = new RuntimeException("first");
    var second = new RuntimeException("second", first);
    first.initCause(second);
    assertThat(DatabaseOutage.isCause(first)).isFalse();
  }

  @Test
  void the_answer_is_503_with_retry_after_and_the_reason() {
    var problem = DatabaseOutage.problem();
    assertThat(problem.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    assertThat(problem.reason()).isEqualTo("DATABASE_UNAVAILABLE");
    assertThat(problem.retryAfter()).isEqualTo(DatabaseOutage.RETRY_AFTER);
  }

  @Test
  void the_log_names_the_exception_types_never_their_messages() {
    var described =
        DatabaseOutage.describe(new CannotGetJdbcConnectionException("secret", poolTimedOut()));
    assertThat(described)
        .isEqualTo(
            "CannotGetJdbcConnectionException < SQLTransientConnectionException [08001] <"
                + " SQLException [08001] < ConnectException")
        .doesNotContain("secret")
        .doesNotContain("localhost");
  }
}

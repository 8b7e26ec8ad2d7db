package no.forlop.coordinator.worklist;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * When a user last opened the worklist ("what changed since my last visit", ADR 0035). A visit is a
 * session: its first view of the worklist reads the moment of the previous visit, keeps it in the
 * session (so paging and filtering compare with the same moment) and moves the stored one to now. A
 * user who never visited sees the changes of the last {@link #FIRST_VISIT_DAYS} days.
 */
@Component
class WorklistVisits {

  static final int FIRST_VISIT_DAYS = 7;

  private static final String ATTRIBUTE = WorklistVisits.class.getName();

  private final JdbcClient jdbc;
  private final Clock clock;

  WorklistVisits(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * The moment changes are counted from.
   *
   * @param first the user had not visited before: {@code since} is {@link #FIRST_VISIT_DAYS} ago
   */
  record Visit(Instant since, boolean first) implements Serializable {}

  @Transactional
  Visit visit(HttpSession session, String username) {
    synchronized (session) {
      if (session.getAttribute(ATTRIBUTE) instanceof Visit kept) {
        return kept;
      }
      var visit = visit(username);
      session.setAttribute(ATTRIBUTE, visit);
      return visit;
    }
  }

  /** Reads the user's previous visit and stores this one (now). */
  @Transactional
  Visit visit(String username) {
    var now = clock.instant();
    var previous =
        jdbc.sql("select visited_at from worklist_visit where username = :username for update")
            .param("username", username)
            .query(OffsetDateTime.class)
            .optional();
    jdbc.sql(
            """
            insert into worklist_visit (username, visited_at) values (:username, :now)
            on conflict (username) do update set visited_at = excluded.visited_at
            """)
        .param("username", username)
        .param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .update();
    return previous
        .map(at -> new Visit(at.toInstant(), false))
        .orElseGet(() -> new Visit(now.minus(Duration.ofDays(FIRST_VISIT_DAYS)), true));
  }
}

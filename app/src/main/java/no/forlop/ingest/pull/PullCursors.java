package no.forlop.ingest.pull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where the pull connector stopped, per source and resource type (table {@code pull_cursor}). */
@Repository
class PullCursors {

  private final JdbcClient jdbc;

  PullCursors(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The newest {@code meta.lastUpdated} received of one resource type.
   *
   * @param lastUpdated exactly as the server wrote it (it is sent back to the server as is)
   * @param instant the same moment, to compare with
   * @param movedAt when Forløp moved the cursor (Forløp's clock; for people only)
   */
  record Cursor(String resourceType, String lastUpdated, Instant instant, Instant movedAt) {}

  Optional<Cursor> of(String source, String resourceType) {
    return jdbc.sql("select * from pull_cursor where source = :source and resource_type = :type")
        .param("source", source)
        .param("type", resourceType)
        .query(PullCursors::cursor)
        .optional();
  }

  List<Cursor> all(String source) {
    return jdbc.sql("select * from pull_cursor where source = :source order by resource_type")
        .param("source", source)
        .query(PullCursors::cursor)
        .list();
  }

  /** Moves a cursor forward; a cursor never goes back. */
  void move(String source, Cursor cursor) {
    jdbc.sql(
            """
            insert into pull_cursor (source, resource_type, last_updated, last_updated_at, moved_at)
            values (:source, :type, :text, :at, :moved)
            on conflict (source, resource_type) do update
              set last_updated = excluded.last_updated,
                  last_updated_at = excluded.last_updated_at,
                  moved_at = excluded.moved_at
              where pull_cursor.last_updated_at < excluded.last_updated_at
            """)
        .param("source", source)
        .param("type", cursor.resourceType())
        .param("text", cursor.lastUpdated())
        .param("at", utc(cursor.instant()))
        .param("moved", utc(cursor.movedAt()))
        .update();
  }

  private static Cursor cursor(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Cursor(
        rs.getString("resource_type"),
        rs.getString("last_updated"),
        rs.getObject("last_updated_at", OffsetDateTime.class).toInstant(),
        rs.getObject("moved_at", OffsetDateTime.class).toInstant());
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}

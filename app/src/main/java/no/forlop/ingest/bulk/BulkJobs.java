package no.forlop.ingest.bulk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.forlop.audit.Actor;
import no.forlop.ingest.IntakeReport;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bulk import jobs and their stored chunks (tables {@code bulk_job} and {@code bulk_chunk}).
 */
@Repository
class BulkJobs {

  private final JdbcClient jdbc;

  BulkJobs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored stretch of the file, not yet processed. */
  record Chunk(int seq, long firstLine, int lines, byte[] content) {}

  void create(UUID id, @Nullable String name, Actor actor, Instant at) {
    jdbc.sql(
            """
            insert into bulk_job (id, status, name, actor, purpose, lines_total, chunks_total,
                                  started_at)
            values (:id, 'RUNNING', :name, :actor, :purpose, 0, 0, :at)
            """)
        .param("id", id)
        .param("name", name)
        .param("actor", actor.id())
        .param("purpose", actor.purpose())
        .param("at", utc(at))
        .update();
  }

  void addChunk(UUID job, int seq, long firstLine, int lines, byte[] content) {
    jdbc.sql(
            """
            insert into bulk_chunk (job, seq, first_line, lines, content)
            values (:job, :seq, :first, :lines, :content)
            """)
        .param("job", job)
        .param("seq", seq)
        .param("first", firstLine)
        .param("lines", lines)
        .param("content", content)
        .update();
  }

  void uploaded(UUID job, long lines, int chunks) {
    jdbc.sql("update bulk_job set lines_total = :lines, chunks_total = :chunks where id = :id")
        .param("id", job)
        .param("lines", lines)
        .param("chunks", chunks)
        .update();
  }

  Optional<BulkJob> find(UUID id) {
    return jdbc.sql("select * from bulk_job where id = :id")
        .param("id", id)
        .query(BulkJobs::job)
        .optional();
  }

  List<BulkJob> latest(int limit) {
    return jdbc.sql("select * from bulk_job order by started_at desc, id limit :limit")
        .param("limit", limit)
        .query(BulkJobs::job)
        .list();
  }

  List<UUID> running() {
    return jdbc.sql("select id from bulk_job where status = 'RUNNING' order by started_at, id")
        .query(UUID.class)
        .list();
  }

  Actor actorOf(UUID job) {
    return jdbc.sql("select actor, purpose from bulk_job where id = :id")
        .param("id", job)
        .query((rs, n) -> new Actor(rs.getString("actor"), rs.getString("purpose")))
        .single();
  }

  Optional<Chunk> nextChunk(UUID job) {
    return nextChunk(job, -1);
  }

  /** The first unprocessed chunk after {@code afterSeq} (chunks ahead may still be in work). */
  Optional<Chunk> nextChunk(UUID job, int afterSeq) {
    return jdbc.sql(
            """
            select seq, first_line, lines, content from bulk_chunk
            where job = :job and delivery is null and seq > :after order by seq limit 1
            """)
        .param("job", job)
        .param("after", afterSeq)
        .query(
            (rs, n) ->
                new Chunk(
                    rs.getInt("seq"),
                    rs.getLong("first_line"),
                    rs.getInt("lines"),
                    rs.getBytes("content")))
        .optional();
  }

  /**
   * Records a processed chunk: the delivery it became (which keeps it as it came, so the staging
   * copy goes) and what became of its resources. Call within one transaction.
   */
  void chunkDone(UUID job, Chunk chunk, IntakeReport report) {
    jdbc.sql(
            """
            update bulk_chunk set delivery = :delivery, content = null
            where job = :job and seq = :seq
            """)
        .param("delivery", report.delivery())
        .param("job", job)
        .param("seq", chunk.seq())
        .update();
    jdbc.sql(
            """
            update bulk_job set lines_read = lines_read + :lines, chunks_done = chunks_done + 1,
                   accepted = accepted + :accepted, rejected = rejected + :rejected,
                   ignored = ignored + :ignored, patients_derived = patients_derived + :patients
            where id = :id
            """)
        .param("id", job)
        .param("lines", chunk.lines())
        .param("accepted", report.accepted())
        .param("rejected", report.rejected().size())
        .param("ignored", report.ignored().size())
        .param("patients", report.patients().size())
        .update();
  }

  void finish(UUID job, Instant at) {
    jdbc.sql(
            """
            update bulk_job set status = 'DONE', finished_at = :at, failure = null
            where id = :id and status = 'RUNNING'
            """)
        .param("id", job)
        .param("at", utc(at))
        .update();
  }

  void fail(UUID job, String failure, Instant at) {
    jdbc.sql(
            "update bulk_job set status = 'FAILED', finished_at = :at, failure = :f where id = :id")
        .param("id", job)
        .param("f", failure)
        .param("at", utc(at))
        .update();
  }

  /** Puts a failed job back to work; {@code false} if it had not failed. */
  boolean retry(UUID job) {
    return jdbc.sql(
                """
                update bulk_job set status = 'RUNNING', finished_at = null, failure = null
                where id = :id and status = 'FAILED'
                """)
            .param("id", job)
            .update()
        == 1;
  }

  private static BulkJob job(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    var finished = rs.getObject("finished_at", OffsetDateTime.class);
    return new BulkJob(
        rs.getObject("id", UUID.class),
        BulkJob.Status.valueOf(rs.getString("status")),
        rs.getString("name"),
        rs.getLong("lines_total"),
        rs.getInt("chunks_total"),
        rs.getLong("lines_read"),
        rs.getInt("chunks_done"),
        rs.getLong("accepted"),
        rs.getLong("rejected"),
        rs.getLong("ignored"),
        rs.getLong("patients_derived"),
        rs.getObject("started_at", OffsetDateTime.class).toInstant(),
        finished == null ? null : finished.toInstant(),
        rs.getString("failure"));
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}

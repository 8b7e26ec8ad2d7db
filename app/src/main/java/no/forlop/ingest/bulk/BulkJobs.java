package no.forlop.ingest.bulk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeReport;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The bulk import jobs and their stored chunks (tables {@code bulk_job} and {@code bulk_chunk}). A
 * chunk goes from pending (its lines staged) to stored (a delivery, with its patients to derive:
 * marked in the transaction that stored it) to derived; the job's counters move with it, once.
 */
@Repository
class BulkJobs {

  private final JdbcClient jdbc;

  BulkJobs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A staged stretch of the file, not yet stored as a delivery. */
  record Chunk(int seq, long firstLine, int lines, byte[] content) {}

  /** A chunk stored whose patients are still to be derived. */
  record StoredChunk(int seq, long firstLine, List<String> patients) {}

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

  /**
   * Records the whole upload: its lines, chunks and content.
   *
   * @param sha256 the SHA-256 of the upload, hex; {@code null} for none (tests)
   * @throws org.springframework.dao.DuplicateKeyException if another job has the same content
   */
  void uploaded(UUID job, long lines, int chunks, @Nullable String sha256) {
    jdbc.sql(
            """
            update bulk_job set lines_total = :lines, chunks_total = :chunks,
                   content_sha256 = :sha256
            where id = :id
            """)
        .param("id", job)
        .param("lines", lines)
        .param("chunks", chunks)
        .param("sha256", sha256)
        .update();
  }

  /** The job of an upload with this content, if there is one. */
  Optional<BulkJob> withContent(String sha256) {
    return jdbc.sql("select * from bulk_job where content_sha256 = :sha256")
        .param("sha256", sha256)
        .query(BulkJobs::job)
        .optional();
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

  /**
   * The jobs in one status, summed (for the metrics, ADR 0045).
   *
   * @param linesRead the lines of the chunks stored
   * @param chunksDone the chunks stored and derived
   * @param oldestStart when the oldest of them was uploaded
   */
  record Progress(
      BulkJob.Status status,
      long jobs,
      long linesRead,
      long linesTotal,
      long chunksDone,
      long chunksTotal,
      Instant oldestStart) {}

  /** The jobs per status (one row per status that has jobs); one query over the job table. */
  List<Progress> progress() {
    return jdbc.sql(
            """
            select status, count(*) as jobs, sum(lines_read) as lines_read,
                   sum(lines_total) as lines_total, sum(chunks_done) as chunks_done,
                   sum(chunks_total) as chunks_total, min(started_at) as oldest
            from bulk_job group by status
            """)
        .query(
            (rs, n) ->
                new Progress(
                    BulkJob.Status.valueOf(rs.getString("status")),
                    rs.getLong("jobs"),
                    rs.getLong("lines_read"),
                    rs.getLong("lines_total"),
                    rs.getLong("chunks_done"),
                    rs.getLong("chunks_total"),
                    rs.getObject("oldest", OffsetDateTime.class).toInstant()))
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

  /** The first chunk not yet stored after {@code afterSeq}. */
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
   * Marks a chunk stored, in the transaction that stores its delivery, resources and facts: the
   * delivery it became (which keeps it as it came, so the staging copy goes), the patients to
   * derive, and what became of its lines in the job's counters.
   *
   * @throws IllegalStateException if the chunk is stored already (by another worker): the caller's
   *     transaction must roll back, so that nothing is stored twice
   */
  void chunkStored(UUID job, Chunk chunk, IntakeReport report) {
    var marked =
        jdbc.sql(
                """
                update bulk_chunk set delivery = :delivery, content = null, patients = :patients
                where job = :job and seq = :seq and delivery is null
                """)
            .param("delivery", report.delivery())
            .param("patients", report.patients().toArray(String[]::new))
            .param("job", job)
            .param("seq", chunk.seq())
            .update();
    if (marked != 1) {
      throw new IllegalStateException(
          "Chunk " + chunk.seq() + " of bulk import " + job + " is stored already");
    }
    jdbc.sql(
            """
            update bulk_job set lines_read = lines_read + :lines, accepted = accepted + :accepted,
                   rejected = rejected + :rejected, ignored = ignored + :ignored
            where id = :id
            """)
        .param("id", job)
        .param("lines", chunk.lines())
        .param("accepted", report.accepted())
        .param("rejected", report.rejected().size())
        .param("ignored", report.ignored().size())
        .update();
  }

  /** The chunks stored but not derived (Forløp stopped, or the database went, in between). */
  List<StoredChunk> storedNotDerived(UUID job) {
    return jdbc.sql(
            """
            select seq, first_line, patients from bulk_chunk
            where job = :job and delivery is not null and not derived order by seq
            """)
        .param("job", job)
        .query(
            (rs, n) -> {
              var patients = rs.getArray("patients");
              return new StoredChunk(
                  rs.getInt("seq"),
                  rs.getLong("first_line"),
                  patients == null ? List.of() : List.of((String[]) patients.getArray()));
            })
        .list();
  }

  /**
   * Marks a stored chunk derived (its list of patients goes) and counts it done, once: a chunk
   * derived a second time is not counted again. Call within one transaction.
   */
  void chunkDerived(UUID job, int seq, int patients) {
    var marked =
        jdbc.sql(
                """
                update bulk_chunk set derived = true, patients = null
                where job = :job and seq = :seq and delivery is not null and not derived
                """)
            .param("job", job)
            .param("seq", seq)
            .update();
    if (marked == 1) {
      jdbc.sql(
              """
              update bulk_job set chunks_done = chunks_done + 1,
                     patients_derived = patients_derived + :patients
              where id = :id
              """)
          .param("id", job)
          .param("patients", patients)
          .update();
    }
  }

  /**
   * Records that a job goes on after a restart, at its first line not yet stored (after its last
   * line, when only deriving was left).
   */
  void resumed(UUID job, Instant at) {
    jdbc.sql(
            """
            update bulk_job set resumed = resumed + 1, resumed_at = :at,
                   resumed_at_line = coalesce(
                     (select min(first_line) from bulk_chunk where job = :id and delivery is null),
                     lines_total + 1)
            where id = :id
            """)
        .param("id", job)
        .param("at", utc(at))
        .update();
  }

  /** Marks a running job done, if every chunk is stored and derived. */
  void finish(UUID job, Instant at) {
    jdbc.sql(
            """
            update bulk_job set status = 'DONE', finished_at = :at, failure = null
            where id = :id and status = 'RUNNING'
              and not exists (select 1 from bulk_chunk where job = :id and not derived)
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
    var resumed = rs.getInt("resumed");
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
        rs.getString("failure"),
        rs.getString("content_sha256"),
        resumed == 0
            ? null
            : new BulkJob.Resumed(
                resumed,
                rs.getObject("resumed_at", OffsetDateTime.class).toInstant(),
                rs.getLong("resumed_at_line")),
        null);
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}

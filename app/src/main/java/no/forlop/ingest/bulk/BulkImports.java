package no.forlop.ingest.bulk;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.forlop.audit.Actor;
import no.forlop.ingest.IntakeService;
import no.forlop.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs bulk imports: stores an uploaded NDJSON file in chunks of lines (all of it, in one
 * transaction, before anything is read), then works through the chunks on the bulk executor — each
 * received by the intake service as a delivery of its own and its patients derived — and keeps the
 * job's progress in its table. A job still running when Forløp stopped goes on at the next start
 * from its first unprocessed chunk.
 */
@Service
class BulkImports {

  private static final Logger log = LoggerFactory.getLogger(BulkImports.class);
  private static final int READ_BUFFER = 64 * 1024;

  private final IntakeService intake;
  private final BulkJobs jobs;
  private final BulkImportSettings settings;
  private final TaskExecutor executor;
  private final ExecutorService deriver =
      Executors.newSingleThreadExecutor(
          r -> {
            var thread = new Thread(r, "bulk-derive");
            thread.setDaemon(true);
            return thread;
          });
  private final TransactionTemplate transactions;
  private final Clock clock;

  BulkImports(
      IntakeService intake,
      BulkJobs jobs,
      BulkImportSettings settings,
      @Qualifier(BulkImportConfiguration.EXECUTOR) TaskExecutor executor,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.intake = intake;
    this.jobs = jobs;
    this.settings = settings;
    this.executor = executor;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /**
   * Stores the upload and starts its job.
   *
   * @throws ApiProblem when the upload is empty or breaks off; nothing is kept then
   */
  BulkJob start(InputStream upload, @Nullable String name, Actor actor) {
    var id = UUID.randomUUID();
    try {
      transactions.executeWithoutResult(tx -> store(id, upload, name, actor));
    } catch (UncheckedIOException e) {
      throw ApiProblem.invalid("UPLOAD_INTERRUPTED");
    }
    log.info("Bulk import {} stored; starting", id);
    submit(id);
    return find(id).orElseThrow();
  }

  Optional<BulkJob> find(UUID id) {
    return jobs.find(id);
  }

  List<BulkJob> latest(int limit) {
    return jobs.latest(limit);
  }

  /** Puts a failed job back to work from its first unprocessed chunk. */
  Optional<BulkJob> retry(UUID id) {
    var job = jobs.find(id);
    if (job.isEmpty()) {
      return job;
    }
    if (!jobs.retry(id)) {
      throw ApiProblem.conflict("BULK_JOB_NOT_FAILED", String.valueOf(job.get().status()));
    }
    submit(id);
    return jobs.find(id);
  }

  /** Takes up the jobs that were running when Forløp last stopped. */
  @EventListener(ApplicationReadyEvent.class)
  void resumeRunningJobs() {
    for (var id : jobs.running()) {
      log.info("Bulk import {} was running when Forløp stopped; it goes on", id);
      submit(id);
    }
  }

  private void submit(UUID id) {
    executor.execute(() -> run(id));
  }

  /**
   * Works through the job's unprocessed chunks, in order, and records what became of each. While
   * one chunk's patients are derived (on the deriving thread), the next chunk is read and stored:
   * the two halves of the work overlap on a machine with more than one core. A chunk is recorded as
   * done only once its patients are derived, so a stop in between leaves it to be done again
   * (receiving it twice changes nothing).
   */
  void run(UUID id) {
    BulkJobs.Chunk chunk = null;
    CompletableFuture<Void> deriving = CompletableFuture.completedFuture(null);
    try {
      var actor = jobs.actorOf(id);
      var channel = "bulk:" + id;
      Optional<BulkJobs.Chunk> next;
      int seq = -1;
      while ((next = jobs.nextChunk(id, seq)).isPresent()) {
        chunk = next.get();
        seq = chunk.seq();
        var current = chunk;
        var report =
            intake.receiveLines(current.content(), current.firstLine(), channel, actor, false);
        deriving.join();
        deriving =
            CompletableFuture.runAsync(
                () -> {
                  intake.derive(report.patients());
                  transactions.executeWithoutResult(tx -> jobs.chunkDone(id, current, report));
                },
                deriver);
      }
      deriving.join();
      jobs.finish(id, clock.instant());
      log.info("Bulk import {} done", id);
    } catch (CompletionException e) {
      deriving.cancel(false);
      fail(id, chunk, e.getCause() instanceof RuntimeException r ? r : e);
    } catch (RuntimeException e) {
      deriving.cancel(false);
      fail(id, chunk, e);
    }
  }

  private void fail(UUID id, BulkJobs.@Nullable Chunk chunk, RuntimeException e) {
    var where =
        chunk == null
            ? "before its first chunk"
            : "at lines " + chunk.firstLine() + "–" + (chunk.firstLine() + chunk.lines() - 1);
    log.error("Bulk import {} failed {}", id, where, e);
    jobs.fail(
        id,
        "Stopped "
            + where
            + " ("
            + e.getClass().getSimpleName()
            + "); the lines from there on are kept: retry the job when the cause is fixed.",
        clock.instant());
  }

  @PreDestroy
  void stopDeriving() {
    deriver.shutdown();
  }

  /** Splits the upload into chunks of whole lines as it streams in, and stores each. */
  private void store(UUID id, InputStream upload, @Nullable String name, Actor actor) {
    jobs.create(id, name, actor, clock.instant());
    var chunk = new ByteArrayOutputStream();
    var buffer = new byte[READ_BUFFER];
    var seq = 0;
    var firstLine = 1L;
    var linesInChunk = 0;
    var midLine = false;
    var anyContent = false;
    try {
      int read;
      while ((read = upload.read(buffer)) != -1) {
        var from = 0;
        for (int i = 0; i < read; i++) {
          var b = buffer[i];
          if (b == '\n') {
            chunk.write(buffer, from, i + 1 - from);
            from = i + 1;
            midLine = false;
            if (++linesInChunk == settings.chunkLines()) {
              jobs.addChunk(id, seq++, firstLine, linesInChunk, chunk.toByteArray());
              firstLine += linesInChunk;
              linesInChunk = 0;
              chunk.reset();
            }
          } else {
            midLine = true;
            anyContent |= b != ' ' && b != '\t' && b != '\r';
          }
        }
        chunk.write(buffer, from, read - from);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (midLine) {
      linesInChunk++;
    }
    if (linesInChunk > 0) {
      jobs.addChunk(id, seq++, firstLine, linesInChunk, chunk.toByteArray());
      firstLine += linesInChunk;
    }
    if (!anyContent) {
      throw ApiProblem.invalid("EMPTY_UPLOAD");
    }
    jobs.uploaded(id, firstLine - 1, seq);
  }
}

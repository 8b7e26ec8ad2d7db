package no.forlop.ingest.bulk;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.forlop.access.Actor;
import no.forlop.database.Leases;
import no.forlop.ingest.Backoff;
import no.forlop.ingest.IntakeMetrics;
import no.forlop.ingest.IntakeService;
import no.forlop.web.ApiProblem;
import no.forlop.web.DatabaseOutage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs bulk imports: stores an uploaded NDJSON file in chunks of lines (all of it, in one
 * transaction, before anything is read), then works through the chunks on the bulk executor, and
 * keeps the job's progress in its table.
 *
 * <p>Each chunk is stored exactly once: its delivery, resources and facts are stored in one
 * transaction with the mark that it is stored (and the patients to derive); then its patients are
 * derived and it is marked derived. A job still running when Forløp stopped (even killed) goes on
 * at the next start: chunks stored but not derived are derived again (which changes nothing twice),
 * and the chunks not stored are stored. While the database cannot be reached the job waits, with a
 * growing pause, and goes on from its last stored chunk when it returns; only other failures fail
 * it. The same content sent again is answered with its job, and nothing of it is stored.
 */
@Service
class BulkImports {

  private static final Logger log = LoggerFactory.getLogger(BulkImports.class);
  private static final int READ_BUFFER = 64 * 1024;

  /** The first wait for the database is twice this; each next one doubles, up to the longest. */
  static final Duration WAIT_UNIT = Duration.ofMillis(500);

  static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

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
  private final Leases leases;
  private final IntakeMetrics metrics;

  /** The jobs this node works or has queued (its lease on each renewed by its heartbeat). */
  private final java.util.Set<UUID> working = java.util.concurrent.ConcurrentHashMap.newKeySet();

  BulkImports(
      IntakeService intake,
      BulkJobs jobs,
      BulkImportSettings settings,
      @Qualifier(BulkImportConfiguration.EXECUTOR) TaskExecutor executor,
      PlatformTransactionManager transactionManager,
      Clock clock,
      Leases leases,
      IntakeMetrics metrics) {
    this.intake = intake;
    this.jobs = jobs;
    this.settings = settings;
    this.executor = executor;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
    this.leases = leases;
    this.metrics = metrics;
    leases.onHeartbeat(this::takeOverJobsOfNodesGone);
  }

  /** The lease of a job: the node that works it (ADR 0032). */
  static String lease(UUID job) {
    return "bulk:" + job;
  }

  /**
   * What an upload became.
   *
   * @param job the new job, or the job of the same content sent before ({@link BulkJob#duplicate()}
   *     set)
   * @param working whether the upload set a job to work: a new one, or the earlier one of the same
   *     content that had failed, which goes on from where it stopped; {@code false} when the same
   *     content is done or running already (nothing to do)
   */
  record Upload(BulkJob job, boolean working) {}

  /**
   * Stores the upload and starts its job; or, when the same content was sent before, keeps nothing
   * of it and answers the earlier job (putting it back to work if it had failed).
   *
   * @throws ApiProblem when the upload is empty or breaks off; nothing is kept then
   */
  Upload start(InputStream upload, @Nullable String name, Actor actor) {
    var id = UUID.randomUUID();
    try {
      transactions.executeWithoutResult(tx -> store(id, upload, name, actor));
    } catch (UncheckedIOException e) {
      throw ApiProblem.invalid("UPLOAD_INTERRUPTED");
    } catch (SameContent same) {
      return sameAs(same.sha256);
    }
    log.info("Bulk import {} stored; starting", id);
    submit(id);
    return new Upload(find(id).orElseThrow(), true);
  }

  /** The upload had the content of an earlier job, and was rolled back. */
  private Upload sameAs(String sha256) {
    var earlier = jobs.withContent(sha256).orElseThrow();
    if (earlier.status() == BulkJob.Status.FAILED
        && jobs.retry(earlier.id())
        && leases.claim(lease(earlier.id()))) {
      log.info("Bulk import {} failed before and was sent again; it goes on", earlier.id());
      submit(earlier.id());
      return new Upload(jobs.find(earlier.id()).orElseThrow().asDuplicate(), true);
    }
    log.info("Bulk import {} was sent again; nothing to do", earlier.id());
    return new Upload(earlier.asDuplicate(), false);
  }

  Optional<BulkJob> find(UUID id) {
    return jobs.find(id);
  }

  List<BulkJob> latest(int limit) {
    return jobs.latest(limit);
  }

  /** Puts a failed job back to work from its first chunk not yet stored. */
  Optional<BulkJob> retry(UUID id) {
    var job = jobs.find(id);
    if (job.isEmpty()) {
      return job;
    }
    if (!jobs.retry(id)) {
      throw ApiProblem.conflict("BULK_JOB_NOT_FAILED", String.valueOf(job.get().status()));
    }
    if (leases.claim(lease(id))) {
      submit(id);
    }
    return jobs.find(id);
  }

  /**
   * Takes up the jobs that were running when Forløp last stopped (on this node, or on another node
   * that is gone), and records where; jobs another live node works are left to it.
   */
  @EventListener(ApplicationReadyEvent.class)
  void resumeRunningJobs() {
    takeOverJobsOfNodesGone();
  }

  /**
   * Takes over every running job that no live node works: its lease ran out or its holder is gone
   * (at start, and at every heartbeat of this node).
   */
  void takeOverJobsOfNodesGone() {
    for (var id : jobs.running()) {
      if (working.contains(id) || !leases.claim(lease(id))) {
        continue;
      }
      transactions.executeWithoutResult(tx -> jobs.resumed(id, clock.instant()));
      log.info(
          "Bulk import {} was running when its node stopped; it goes on on node {}",
          id,
          leases.nodeId());
      submit(id);
    }
  }

  private void submit(UUID id) {
    if (!working.add(id)) {
      return;
    }
    try {
      executor.execute(
          () -> {
            try {
              run(id);
            } finally {
              working.remove(id);
            }
          });
    } catch (RuntimeException e) {
      working.remove(id);
      throw e;
    }
  }

  /**
   * Works the job to its end. While the database cannot be reached it waits (a pause that doubles,
   * up to {@link #LONGEST_WAIT}; back to the shortest once a chunk has been stored or derived) and
   * goes on from its last stored chunk; any other failure fails the job, its chunks not yet stored
   * kept for a retry.
   */
  void run(UUID id) {
    var backoff = new Backoff(WAIT_UNIT, LONGEST_WAIT);
    while (true) {
      var work = new Work(id);
      try {
        work.run();
        return;
      } catch (RuntimeException e) {
        var cause =
            e instanceof CompletionException && e.getCause() instanceof RuntimeException r ? r : e;
        if (cause instanceof LeaseLost) {
          log.info(
              "Bulk import {} is worked by another node now; node {} stops working it",
              id,
              leases.nodeId());
          return;
        }
        if (Thread.currentThread().isInterrupted()) {
          // Forløp is stopping: the job stays RUNNING and goes on at the next start, or on another
          // node at once
          log.info("Bulk import {} stopped with Forløp; it goes on at the next start", id);
          releaseQuietly(id);
          return;
        }
        if (!DatabaseOutage.isCause(cause)) {
          fail(id, work.chunk, cause);
          return;
        }
        if (work.progressed) {
          backoff.succeeded();
        }
        var wait = backoff.failed();
        log.warn(
            "Bulk import {} cannot reach the database ({}); it goes on from its last stored chunk,"
                + " next try in {} ms",
            id,
            DatabaseOutage.describe(cause),
            wait.toMillis());
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          log.info("Bulk import {} stopped waiting (shutdown); it goes on at the next start", id);
          return;
        }
      }
    }
  }

  /** One attempt at a job, from where it stands in its table. */
  private final class Work {

    private final UUID id;
    private BulkJobs.@Nullable Chunk chunk;
    private volatile boolean progressed;

    Work(UUID id) {
      this.id = id;
    }

    /**
     * Derives the chunks stored but not derived, then stores the others in order, each in one
     * transaction with its mark. While one chunk's patients are derived (on the deriving thread),
     * the next chunk is read and stored: the two halves of the work overlap on a machine with more
     * than one core.
     */
    void run() {
      var actor = jobs.actorOf(id);
      var channel = "bulk:" + id;
      // the lag of a bulk import's resources runs from the upload (ADR 0045)
      var uploadedAt = jobs.find(id).map(BulkJob::startedAt).orElse(clock.instant());
      for (var stored : jobs.storedNotDerived(id)) {
        derive(stored.seq(), stored.patients());
      }
      CompletableFuture<Void> deriving = CompletableFuture.completedFuture(null);
      try {
        Optional<BulkJobs.Chunk> next;
        int seq = -1;
        while ((next = jobs.nextChunk(id, seq)).isPresent()) {
          var current = next.get();
          chunk = current;
          seq = current.seq();
          var report =
              intake.receiveLinesOnce(
                  current.content(),
                  current.firstLine(),
                  channel,
                  actor,
                  stored -> {
                    // in the chunk's transaction: a node whose job was taken over stores nothing
                    if (!leases.renew(lease(id))) {
                      throw new LeaseLost();
                    }
                    jobs.chunkStored(id, current, stored);
                  });
          progressed = true;
          deriving.join();
          deriving =
              CompletableFuture.runAsync(
                  () -> {
                    derive(current.seq(), report.patients());
                    metrics.derived(channel, IntakeMetrics.accepted(report), uploadedAt);
                  },
                  deriver);
        }
        deriving.join();
      } finally {
        // never leave a derivation running into the next attempt (or the failure report)
        try {
          deriving.join();
        } catch (RuntimeException ignored) {
          // its chunk stays stored but not derived, and is derived at the next attempt
        }
      }
      jobs.finish(id, clock.instant());
      releaseQuietly(id);
      log.info("Bulk import {} done", id);
    }

    private void derive(int seq, java.util.Collection<String> patients) {
      intake.derive(patients, settings.deriveThreads());
      transactions.executeWithoutResult(tx -> jobs.chunkDerived(id, seq, patients.size()));
      progressed = true;
    }
  }

  private void fail(UUID id, BulkJobs.@Nullable Chunk chunk, RuntimeException e) {
    var where =
        chunk == null
            ? "before its first chunk"
            : "at lines " + chunk.firstLine() + "–" + (chunk.firstLine() + chunk.lines() - 1);
    log.error("Bulk import {} failed {}", id, where, e);
    try {
      jobs.fail(
          id,
          "Stopped "
              + where
              + " ("
              + e.getClass().getSimpleName()
              + "); the lines from there on are kept: retry the job when the cause is fixed.",
          clock.instant());
      releaseQuietly(id);
    } catch (RuntimeException notRecorded) {
      log.error(
          "Bulk import {}: its failure could not be recorded; it goes on at the next start", id);
    }
  }

  private void releaseQuietly(UUID id) {
    try {
      leases.release(lease(id));
    } catch (RuntimeException e) {
      // the lease runs out by itself, and the holder is gone with this node
      log.debug("Bulk import {}: lease not given back", id, e);
    }
  }

  /** Another node took the job over (this node's lease ran out): this node stops working it. */
  private static final class LeaseLost extends RuntimeException {
    LeaseLost() {
      super("the job's lease is held by another node", null, false, false);
    }
  }

  @PreDestroy
  void stopDeriving() {
    deriver.shutdown();
  }

  /** The upload's content is that of an earlier job: nothing of it is kept. */
  private static final class SameContent extends RuntimeException {
    private final String sha256;

    SameContent(String sha256) {
      super("the same content as an earlier bulk import", null, false, false);
      this.sha256 = sha256;
    }
  }

  /**
   * Splits the upload into chunks of whole lines as it streams in, and stores each; then the job's
   * totals and content hash.
   *
   * @throws SameContent if a job with the same content exists (the caller's transaction rolls back)
   */
  private void store(UUID id, InputStream upload, @Nullable String name, Actor actor) {
    jobs.create(id, name, actor, clock.instant());
    // this node works the job: claimed with it, so no other node takes it up in between
    leases.claim(lease(id));
    var digest = sha256();
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
        digest.update(buffer, 0, read);
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
    var content = HexFormat.of().formatHex(digest.digest());
    if (jobs.withContent(content).isPresent()) {
      throw new SameContent(content);
    }
    try {
      jobs.uploaded(id, firstLine - 1, seq, content);
    } catch (DuplicateKeyException e) {
      // the same content, uploaded at the same time, was stored first
      throw new SameContent(content);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java platform", e);
    }
  }
}

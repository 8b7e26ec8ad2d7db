package no.forlop.ingest.bulk;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A bulk import as people follow it: how far it has come through the file and what became of the
 * resources so far.
 *
 * @param name the file's name, if the sender gave it
 * @param linesTotal the lines in the file (blank ones included)
 * @param linesRead the lines of the chunks stored so far (with their resources' outcomes)
 * @param chunksDone the chunks stored and derived
 * @param patientsDerived the patients whose codes were derived, counted per chunk (a patient whose
 *     resources span two chunks counts twice)
 * @param failure why the job stopped, when it is {@link Status#FAILED}
 * @param contentSha256 the SHA-256 of the uploaded file (hex): a file with the same content sent
 *     again is answered with this job
 * @param resumed how often and where the job went on after Forløp was restarted under it; absent if
 *     it never was
 * @param duplicate {@code true} in the answer to an upload whose content was sent before: the job
 *     is the earlier one, and nothing of the upload was stored; absent otherwise
 */
record BulkJob(
    UUID id,
    Status status,
    @Nullable String name,
    long linesTotal,
    int chunksTotal,
    long linesRead,
    int chunksDone,
    long accepted,
    long rejected,
    long ignored,
    long patientsDerived,
    Instant startedAt,
    @Nullable Instant finishedAt,
    @Nullable String failure,
    @Nullable String contentSha256,
    @Nullable Resumed resumed,
    @Nullable Boolean duplicate) {

  /**
   * The job went on after a restart.
   *
   * @param count how many times
   * @param at when it last did
   * @param atLine the file's line it last went on at (the first line of the first chunk not yet
   *     stored; every line before it had been stored, and was not stored again)
   */
  record Resumed(int count, Instant at, long atLine) {}

  /** The same job, as the answer to an upload of the same content. */
  BulkJob asDuplicate() {
    return new BulkJob(
        id,
        status,
        name,
        linesTotal,
        chunksTotal,
        linesRead,
        chunksDone,
        accepted,
        rejected,
        ignored,
        patientsDerived,
        startedAt,
        finishedAt,
        failure,
        contentSha256,
        resumed,
        true);
  }

  /** Where a job stands. */
  enum Status {
    /** Stored, and being worked through (or waiting for the job before it). */
    RUNNING,
    /** Every chunk processed; rejected lines are listed with their reasons. */
    DONE,
    /** Stopped by a fault; the chunks not yet processed are kept and the job can be retried. */
    FAILED
  }
}

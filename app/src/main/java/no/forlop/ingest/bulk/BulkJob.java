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
 * @param linesRead the lines of the chunks processed so far
 * @param patientsDerived the patients whose codes were derived, counted per chunk (a patient whose
 *     resources span two chunks counts twice)
 * @param failure why the job stopped, when it is {@link Status#FAILED}
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
    @Nullable String failure) {

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

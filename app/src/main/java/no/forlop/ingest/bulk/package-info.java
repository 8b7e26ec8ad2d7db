/**
 * Bulk import of NDJSON files (history, backfills): the upload is stored in chunks of lines before
 * anything is read, then worked through chunk by chunk on a background executor (read with the
 * intake service, then the chunk's patients derived), with its progress in a table; and {@code
 * bin/forlop import}, the command line that sends a file to a running Forløp and follows the job.
 * Its one public type, {@link no.forlop.ingest.bulk.ImportCommand}, is started by the application's
 * {@code main} before Spring is.
 */
@org.springframework.modulith.NamedInterface("bulk")
@org.jspecify.annotations.NullMarked
package no.forlop.ingest.bulk;

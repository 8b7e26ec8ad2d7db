package no.forlop.ingest.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bulk import.
 *
 * @param chunkLines how many lines of the file are read, stored and derived together; memory grows
 *     with it, and progress moves once per chunk
 * @param deriveThreads on how many threads a chunk's patients are derived, each thread its own
 *     disjoint set of them (ADR 0030); the next chunk is stored beside them
 */
@ConfigurationProperties("forlop.bulk")
record BulkImportSettings(
    @DefaultValue("1000") int chunkLines, @DefaultValue("2") int deriveThreads) {

  BulkImportSettings {
    if (chunkLines < 1 || chunkLines > 100_000) {
      throw new IllegalArgumentException(
          "forlop.bulk.chunk-lines must be between 1 and 100000, not " + chunkLines);
    }
    if (deriveThreads < 1 || deriveThreads > 16) {
      throw new IllegalArgumentException(
          "forlop.bulk.derive-threads must be between 1 and 16, not " + deriveThreads);
    }
  }
}

package no.forlop.ingest.bulk;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bulk import.
 *
 * @param chunkLines how many lines of the file are read, stored and derived together; memory grows
 *     with it, and progress moves once per chunk
 */
@ConfigurationProperties("forlop.bulk")
record BulkImportSettings(@DefaultValue("1000") int chunkLines) {

  BulkImportSettings {
    if (chunkLines < 1 || chunkLines > 100_000) {
      throw new IllegalArgumentException(
          "forlop.bulk.chunk-lines must be between 1 and 100000, not " + chunkLines);
    }
  }
}

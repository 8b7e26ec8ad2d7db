package no.forlop.catalog;

import java.time.Instant;

/** A stored catalogue version: when and by whom it was loaded, and whether it is in force. */
public record CatalogueVersionInfo(
    String version,
    String checksum,
    Origin origin,
    Instant loadedAt,
    String loadedBy,
    Instant activatedAt,
    boolean active) {

  /** Where a version came from: the release (bundled) or an administrator (uploaded). */
  public enum Origin {
    BUNDLED,
    UPLOADED
  }
}

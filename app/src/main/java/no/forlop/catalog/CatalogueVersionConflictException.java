package no.forlop.catalog;

/** A version label that is already taken by a catalogue with different content. */
public class CatalogueVersionConflictException extends RuntimeException {

  private final String version;

  CatalogueVersionConflictException(String version) {
    super(
        "Catalogue version "
            + version
            + " already exists with different content; give the new catalogue a new version.");
    this.version = version;
  }

  /** The version label that is taken. */
  public String version() {
    return version;
  }
}

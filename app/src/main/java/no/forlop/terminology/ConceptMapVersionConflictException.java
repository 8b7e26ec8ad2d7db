package no.forlop.terminology;

/** A ConceptMap version label that is already taken by a map with other content. */
public class ConceptMapVersionConflictException extends RuntimeException {

  private final String version;

  ConceptMapVersionConflictException(String version) {
    super(
        "ConceptMap version "
            + version
            + " already exists with different content; give the new map a new version.");
    this.version = version;
  }

  public String version() {
    return version;
  }
}

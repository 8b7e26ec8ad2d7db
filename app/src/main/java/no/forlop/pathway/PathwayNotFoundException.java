package no.forlop.pathway;

/**
 * No pathway instance has this id (or the text asked for is no id at all). The web says so in the
 * user's language ({@code problem.PATHWAY_NOT_FOUND}); the message is English, for logs.
 */
public class PathwayNotFoundException extends RuntimeException {

  private final String id;

  PathwayNotFoundException(PathwayId id) {
    this(id.toString());
  }

  PathwayNotFoundException(java.util.UUID id) {
    this(id.toString());
  }

  PathwayNotFoundException(String id) {
    super("No pathway " + id);
    this.id = id;
  }

  /** The id asked for, as text. */
  public String id() {
    return id;
  }
}

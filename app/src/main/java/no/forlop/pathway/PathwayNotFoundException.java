package no.forlop.pathway;

import java.util.UUID;

/**
 * No pathway instance has this id. The web says so in the user's language ({@code
 * problem.PATHWAY_NOT_FOUND}); the message is English, for logs.
 */
public class PathwayNotFoundException extends RuntimeException {

  private final UUID id;

  PathwayNotFoundException(UUID id) {
    super("No pathway " + id);
    this.id = id;
  }

  /** The id asked for. */
  public UUID id() {
    return id;
  }
}

package no.forlop.pathway;

import java.util.UUID;

/** No pathway instance has this id. */
public class PathwayNotFoundException extends RuntimeException {

  PathwayNotFoundException(UUID id) {
    super("No pathway " + id);
  }
}

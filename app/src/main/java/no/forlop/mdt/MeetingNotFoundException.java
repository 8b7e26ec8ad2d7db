package no.forlop.mdt;

import java.util.UUID;

/** No MDT meeting has this id. */
public class MeetingNotFoundException extends RuntimeException {

  MeetingNotFoundException(UUID id) {
    super("No MDT meeting " + id);
  }
}

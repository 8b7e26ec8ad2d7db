package no.forlop.coordinator.web;

/** The signed-in user may read pathways but not change them (a leader or analyst). */
public final class ReadOnlyException extends RuntimeException {

  public ReadOnlyException() {
    super("This role may read pathways, not change them.");
  }
}

package no.forlop.audit;

/**
 * Who is acting and why: the user (or system) behind a request, and the purpose of the access
 * (Normen requires both to be logged).
 */
public record Actor(String id, String purpose) {

  /** The user recorded when a request names none (until sign-in arrives). */
  public static final String LOCAL_USER_ID = "lokal-bruker";

  public static final String DEFAULT_PURPOSE = "PATIENT_CARE";

  public static final Actor LOCAL_USER = new Actor(LOCAL_USER_ID, DEFAULT_PURPOSE);

  public Actor {
    if (id == null || id.isBlank() || id.length() > 100) {
      throw new IllegalArgumentException("an actor needs an id of 1–100 characters");
    }
    if (purpose == null || purpose.isBlank() || purpose.length() > 100) {
      throw new IllegalArgumentException("an actor needs a purpose of 1–100 characters");
    }
  }

  /** A system component acting on its own (e.g. the catalogue loader at start-up). */
  public static Actor system(String component) {
    return new Actor("system:" + component, "OPERATIONS");
  }
}

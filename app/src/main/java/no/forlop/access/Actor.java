package no.forlop.access;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is acting and why: the user (or system) behind a request, the purpose of the access (Normen
 * requires both to be logged), and the units (organisations) whose patients the user may see.
 *
 * @param units the organisation numbers of the user's units, or {@code null} for a system component
 *     that works on every unit (the derivation, a replay)
 */
public record Actor(String id, String purpose, @Nullable Set<String> units) {

  /** {@link Purpose#PATIENT_CARE}'s code: what a request acts for when its route has no default. */
  public static final String DEFAULT_PURPOSE = "PATIENT_CARE";

  public Actor {
    if (id == null || id.isBlank() || id.length() > 100) {
      throw new IllegalArgumentException("an actor needs an id of 1–100 characters");
    }
    if (purpose == null || purpose.isBlank() || purpose.length() > 100) {
      throw new IllegalArgumentException("an actor needs a purpose of 1–100 characters");
    }
    units = units == null ? null : Set.copyOf(units);
  }

  /** A system component, not limited to any unit. */
  public Actor(String id, String purpose) {
    this(id, purpose, null);
  }

  /** A system component acting on its own (e.g. the catalogue loader at start-up). */
  public static Actor system(String component) {
    return new Actor("system:" + component, "OPERATIONS");
  }

  /** Whether the actor may see the patients of this organisation. */
  public boolean mayAccess(String organisation) {
    return units == null || units.contains(organisation);
  }
}

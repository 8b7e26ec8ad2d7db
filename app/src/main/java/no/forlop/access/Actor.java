package no.forlop.access;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is acting and why: the user (or system) behind a request, the purpose of the access (Normen
 * requires both to be logged), and the units (organisations) whose patients the user may see.
 *
 * @param units the organisation numbers of the user's units, or {@code null} for a system component
 *     that works on every unit (the derivation, a replay)
 * @param emergencyAccess the patients at other units the user has an active emergency access
 *     (nødtilgang) to: they open that patient's pathways one at a time, never a list (ADR 0028)
 */
public record Actor(
    String id, String purpose, @Nullable Set<String> units, Set<EmergencyAccess> emergencyAccess) {

  /** {@link Purpose#PATIENT_CARE}'s code: what a request acts for when its route has no default. */
  public static final String DEFAULT_PURPOSE = "PATIENT_CARE";

  /**
   * The purpose recorded for every access under an emergency access (task F of issue 14; the closed
   * list of purposes of use replaces this constant with its {@code EMERGENCY_ACCESS}).
   */
  public static final String EMERGENCY_ACCESS_PURPOSE = Purpose.EMERGENCY_ACCESS.code();

  public Actor {
    if (id == null || id.isBlank() || id.length() > 100) {
      throw new IllegalArgumentException("an actor needs an id of 1–100 characters");
    }
    if (purpose == null || purpose.isBlank() || purpose.length() > 100) {
      throw new IllegalArgumentException("an actor needs a purpose of 1–100 characters");
    }
    units = units == null ? null : Set.copyOf(units);
    emergencyAccess = emergencyAccess == null ? Set.of() : Set.copyOf(emergencyAccess);
  }

  /** A user limited to their units, without any emergency access. */
  public Actor(String id, String purpose, @Nullable Set<String> units) {
    this(id, purpose, units, Set.of());
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

  /**
   * Whether the actor may open one patient's pathway at this organisation: one of their units, or
   * an active emergency access to that patient there.
   */
  public boolean mayAccess(String organisation, String patient) {
    return mayAccess(organisation) || byEmergencyAccess(organisation, patient);
  }

  /** Whether the actor reaches this patient at this organisation only by an emergency access. */
  public boolean byEmergencyAccess(String organisation, String patient) {
    return !mayAccess(organisation)
        && emergencyAccess.contains(new EmergencyAccess(patient, organisation));
  }

  /** Whether an emergency access of the actor's covers the patient (at any unit). */
  public boolean hasEmergencyAccessTo(String patient) {
    return emergencyAccess.stream().anyMatch(e -> e.patient().equals(patient));
  }

  /** The purpose to record for an access to this patient's data: emergency access under a grant. */
  public String purposeFor(@Nullable String patient) {
    return patient != null && hasEmergencyAccessTo(patient) ? EMERGENCY_ACCESS_PURPOSE : purpose;
  }

  /** The same actor with these emergency accesses. */
  public Actor withEmergencyAccess(Set<EmergencyAccess> granted) {
    return new Actor(id, purpose, units, granted);
  }

  /**
   * The same actor limited to their units: for changes, which an emergency access does not allow.
   */
  public Actor withoutEmergencyAccess() {
    return emergencyAccess.isEmpty() ? this : new Actor(id, purpose, units, Set.of());
  }

  @Override
  public String toString() {
    // no patient identifiers in logs
    return "Actor[id=%s, purpose=%s, units=%s, emergencyAccess=%d]"
        .formatted(id, purpose, units, emergencyAccess.size());
  }
}

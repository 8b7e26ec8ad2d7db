package no.forlop.access;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person (or system) who signs in: name and phone (the patient's plan names the coordinator),
 * roles, and the units whose patients they may see.
 *
 * @param hpr a GP's HPR number (Helsepersonellregisteret): whose referrals they follow
 * @param practice a GP's practice, by its organisation number
 */
public record User(
    String username,
    String name,
    @Nullable String phone,
    Set<Role> roles,
    List<String> units,
    @Nullable String hpr,
    @Nullable String practice) {

  public User {
    roles = Set.copyOf(roles);
    units = List.copyOf(units);
  }

  /** A user who is no GP. */
  public User(
      String username, String name, @Nullable String phone, Set<Role> roles, List<String> units) {
    this(username, name, phone, roles, units, null, null);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Whether the user is a GP (fastlege/henviser), who sees only their own referrals' status. */
  public boolean isGp() {
    return has(Role.GP);
  }

  /** Whether the user may ask for emergency access (nødtilgang) to a patient of another unit. */
  public boolean mayAskForEmergencyAccess() {
    return has(Role.COORDINATOR) || has(Role.CLINICIAN);
  }

  /** Whether the user reviews the emergency accesses to the patients of their units. */
  public boolean reviewsEmergencyAccess() {
    return has(Role.LEADER) || has(Role.ADMINISTRATOR);
  }

  /** The user acting for a purpose: what the audit log records and what limits their view. */
  public Actor actor(String purpose) {
    return new Actor(username, purpose, Set.copyOf(units));
  }
}

package no.forlop.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Understands who the users and units are: the configured directory, and the user behind the
 * current request.
 */
@Service
public class Users {

  private final Map<String, User> users = new LinkedHashMap<>();
  private final Map<String, Unit> units = new LinkedHashMap<>();

  Users(AccessSettings settings) {
    for (var unit : settings.units()) {
      units.put(
          unit.id(),
          new Unit(
              unit.id(),
              unit.name(),
              unit.amberDays() == null ? 3 : unit.amberDays(),
              unit.inactiveDays() == null ? 14 : unit.inactiveDays(),
              unit.phone()));
    }
    for (var user : settings.users()) {
      var memberOf = user.units() == null ? List.<String>of() : user.units();
      for (var unit : memberOf) {
        if (!units.containsKey(unit)) {
          throw new IllegalStateException(
              "User " + user.username() + " belongs to unit " + unit + ", which is not configured");
        }
      }
      checkGp(user, memberOf);
      users.put(
          user.username(),
          new User(
              user.username(),
              user.name(),
              user.phone(),
              user.roles(),
              memberOf,
              user.hpr(),
              user.practice()));
    }
  }

  /** An HPR number as a GP has it: 4–9 digits, not starting with 0 (ADR 0043). */
  static final String HPR_NUMBER = "[1-9][0-9]{3,8}";

  /** An organisation number (Enhetsregisteret): 9 digits. */
  static final String ORGANISATION_NUMBER = "[0-9]{9}";

  /**
   * A GP (issue 17, ADR 0043) has an HPR number (4–9 digits) and a practice (9 digits), and no
   * hospital unit: their patients are the ones they referred, not a unit's.
   */
  private static void checkGp(AccessSettings.LocalUser user, List<String> memberOf) {
    if (!user.roles().contains(Role.GP)) {
      return;
    }
    if (user.hpr() == null || !user.hpr().matches(HPR_NUMBER)) {
      throw new IllegalStateException(
          "User " + user.username() + " is a GP and needs an HPR number (4–9 digits)");
    }
    if (user.practice() == null || !user.practice().matches(ORGANISATION_NUMBER)) {
      throw new IllegalStateException(
          "User " + user.username() + " is a GP and needs the practice's organisation number");
    }
    if (!memberOf.isEmpty() || user.roles().size() > 1) {
      throw new IllegalStateException(
          "User " + user.username() + " is a GP: no hospital unit and no other role");
    }
  }

  public Optional<User> find(String username) {
    return Optional.ofNullable(users.get(username));
  }

  public List<User> all() {
    return List.copyOf(users.values());
  }

  /** The users with a role in a unit (e.g. the coordinators a pathway can be assigned to). */
  public List<User> withRole(Role role, String unit) {
    return users.values().stream().filter(u -> u.has(role) && u.units().contains(unit)).toList();
  }

  public Optional<Unit> unit(String id) {
    return Optional.ofNullable(units.get(id));
  }

  public List<Unit> units() {
    return List.copyOf(units.values());
  }

  /**
   * The signed-in user of the current request, if any: a local user by name, or the user an OIDC
   * sign-in or a bearer token was mapped to.
   */
  public Optional<User> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      return Optional.empty();
    }
    if (authentication instanceof SignedIn system) { // a bearer token (ADR 0027)
      return Optional.of(system.user());
    }
    if (authentication.getPrincipal() instanceof SignedIn person) { // OIDC sign-in (ADR 0027)
      return Optional.of(person.user());
    }
    return find(authentication.getName());
  }
}

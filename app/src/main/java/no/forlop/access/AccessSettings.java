package no.forlop.access;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The locally configured users and units ({@code forlop.access.*}). The bundled configuration holds
 * demo users (README, "Demo users"); a hospital replaces them, or signs in with OIDC later.
 */
@ConfigurationProperties("forlop.access")
public record AccessSettings(List<LocalUser> users, List<UnitSettings> units) {

  public AccessSettings {
    users = users == null ? List.of() : List.copyOf(users);
    units = units == null ? List.of() : List.copyOf(units);
  }

  /**
   * A local user. The password is in Spring Security's form ({@code {bcrypt}…}, or {@code {noop}…}
   * for the demo users only). A GP ({@link Role#GP}) has an HPR number and a practice (its
   * organisation number), and no unit.
   */
  public record LocalUser(
      String username,
      String password,
      String name,
      @Nullable String phone,
      Set<Role> roles,
      @Nullable List<String> units,
      @Nullable String hpr,
      @Nullable String practice) {

    /** The constructor the configuration binds (the other is for code and tests). */
    @org.springframework.boot.context.properties.bind.ConstructorBinding
    public LocalUser {}

    /** A local user who is no GP. */
    public LocalUser(
        String username,
        String password,
        String name,
        @Nullable String phone,
        Set<Role> roles,
        @Nullable List<String> units) {
      this(username, password, name, phone, roles, units, null, null);
    }
  }

  /** A unit's settings. */
  public record UnitSettings(
      String id,
      String name,
      @Nullable Integer amberDays,
      @Nullable Integer inactiveDays,
      @Nullable String phone) {}
}

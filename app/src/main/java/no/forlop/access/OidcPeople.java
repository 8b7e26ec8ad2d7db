package no.forlop.access;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps the claims of a person's ID token to a Forløp {@link User}, by configuration ({@link
 * OidcSettings}): the security level must be at least the required one; the person is found by HPR
 * number or subject among the configured people (linked to a local user, or given roles and units
 * there), else, where configured, as a GP by the HPR number and the practice the token names (ADR
 * 0048). Anyone else is refused: a token proves who someone is, not that they work with these
 * patients.
 */
final class OidcPeople {

  /** Why a person was refused; the sign-in page shows a text for each. */
  enum Refusal {
    /** Signed in with a lower security level than required (e.g. 3 where 4 is required). */
    SECURITY_LEVEL,
    /** Not a configured person. */
    NO_ACCESS
  }

  /** The mapped user, or the refusal. */
  record Result(@Nullable User user, @Nullable Refusal refusal) {}

  private final OidcSettings settings;
  private final Users users;

  OidcPeople(OidcSettings settings, Users users) {
    this.settings = settings;
    this.users = users;
    for (var person : settings.people()) {
      if (blank(person.hprNumber()) && blank(person.subject())) {
        throw new IllegalStateException("forlop.oidc.people: a person needs hpr-number or subject");
      }
      if (!blank(person.username()) && users.find(person.username()).isEmpty()) {
        throw new IllegalStateException(
            "forlop.oidc.people: user " + person.username() + " is not configured");
      }
      for (var unit : person.units() == null ? List.<String>of() : person.units()) {
        if (users.unit(unit).isEmpty()) {
          throw new IllegalStateException(
              "forlop.oidc.people: unit " + unit + " is not configured");
        }
      }
    }
    var gp = settings.gp();
    if (gp.enabled() && (gp.values().isEmpty() || blank(gp.practiceClaim()))) {
      throw new IllegalStateException(
          "forlop.oidc.gp: with a claim, give the values that make a GP and the practice-claim");
    }
  }

  Result map(String subject, Map<String, Object> claims) {
    var names = settings.claims();
    if (securityLevel(claims.get(names.securityLevel())) < settings.requiredSecurityLevel()) {
      return new Result(null, Refusal.SECURITY_LEVEL);
    }
    var hpr = text(claims.get(names.hprNumber()));
    var name = text(claims.get(names.name()));
    for (var person : settings.people()) {
      var matches =
          (hpr != null && hpr.equals(person.hprNumber()))
              || (!blank(person.subject()) && subject.equals(person.subject()));
      if (matches) {
        return new Result(configured(person, hpr, subject, name), null);
      }
    }
    var gp = gp(hpr, name, claims);
    return gp == null ? new Result(null, Refusal.NO_ACCESS) : new Result(gp, null);
  }

  /**
   * The GP the token names (ADR 0048), if GPs sign in by token and the token says this person is
   * one: a valid HPR number, the GP claim with a configured value, a practice of 9 digits.
   */
  private @Nullable User gp(
      @Nullable String hpr, @Nullable String name, Map<String, Object> claims) {
    var gp = settings.gp();
    if (!gp.enabled() || hpr == null || !hpr.matches(Users.HPR_NUMBER)) {
      return null;
    }
    var marked = claims.get(gp.claim());
    var values =
        marked instanceof java.util.Collection<?> many
            ? many.stream().map(OidcPeople::text).toList()
            : java.util.Collections.singletonList(text(marked));
    if (values.stream().noneMatch(v -> v != null && gp.values().contains(v))) {
      return null;
    }
    var practice = text(claims.get(gp.practiceClaim()));
    if (practice == null || !practice.matches(Users.ORGANISATION_NUMBER)) {
      return null;
    }
    return new User(
        username(hpr, ""), displayName(name, hpr), null, Set.of(Role.GP), List.of(), hpr, practice);
  }

  private User configured(
      OidcSettings.Person person, @Nullable String hpr, String subject, @Nullable String name) {
    if (!blank(person.username())) {
      return users.find(person.username()).orElseThrow();
    }
    Set<Role> roles = person.roles() == null ? Set.of() : new LinkedHashSet<>(person.roles());
    return new User(
        username(hpr, subject),
        displayName(name, hpr),
        null,
        roles,
        person.units() == null ? List.of() : person.units());
  }

  /** The user's id in the audit log: the HPR number where there is one (not the subject). */
  private static String username(@Nullable String hpr, String subject) {
    var id = hpr != null ? "hpr:" + hpr : "oidc:" + subject;
    return id.length() > 100 ? id.substring(0, 100) : id;
  }

  private static String displayName(@Nullable String name, @Nullable String hpr) {
    if (name != null) {
      return name;
    }
    return hpr != null ? "HPR " + hpr : "HelseID";
  }

  /** HelseID sends the level as a string ("4"); other providers may send a number. */
  static int securityLevel(@Nullable Object claim) {
    var text = text(claim);
    if (text == null) {
      return 0;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static @Nullable String text(@Nullable Object claim) {
    if (claim == null) {
      return null;
    }
    var text = claim.toString().strip();
    return text.isEmpty() ? null : text;
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}

package no.forlop.access;

import org.jspecify.annotations.Nullable;

/**
 * A unit whose patients a user may see: an organisation (organisasjonsnummer) with its name, the
 * number of days before a deadline at which the worklist turns amber, and the number of days
 * without activity after which a pathway is flagged.
 */
public record Unit(
    String id, String name, int amberDays, int inactiveDays, @Nullable String phone) {

  public Unit {
    if (amberDays < 0 || amberDays > 60) {
      throw new IllegalArgumentException("amberDays must be 0–60, was " + amberDays);
    }
    if (inactiveDays <= 0) {
      inactiveDays = 14;
    }
  }
}

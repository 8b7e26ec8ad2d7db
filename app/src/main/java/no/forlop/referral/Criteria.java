package no.forlop.referral;

import java.util.List;

/**
 * The findings that give a well-founded suspicion: every one of {@code requires} and, when {@code
 * anyOf} is not empty, at least one of {@code anyOf}.
 */
public record Criteria(List<Item> requires, List<Item> anyOf) {

  public Criteria {
    requires = requires == null ? List.of() : List.copyOf(requires);
    anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
  }

  public static Criteria none() {
    return new Criteria(List.of(), List.of());
  }

  public boolean isEmpty() {
    return requires.isEmpty() && anyOf.isEmpty();
  }
}

package no.forlop.coding.persistence;

import java.util.ArrayList;
import java.util.List;

/** Understands how many keys one statement may ask for: a long list goes in parts. */
final class Partitions {

  private static final int SIZE = 1000;

  private Partitions() {}

  /** The keys in parts small enough for one {@code in (...)} each. */
  static <T> List<List<T>> of(List<T> all) {
    var parts = new ArrayList<List<T>>();
    for (int from = 0; from < all.size(); from += SIZE) {
      parts.add(all.subList(from, Math.min(all.size(), from + SIZE)));
    }
    return parts;
  }
}

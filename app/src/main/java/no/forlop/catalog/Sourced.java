package no.forlop.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A catalogue value with its provenance: where it was read and whether it was verified there. An
 * unknown value is {@code null}, never guessed.
 */
public record Sourced<T>(
    @Nullable T value, boolean verified, @Nullable String source, @Nullable String note) {

  public static <T> Sourced<T> unknown(String note) {
    return new Sourced<>(null, false, null, note);
  }

  public boolean isKnown() {
    return value != null;
  }
}

package no.forlop.catalog;

import com.fasterxml.jackson.annotation.JsonIgnore;
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

  /** Not a field of the document: the catalogue's JSON must load back as it is read (issue 16). */
  @JsonIgnore
  public boolean isKnown() {
    return value != null;
  }
}

package no.forlop.catalog;

import org.jspecify.annotations.Nullable;

/** A text in Norwegian bokmål and English. */
public record Localized(String nb, @Nullable String en) {

  public String in(String language) {
    return "en".equals(language) && en != null ? en : nb;
  }
}

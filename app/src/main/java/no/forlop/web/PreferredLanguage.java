package no.forlop.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Understands which of Forløp's two languages a client prefers: pages, the REST API and the FHIR
 * endpoint read {@code Accept-Language} the same way (issue 16).
 */
public final class PreferredLanguage {

  private PreferredLanguage() {}

  /**
   * The language an {@code Accept-Language} header prefers: English if an English range comes
   * before any Norwegian one (bokmål, nynorsk or plain Norwegian, which all get bokmål), else
   * Norwegian bokmål; a header that cannot be read counts as none.
   */
  public static Locale of(@Nullable String header) {
    if (header == null || header.isBlank()) {
      return LanguageConfiguration.NORWEGIAN;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(header);
    } catch (IllegalArgumentException e) {
      return LanguageConfiguration.NORWEGIAN;
    }
    for (var range : ranges) {
      var language = range.getRange().split("-", 2)[0].toLowerCase(Locale.ROOT);
      if (range.getWeight() > 0 && language.equals("en")) {
        return Locale.ENGLISH;
      }
      if (range.getWeight() > 0 && NORWEGIANS.contains(language)) {
        return LanguageConfiguration.NORWEGIAN;
      }
    }
    return LanguageConfiguration.NORWEGIAN;
  }

  private static final Set<String> NORWEGIANS = Set.of("nb", "no", "nn");
}

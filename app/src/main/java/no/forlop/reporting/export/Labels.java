package no.forlop.reporting.export;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;
import no.forlop.catalog.Catalogue;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The words of the tables in one language: message keys from {@code messages-reporting}, the names
 * of pathways, indicators and treatment types from the catalogue, the units' names, and numbers as
 * the language writes them (bokmål: decimal comma).
 */
public record Labels(
    Locale locale, MessageSource messages, Catalogue catalogue, Map<String, String> units) {

  public Labels {
    units = Map.copyOf(units);
  }

  public boolean english() {
    return "en".equals(locale.getLanguage());
  }

  public String text(String key, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  public String pathway(String id) {
    return catalogue.pathway(id).map(p -> p.names().in(locale.getLanguage())).orElse(id);
  }

  /**
   * "OF4: Fra henvisning …", or the name with the id after it when the id is a national one (OF1 …
   * OF4) the name lacks; Forløp's own ids ({@code MH_ASSESSMENT}) are not shown.
   */
  public String indicator(String id) {
    return catalogue
        .indicator(id)
        .map(i -> i.names().in(locale.getLanguage()))
        .map(
            name ->
                name.startsWith(id) || !NATIONAL_ID.matcher(id).matches()
                    ? name
                    : name + " (" + id + ")")
        .orElse(id);
  }

  private static final java.util.regex.Pattern NATIONAL_ID =
      java.util.regex.Pattern.compile("[A-Z]{1,4}[0-9]+");

  public String treatment(@Nullable String id) {
    if (id == null) {
      return text("reporting.treatment.all");
    }
    return catalogue.treatmentType(id).map(t -> t.names().in(locale.getLanguage())).orElse(id);
  }

  public String unit(String id) {
    return units.getOrDefault(id, id);
  }

  /** One decimal at most, or the empty string for nothing. */
  public String number(@Nullable Double value) {
    if (value == null) {
      return "";
    }
    var format =
        new DecimalFormat(
            "0.#",
            DecimalFormatSymbols.getInstance(
                english() ? Locale.ENGLISH : Locale.forLanguageTag("nb")));
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format.format(value);
  }

  public String yesNo(@Nullable Boolean value) {
    return value == null ? "" : text(value ? "reporting.yes" : "reporting.no");
  }
}

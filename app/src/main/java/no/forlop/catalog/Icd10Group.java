package no.forlop.catalog;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A range of ICD-10 codes belonging to a pathway (e.g. colorectal C18–C20), inclusive at the level
 * of detail given: {@code C18}–{@code C20} covers C18.0 to C20.9.
 */
public record Icd10Group(
    String from,
    @Nullable String to,
    @Nullable Localized names,
    boolean verified,
    @Nullable String source,
    @Nullable String note) {

  /** Whether an ICD-10 code (with or without the dot, any case) falls in this group. */
  public boolean contains(String icd10) {
    var code = normalise(icd10);
    var low = normalise(from);
    var high = normalise(to == null ? from : to);
    return code.compareTo(low) >= 0 && prefix(code, high.length()).compareTo(high) <= 0;
  }

  /** The code in the catalogue's form: upper case, without the dot. */
  public static String normalise(String icd10) {
    return icd10.replace(".", "").trim().toUpperCase(Locale.ROOT);
  }

  private static String prefix(String code, int length) {
    return code.length() <= length ? code : code.substring(0, length);
  }
}

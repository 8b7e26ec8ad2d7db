package no.forlop.catalog;

import java.util.Locale;
import java.util.regex.Pattern;
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

  /** An ICD-10 code as {@link #normalise} leaves it: a letter and two to four digits. */
  private static final Pattern CODE = Pattern.compile("[A-Z]\\d{2,4}");

  /**
   * Whether an ICD-10 code (with or without the dot, any case) falls in this group. Text that is
   * not an ICD-10 code (e.g. {@code C2} or {@code C1X}) falls in no group.
   */
  public boolean contains(String icd10) {
    var code = normalise(icd10);
    if (!CODE.matcher(code).matches()) {
      return false;
    }
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

package no.forlop.coordinator.worklist;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;
import no.forlop.patient.PatientDirectory;
import no.forlop.patient.PatientIdentifier;
import org.jspecify.annotations.Nullable;

/**
 * A worklist search read as what the list shows (issue 16): a whole identity number; part of one
 * (digits, e.g. the six the list prints, {@code 231058}); a birth date as the pages write it
 * ({@code 23.10.1958}, {@code 23.10.58}, or its eight digits {@code 23101958}); initials as the
 * list prints them ({@code K. N.}, {@code K.N.}, {@code KN}); or part of a name. A text may mean
 * more than one of these (eight digits are a birth date and part of a number; {@code KN} initials
 * and part of a name): a pathway matches when its patient matches any of them. Nothing in the text
 * is a wildcard.
 *
 * @param identityNumber eleven digits: that patient only
 * @param digits one to ten digits: patients whose identity number contains them
 * @param born a birth date: patients born on this day ({@code wholeYear} false: the year's last two
 *     digits only, as {@code 23.10.58} gives them)
 * @param initials the letters of initials, upper case ({@code "KN"}), or null
 * @param name part of a name, or null
 */
record WorklistSearch(
    @Nullable String identityNumber,
    @Nullable String digits,
    @Nullable LocalDate born,
    boolean wholeYear,
    @Nullable String initials,
    @Nullable String name) {

  private static final Pattern DATE =
      Pattern.compile("(\\d{1,2})[./-](\\d{1,2})[./-](\\d{2}|\\d{4})");
  private static final Pattern EIGHT_DIGITS = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");
  private static final Pattern INITIALS = Pattern.compile("\\p{L}[\\p{L}.\\s-]*");

  /** How many letters initials have at most. */
  static final int MOST_INITIALS = 4;

  static WorklistSearch of(String text) {
    var search = text.strip();
    var compact = search.replace(" ", "");
    if (compact.matches("\\d{11}")) {
      return new WorklistSearch(compact, null, null, false, null, null);
    }
    if (compact.matches("\\d{1,10}")) {
      var eight = EIGHT_DIGITS.matcher(compact);
      var born = eight.matches() ? date(eight.group(1), eight.group(2), eight.group(3)) : null;
      return new WorklistSearch(null, compact, born, true, null, null);
    }
    var date = DATE.matcher(compact);
    if (date.matches()) {
      var born = date(date.group(1), date.group(2), date.group(3));
      if (born != null) {
        return new WorklistSearch(null, null, born, date.group(3).length() == 4, null, null);
      }
    }
    return new WorklistSearch(null, null, null, false, initialsOf(search), search);
  }

  /** Whether an identity number's birth date is the one searched for. */
  boolean bornOn(String identityNumber) {
    if (born == null || !PatientIdentifier.isValid(identityNumber)) {
      return false;
    }
    var date = PatientIdentifier.parse(identityNumber).birthDate();
    return wholeYear
        ? date.equals(born)
        : date.getDayOfMonth() == born.getDayOfMonth()
            && date.getMonthValue() == born.getMonthValue()
            && date.getYear() % 100 == born.getYear() % 100;
  }

  /** Whether a name's initials, as the list prints them, are the ones searched for. */
  boolean hasInitials(@Nullable String patientName) {
    return initials != null
        && patientName != null
        && letters(PatientDirectory.initials(patientName)).equals(initials);
  }

  /** Whether the search needs the patients' names or numbers looked at one by one. */
  boolean needsPatients() {
    return born != null || initials != null;
  }

  /**
   * The letters of a text that reads as initials: letters with dots, spaces or hyphens between them
   * ({@code K. N.}, {@code K N}), or at most {@value #MOST_INITIALS} letters written in capitals
   * ({@code KN}), or two letters ({@code kn}). "Ola" is a name, not initials.
   */
  private static @Nullable String initialsOf(String text) {
    if (!INITIALS.matcher(text).matches()) {
      return null;
    }
    var letters = letters(text);
    if (letters.isEmpty() || letters.length() > MOST_INITIALS) {
      return null;
    }
    var separated = text.length() > letters.length();
    var capitals = text.equals(text.toUpperCase(Locale.ROOT));
    return separated || capitals || letters.length() <= 2 ? letters : null;
  }

  private static String letters(String text) {
    return text.replaceAll("[^\\p{L}]", "").toUpperCase(Locale.ROOT);
  }

  private static @Nullable LocalDate date(String day, String month, String year) {
    try {
      var y = Integer.parseInt(year);
      // a two-digit year: only its last two digits are compared (bornOn); 2000 + y keeps 29.02.00
      return LocalDate.of(
          year.length() == 2 ? 2000 + y : y, Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException e) {
      return null;
    }
  }
}

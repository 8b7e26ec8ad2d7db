package no.forlop.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Invents patients: a common Norwegian first name and surname drawn at random (no real person is
 * meant), and a synthetic identity number for the birth date. Synthetic numbers have 80 added to
 * the month, as Skatteetaten's test environment (Tenor) issues them, so they can never belong to
 * anyone; their check digits are valid, and the individual number follows the century and sex rules
 * of a real fødselsnummer.
 */
final class InventedPeople {

  /** Common women's names in Norway (Statistics Norway's most frequent first names). */
  static final List<String> WOMEN =
      List.of(
          "Anne",
          "Inger",
          "Kari",
          "Marit",
          "Ingrid",
          "Liv",
          "Eva",
          "Berit",
          "Astrid",
          "Bjørg",
          "Hilde",
          "Anna",
          "Solveig",
          "Marianne",
          "Randi",
          "Ida",
          "Nina",
          "Maria",
          "Elisabeth",
          "Kristin",
          "Bente",
          "Heidi",
          "Silje",
          "Hanne",
          "Gerd",
          "Linda",
          "Tone",
          "Camilla",
          "Grete",
          "Ragnhild",
          "Sissel",
          "Wenche",
          "Turid",
          "Else",
          "Unni",
          "Nora",
          "Emma",
          "Sofie",
          "Ingeborg",
          "Åse",
          "Torill",
          "Gunn",
          "Mona",
          "Laila",
          "Synnøve");

  /** Common men's names in Norway. */
  static final List<String> MEN =
      List.of(
          "Jan",
          "Per",
          "Bjørn",
          "Ole",
          "Lars",
          "Kjell",
          "Knut",
          "Arne",
          "Svein",
          "Thomas",
          "Hans",
          "Geir",
          "Tor",
          "Morten",
          "Terje",
          "Odd",
          "Erik",
          "Martin",
          "Andreas",
          "Rune",
          "Trond",
          "Harald",
          "Olav",
          "Jon",
          "Tore",
          "Stein",
          "Anders",
          "Espen",
          "Magnus",
          "Kristian",
          "Nils",
          "Gunnar",
          "Leif",
          "Øyvind",
          "Eirik",
          "Jonas",
          "Sindre",
          "Henrik",
          "Håkon",
          "Einar",
          "Sverre",
          "Asbjørn",
          "Roar",
          "Frode",
          "Vidar");

  /** Common surnames in Norway. */
  static final List<String> SURNAMES =
      List.of(
          "Hansen",
          "Johansen",
          "Olsen",
          "Larsen",
          "Andersen",
          "Pedersen",
          "Nilsen",
          "Kristiansen",
          "Jensen",
          "Karlsen",
          "Johnsen",
          "Pettersen",
          "Eriksen",
          "Berg",
          "Haugen",
          "Hagen",
          "Johannessen",
          "Andreassen",
          "Jacobsen",
          "Halvorsen",
          "Henriksen",
          "Lund",
          "Sørensen",
          "Jakobsen",
          "Moen",
          "Gundersen",
          "Iversen",
          "Strand",
          "Solberg",
          "Svendsen",
          "Eide",
          "Knutsen",
          "Martinsen",
          "Paulsen",
          "Bakken",
          "Kristoffersen",
          "Mathisen",
          "Lie",
          "Amundsen",
          "Nguyen",
          "Rasmussen",
          "Ali",
          "Lunde",
          "Solheim",
          "Berge",
          "Moe",
          "Nygård",
          "Bakke",
          "Fredriksen",
          "Holm",
          "Aas",
          "Myhre",
          "Ahmed",
          "Hauge",
          "Tangen",
          "Vik",
          "Sandvik",
          "Dahle",
          "Ødegård",
          "Aasen");

  private static final int[] WEIGHTS_1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  private static final int[] WEIGHTS_2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  /** An invented person. */
  record Person(String identifier, String given, String family, boolean male, LocalDate born) {}

  private final Random random;
  private final Set<String> issued = new HashSet<>();

  InventedPeople(Random random) {
    this.random = random;
  }

  /** A new person born on this day, never one issued before. */
  Person next(LocalDate born, boolean male) {
    var given = pick(male ? MEN : WOMEN);
    var family = pick(SURNAMES);
    var start = random.nextInt(500);
    for (int step = 0; step < 500; step++) {
      var number = synthetic(born, (start + step) % 500, male);
      if (number != null && issued.add(number)) {
        return new Person(number, given, family, male, born);
      }
    }
    throw new IllegalStateException("no synthetic identity number left for a birth date");
  }

  private String pick(List<String> names) {
    return names.get(random.nextInt(names.size()));
  }

  /**
   * A synthetic identity number (month + 80) with valid check digits, or {@code null} if this
   * individual number gives none.
   *
   * @param slot 0–499: the individual number within the range of the birth year's century
   */
  static @Nullable String synthetic(LocalDate born, int slot, boolean male) {
    int year = born.getYear();
    int base;
    if (year >= 1900 && year <= 1999) {
      base = 0; // 000–499
    } else if (year >= 2000 && year <= 2039) {
      base = 500; // 500–999
    } else {
      throw new IllegalArgumentException("birth year outside 1900–2039: " + year);
    }
    int individual = base + slot;
    // the third digit of the individual number is odd for men, even for women
    if (individual % 2 != (male ? 1 : 0)) {
      return null;
    }
    var digits =
        "%02d%02d%02d%03d"
            .formatted(born.getDayOfMonth(), born.getMonthValue() + 80, year % 100, individual);
    int k1 = control(digits, WEIGHTS_1);
    if (k1 == 10) {
      return null;
    }
    int k2 = control(digits + k1, WEIGHTS_2);
    if (k2 == 10) {
      return null;
    }
    return digits + k1 + k2;
  }

  /** The same number with its last check digit wrong (for the EHR's one typing error). */
  static String withWrongCheckDigit(String identifier) {
    var last = identifier.charAt(10) - '0';
    return identifier.substring(0, 10) + ((last + 1) % 10);
  }

  private static int control(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    int k = 11 - sum % 11;
    return k == 11 ? 0 : k;
  }
}

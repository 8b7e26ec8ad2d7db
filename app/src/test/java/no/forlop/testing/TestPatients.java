package no.forlop.testing;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Invented fødselsnumre with valid check digits, a new one for every call, so that tests sharing a
 * database never meet each other's patients. Born 1 January 1950 onwards, individual numbers
 * 460–499 (invented: they belong to nobody we know of). Not from 100: the acceptance scenarios and
 * the FHIR examples write their patients' numbers by hand, mostly with individual numbers 100–456
 * (17055810036 among them), and {@code FhirScenariosIT} sends those scenarios into the same
 * database as every other test, where a number of this sequence equal to one of them gave that test
 * the scenario's pathway too.
 */
public final class TestPatients {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final int FIRST_INDIVIDUAL = 460;
  private static final int[] W1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  private static final int[] W2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  private TestPatients() {}

  public static String next() {
    while (true) {
      int n = SEQUENCE.getAndIncrement();
      int day = 1 + n % 28;
      int month = 1 + (n / 28) % 12;
      int year = 50 + (n / 336) % 50;
      int individual = FIRST_INDIVIDUAL + (n / 16800) % 40;
      var base = String.format("%02d%02d%02d%03d", day, month, year, individual);
      var withK1 = withControl(base, W1);
      if (withK1 == null) continue;
      var full = withControl(withK1, W2);
      if (full != null) return full;
    }
  }

  /**
   * A new invented D-nummer (the day of birth plus 40, as given to people without a fødselsnummer)
   * with valid check digits.
   */
  public static String dNumber() {
    while (true) {
      var person = next();
      var day = Integer.parseInt(person.substring(0, 2)) + 40;
      var base = String.format("%02d", day) + person.substring(2, 9);
      var withK1 = withControl(base, W1);
      if (withK1 == null) continue;
      var full = withControl(withK1, W2);
      if (full != null) return full;
    }
  }

  private static final AtomicInteger INDIVIDUAL = new AtomicInteger();

  /**
   * A new invented fødselsnummer for someone born on the day (1900–2039) with the sex: the
   * individual number chosen in the century's range with the sex's parity (odd: male).
   */
  public static String bornOn(java.time.LocalDate birthDate, boolean male) {
    int year = birthDate.getYear();
    if (year < 1900 || year > 2039) {
      throw new IllegalArgumentException("born 1900–2039 only");
    }
    int low = year < 2000 ? 100 : 500;
    while (true) {
      int individual = low + (2 * INDIVIDUAL.getAndIncrement()) % 398 + (male ? 1 : 0);
      var base =
          String.format(
              "%02d%02d%02d%03d",
              birthDate.getDayOfMonth(), birthDate.getMonthValue(), year % 100, individual);
      var withK1 = withControl(base, W1);
      if (withK1 == null) continue;
      var full = withControl(withK1, W2);
      if (full != null) return full;
    }
  }

  private static String withControl(String digits, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += (digits.charAt(i) - '0') * weights[i];
    }
    int k = 11 - sum % 11;
    if (k == 11) k = 0;
    return k == 10 ? null : digits + k;
  }
}

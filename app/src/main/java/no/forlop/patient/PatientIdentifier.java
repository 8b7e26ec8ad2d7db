package no.forlop.patient;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A Norwegian national identity number: a fødselsnummer, a D-nummer (day + 40) or a synthetic test
 * number (month + 80, as issued by Skatteetaten's test environment Tenor). Eleven digits, the last
 * two of which are modulus-11 check digits.
 *
 * <p>Written as its eleven digits in JSON ({@link #value()}), but as the masked number by {@link
 * #toString()}, so that a log line or a message that prints it by accident shows no one's number:
 * where the digits are meant, ask for {@link #value()}.
 */
public record PatientIdentifier(String value, Kind kind) {

  /** The kinds of national identity number. */
  public enum Kind {
    FODSELSNUMMER,
    D_NUMMER
  }

  /** The FHIR identifier system for a fødselsnummer. */
  public static final String FNR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.1";

  /** The FHIR identifier system for a D-nummer. */
  public static final String DNR_SYSTEM = "urn:oid:2.16.578.1.12.4.1.4.2";

  private static final int[] WEIGHTS_1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
  private static final int[] WEIGHTS_2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  public PatientIdentifier {
    var problem = problemWith(value);
    if (problem != null) {
      throw new InvalidPatientIdentifierException(problem);
    }
    if (kind != kindOf(value)) {
      throw new IllegalArgumentException(value + " is not a " + kind);
    }
  }

  /** Reads an identity number (spaces allowed), or refuses it with the reason. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static PatientIdentifier parse(String text) {
    var digits = text == null ? "" : text.replace(" ", "");
    var problem = problemWith(digits);
    if (problem != null) {
      throw new InvalidPatientIdentifierException(problem);
    }
    return new PatientIdentifier(digits, kindOf(digits));
  }

  /** The eleven digits, as stored, sent to other systems and written in JSON. */
  @JsonValue
  public String value() {
    return value;
  }

  public static boolean isValid(String text) {
    return text != null && problemWith(text.replace(" ", "")) == null;
  }

  /** Sex as the identity number records it (the ninth digit: odd male, even female). */
  public enum Sex {
    FEMALE,
    MALE
  }

  /**
   * The birth date the number encodes, the century read from the individual number (digits 7–9) as
   * Skatteetaten assigns them: 000–499 → 1900s; 500–749 with year 54–99 → 1800s; 500–999 with year
   * 00–39 → 2000s; 900–999 with year 40–99 → 1900s. D-numbers (day + 40) and test numbers (month +
   * 80) give the date underneath.
   */
  public LocalDate birthDate() {
    int day = Integer.parseInt(value.substring(0, 2));
    int month = Integer.parseInt(value.substring(2, 4));
    int year = Integer.parseInt(value.substring(4, 6));
    int individual = Integer.parseInt(value.substring(6, 9));
    if (day > 40) {
      day -= 40;
    }
    if (month > 80) {
      month -= 80;
    }
    int century;
    if (individual < 500) {
      century = 1900;
    } else if (individual < 750 && year >= 54) {
      century = 1800;
    } else if (year < 40) {
      century = 2000;
    } else {
      century = 1900;
    }
    return LocalDate.of(century + year, month, day);
  }

  /** The sex the number records. */
  public Sex sex() {
    return (value.charAt(8) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
  }

  /** The identifier with only the birth date visible, for lists and screens (e.g. 120361*****). */
  public String masked() {
    return value.substring(0, 6) + "*****";
  }

  private static Kind kindOf(String digits) {
    return digits.charAt(0) >= '4' ? Kind.D_NUMMER : Kind.FODSELSNUMMER;
  }

  private static InvalidPatientIdentifierException.Problem problemWith(String digits) {
    if (digits == null || digits.length() != 11) {
      return InvalidPatientIdentifierException.Problem.LENGTH;
    }
    for (int i = 0; i < 11; i++) {
      if (!Character.isDigit(digits.charAt(i)) || digits.charAt(i) > '9') {
        return InvalidPatientIdentifierException.Problem.NOT_DIGITS;
      }
    }
    var d = new int[11];
    for (int i = 0; i < 11; i++) {
      d[i] = digits.charAt(i) - '0';
    }
    if (control(d, WEIGHTS_1) != d[9] || control(d, WEIGHTS_2) != d[10]) {
      return InvalidPatientIdentifierException.Problem.CHECKSUM;
    }
    int day = d[0] * 10 + d[1];
    int month = d[2] * 10 + d[3];
    if (day > 40) {
      day -= 40;
    }
    if (month > 80) {
      month -= 80;
    }
    try {
      // any leap year accepts 29 February; the century is not known here
      LocalDate.of(2000, month, day);
    } catch (DateTimeException e) {
      return InvalidPatientIdentifierException.Problem.DATE;
    }
    return null;
  }

  private static int control(int[] d, int[] weights) {
    int sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += d[i] * weights[i];
    }
    int k = 11 - sum % 11;
    return k == 11 ? 0 : k;
  }

  @Override
  public String toString() {
    return masked();
  }
}

package no.forlop.ingest.fhir;

import java.util.regex.Pattern;

/**
 * Understands where a resource stood in a delivery ({@code line 12}, {@code entry 3}, {@code line
 * 4, entry 2}, {@code the delivery}) and says it in the language of a text, at the start of a
 * sentence: "Linje 12" in Norwegian, "Line 12" in English.
 */
final class Positions {

  private static final Pattern NUMBERED = Pattern.compile("(line|entry) (\\d+)");

  private Positions() {}

  /** The position as a phrase that starts a sentence. */
  static IntakeReason.Phrase phrase(String position) {
    var parts = position.split(", ", 2);
    var first = part(parts[0], true);
    if (parts.length == 1) {
      return first;
    }
    return IntakeReason.Phrase.of("position.within", first, within(parts[1]));
  }

  /** A resource with no id, by its type and where it stood: "Patient i oppføring 2". */
  static IntakeReason.Phrase of(String type, String position) {
    return IntakeReason.Phrase.of("position.resourceIn", type, within(position));
  }

  private static IntakeReason.Phrase within(String rest) {
    var parts = rest.split(", ", 2);
    var first = part(parts[0], false);
    return parts.length == 1
        ? first
        : IntakeReason.Phrase.of("position.within", first, within(parts[1]));
  }

  private static IntakeReason.Phrase part(String part, boolean start) {
    var numbered = NUMBERED.matcher(part);
    var suffix = start ? "" : ".inner";
    if (numbered.matches()) {
      return IntakeReason.Phrase.of("position." + numbered.group(1) + suffix, numbered.group(2));
    }
    if (part.equals("the delivery")) {
      return IntakeReason.Phrase.of("position.delivery" + suffix);
    }
    if (part.equals("the bundle")) {
      return IntakeReason.Phrase.of("position.bundle" + suffix);
    }
    return IntakeReason.Phrase.of("position.other", part);
  }
}

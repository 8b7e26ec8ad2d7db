package no.forlop.ingest.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Understands the limits a resource must keep before anything of it is parsed or stored, so that
 * one bad resource is refused on its own and never reaches the database: FHIR R4's rules for ids
 * ({@code [A-Za-z0-9\-\.]{1,64}}) and strings (at most 1 MB, here also no NUL character, which
 * PostgreSQL cannot keep in text), the length of business identifiers, which Forløp indexes, and of
 * numbers written out, which HAPI's parser does.
 */
final class ResourceChecks {

  /** FHIR R4 {@code id}: 1–64 letters, digits, '-' and '.'. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  /** FHIR R4: "strings SHALL NOT exceed 1 MB in size" (datatypes, string). */
  static final int MAX_STRING = 1024 * 1024;

  /**
   * A business identifier ({@code system|value}) is kept in a unique index, whose entries
   * PostgreSQL limits to about 2,700 bytes; Forløp takes up to 1,024 bytes of UTF-8 for system and
   * value together.
   */
  static final int MAX_IDENTIFIER_BYTES = 1024;

  /**
   * The most digits a number may have when written out without an exponent. HAPI reads a decimal by
   * writing it out ({@code BigDecimal.toPlainString()}) and parsing that again, so {@code
   * 1e1000000000}, a dozen characters, would keep a thread busy for hours and could exhaust the
   * memory. A thousand digits is what Jackson allows a number as written (StreamReadConstraints),
   * and far beyond any decimal in medicine (XML Schema's decimal, which FHIR refers to, needs 18).
   */
  static final int MAX_NUMBER_DIGITS = 1000;

  private ResourceChecks() {}

  /**
   * What is wrong with the resource as JSON, or {@code null} if it keeps the limits.
   *
   * @param display the resource as the sender knows it, for the reason ({@code Encounter/e1}, or
   *     {@code Encounter in line 3} when its id is not to be repeated), or a phrase of where it
   *     stood
   */
  static @Nullable IntakeReason problem(JsonNode resource, Object display) {
    var text = strings(resource, "", display);
    if (text != null) {
      return text;
    }
    var id = resource.path("id");
    if (id.isString() && !ID.matcher(id.stringValue()).matches()) {
      return IntakeReason.of("INVALID_ID", display, "id");
    }
    var contained = resource.path("contained");
    if (contained.isArray()) {
      for (int i = 0; i < contained.size(); i++) {
        var own = contained.get(i).path("id");
        if (own.isString() && !ID.matcher(own.stringValue()).matches()) {
          return IntakeReason.of("INVALID_ID", display, "contained[" + i + "].id");
        }
      }
    }
    var identifiers = resource.path("identifier");
    if (identifiers.isArray()) {
      for (int i = 0; i < identifiers.size(); i++) {
        var identifier = identifiers.get(i);
        var bytes =
            utf8(identifier.path("system").asString(""))
                + utf8(identifier.path("value").asString(""));
        if (bytes > MAX_IDENTIFIER_BYTES) {
          return IntakeReason.of(
              "IDENTIFIER_TOO_LONG",
              display,
              "identifier[" + i + "]",
              String.valueOf(MAX_IDENTIFIER_BYTES));
        }
      }
    }
    return null;
  }

  /** Whether a text is a FHIR id. */
  static boolean isId(@Nullable String text) {
    return text != null && ID.matcher(text).matches();
  }

  /**
   * The first property name or string with a NUL character or over 1 MB, or number with too many
   * digits written out, as a reason.
   */
  private static @Nullable IntakeReason strings(JsonNode node, String path, Object display) {
    if (node.isNumber()) {
      return writtenOutDigits(node) > MAX_NUMBER_DIGITS
          ? IntakeReason.of(
              "NUMBER_TOO_LONG", display, shortened(path), String.valueOf(MAX_NUMBER_DIGITS))
          : null;
    }
    if (node.isString()) {
      var value = node.stringValue();
      if (value.indexOf('\u0000') >= 0) {
        return IntakeReason.of("NUL_CHARACTER", display, shortened(path));
      }
      if (value.length() > MAX_STRING) {
        return IntakeReason.of("STRING_TOO_LONG", display, shortened(path));
      }
      return null;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        var name = property.getKey();
        var childPath = path.isEmpty() ? name : path + "." + name;
        if (name.indexOf('\u0000') >= 0 || name.length() > MAX_STRING) {
          return IntakeReason.of(
              name.indexOf('\u0000') >= 0 ? "NUL_CHARACTER" : "STRING_TOO_LONG",
              display,
              IntakeReason.Phrase.of("element.propertyName", shortened(path)));
        }
        var found = strings(property.getValue(), childPath, display);
        if (found != null) {
          return found;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        var found = strings(node.get(i), path + "[" + i + "]", display);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * How many digits the number has written out without an exponent: {@code 1e3} has four, {@code
   * 1.5e-3} five ({@code 0.0015}). Integers are written out already, and Jackson limits their
   * length.
   */
  private static long writtenOutDigits(JsonNode number) {
    if (!number.isBigDecimal()) {
      return 0;
    }
    var decimal = number.decimalValue();
    var beforePoint = Math.max((long) decimal.precision() - decimal.scale(), 1);
    return beforePoint + Math.max(decimal.scale(), 0);
  }

  /** A path as long as a reason can show (a property name may be very long). */
  static String shortened(String path) {
    return path.length() <= 200 ? path : path.substring(0, 199) + "…";
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}

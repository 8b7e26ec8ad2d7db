package no.forlop.ingest.fhir;

import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Understands HAPI's complaints about one resource, as strict as {@link StrictErrorHandler}, and
 * says each in one line a person can act on: the element's path and the problem, never the value
 * (it may be personal data).
 */
final class StrictParsing extends StrictErrorHandler {

  private final JsonNode resource;
  private final String display;
  private final String type;

  StrictParsing(JsonNode resource, String display, String type) {
    this.resource = resource;
    this.display = display;
    this.type = type;
  }

  @Override
  public void invalidValue(
      @Nullable IParseLocation location, @Nullable String value, @Nullable String error) {
    throw rejected(
        "INVALID_VALUE",
        path(location == null ? null : location.getParentElementName(), value),
        describe(error, value));
  }

  @Override
  public void unknownElement(@Nullable IParseLocation location, @Nullable String name) {
    throw rejected("UNKNOWN_ELEMENT", path(name, null), type);
  }

  @Override
  public void unknownAttribute(@Nullable IParseLocation location, @Nullable String name) {
    unknownElement(location, name);
  }

  @Override
  public void incorrectJsonType(
      @Nullable IParseLocation location,
      @Nullable String name,
      @Nullable ValueType expected,
      @Nullable ScalarType expectedScalar,
      @Nullable ValueType found,
      @Nullable ScalarType foundScalar) {
    throw rejected(
        "WRONG_JSON_TYPE",
        path(name, null),
        kind(expected, expectedScalar),
        kind(found, foundScalar));
  }

  @Override
  public void unexpectedRepeatingElement(@Nullable IParseLocation location, @Nullable String name) {
    throw rejected("LIST_FOR_SINGLE", path(name, null));
  }

  @Override
  public void missingRequiredElement(@Nullable IParseLocation location, @Nullable String name) {
    throw rejected("MISSING_REQUIRED", name == null ? "?" : name);
  }

  @Override
  public void containedResourceWithNoId(@Nullable IParseLocation location) {
    throw rejected("CONTAINED_WITHOUT_ID");
  }

  @Override
  public void unknownReference(@Nullable IParseLocation location, @Nullable String reference) {
    var path = reference == null ? null : JsonPaths.find(resource, null, reference);
    throw rejected("CONTAINED_NOT_FOUND", path == null ? "reference" : path);
  }

  @Override
  public void invalidInternalReference(
      @Nullable IParseLocation location, @Nullable String reference) {
    unknownReference(location, reference);
  }

  @Override
  public void extensionContainsValueAndNestedExtensions(@Nullable IParseLocation location) {
    throw rejected("EXTENSION_VALUE_AND_NESTED");
  }

  /** HAPI's message made short and stripped of the value it quotes. */
  static String describe(@Nullable String error, @Nullable String value) {
    if (error == null) {
      return "not allowed here";
    }
    var text = error.replaceFirst("^HAPI-\\d+: ", "");
    if (value != null && !value.isEmpty() && text.contains(value)) {
      text = text.substring(0, text.indexOf(value));
    }
    for (var quote : new String[] {"\"", "'"}) {
      if (text.contains(quote)) {
        text = text.substring(0, text.indexOf(quote));
      }
    }
    text = text.replaceAll("[\\s:(\\[]+$", "").trim();
    if (text.isEmpty()) {
      return "not allowed here";
    }
    return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }

  private String path(@Nullable String name, @Nullable String value) {
    var found = JsonPaths.find(resource, name, value);
    if (found != null) {
      return found;
    }
    return name == null ? "an element" : name;
  }

  private NotTranslated rejected(String code, Object... args) {
    var all = new Object[args.length + 1];
    all[0] = display;
    System.arraycopy(args, 0, all, 1, args.length);
    return NotTranslated.rejected(IntakeReason.of(code, all));
  }

  private static IntakeReason.Phrase kind(@Nullable ValueType type, @Nullable ScalarType scalar) {
    if (type == null) {
      return IntakeReason.Phrase.of("json.other");
    }
    return switch (type) {
      case OBJECT -> IntakeReason.Phrase.of("json.object");
      case ARRAY -> IntakeReason.Phrase.of("json.array");
      case NULL -> IntakeReason.Phrase.of("json.null");
      case SCALAR ->
          scalar == null
              ? IntakeReason.Phrase.of("json.value")
              : switch (scalar) {
                case STRING -> IntakeReason.Phrase.of("json.string");
                case NUMBER -> IntakeReason.Phrase.of("json.number");
                case BOOLEAN -> IntakeReason.Phrase.of("json.boolean");
              };
    };
  }
}

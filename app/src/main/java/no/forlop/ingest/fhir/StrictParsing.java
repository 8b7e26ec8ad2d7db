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
        path(location == null ? null : location.getParentElementName(), value)
            + " has an invalid value ("
            + describe(error, value)
            + ")");
  }

  @Override
  public void unknownElement(@Nullable IParseLocation location, @Nullable String name) {
    throw rejected(path(name, null) + " is not an element of " + type + " in FHIR R4");
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
        path(name, null)
            + " should be "
            + kind(expected, expectedScalar)
            + ", not "
            + kind(found, foundScalar));
  }

  @Override
  public void unexpectedRepeatingElement(@Nullable IParseLocation location, @Nullable String name) {
    throw rejected(path(name, null) + " is a list, but FHIR allows only one");
  }

  @Override
  public void missingRequiredElement(@Nullable IParseLocation location, @Nullable String name) {
    throw rejected((name == null ? "an element" : name) + " is missing, and FHIR requires it");
  }

  @Override
  public void containedResourceWithNoId(@Nullable IParseLocation location) {
    throw rejected("a contained resource has no id");
  }

  @Override
  public void unknownReference(@Nullable IParseLocation location, @Nullable String reference) {
    var path = reference == null ? null : JsonPaths.find(resource, null, reference);
    throw rejected(
        (path == null ? "a reference" : path)
            + " points to a contained resource that is not there");
  }

  @Override
  public void invalidInternalReference(
      @Nullable IParseLocation location, @Nullable String reference) {
    unknownReference(location, reference);
  }

  @Override
  public void extensionContainsValueAndNestedExtensions(@Nullable IParseLocation location) {
    throw rejected("an extension has both a value and nested extensions");
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

  private NotTranslated rejected(String problem) {
    return NotTranslated.rejected(display + ": " + problem);
  }

  private static String kind(@Nullable ValueType type, @Nullable ScalarType scalar) {
    if (type == null) {
      return "something else";
    }
    return switch (type) {
      case OBJECT -> "a JSON object";
      case ARRAY -> "a list";
      case NULL -> "null";
      case SCALAR ->
          scalar == null
              ? "a single value"
              : switch (scalar) {
                case STRING -> "a string";
                case NUMBER -> "a number";
                case BOOLEAN -> "true or false";
              };
    };
  }
}

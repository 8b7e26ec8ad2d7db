package no.forlop.ingest.fhir;

import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.RuntimeChildContainedResources;
import ca.uhn.fhir.context.RuntimePrimitiveDatatypeDefinition;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Understands the JSON shape FHIR R4 gives each element (json.html): an element allowed once is no
 * list; a boolean is {@code true}/{@code false}; integer, positiveInt, unsignedInt and decimal are
 * JSON numbers; every other primitive a JSON string; a complex element a JSON object; and {@code
 * null} only inside a list of primitives (as the placeholder beside its {@code _element}). HAPI's
 * parser, even with a strict error handler, reads {@code "code": 42} as "42", keeps one value of a
 * list where one is allowed, and drops {@code "system": {}} or a {@code null} in silence, so a code
 * could be lost without the sender knowing; Forløp refuses the resource instead. A dateTime or
 * instant with a time of day must have a time zone (R4 datatypes), or the day of a milestone would
 * be a guess.
 */
final class JsonShapes {

  private static final Set<String> NUMBERS =
      Set.of("integer", "positiveInt", "unsignedInt", "decimal");
  private static final Set<String> TIMES = Set.of("dateTime", "instant");

  private JsonShapes() {}

  /** What is wrong with the shape of the resource, or {@code null} if nothing is. */
  static @Nullable IntakeReason problem(
      BaseRuntimeElementCompositeDefinition<?> definition, JsonNode node, String display) {
    return composite(definition, node, "", display);
  }

  private static @Nullable IntakeReason composite(
      BaseRuntimeElementCompositeDefinition<?> definition,
      JsonNode node,
      String path,
      String display) {
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      var name = property.getKey();
      if (name.startsWith("_") || (path.isEmpty() && name.equals("resourceType"))) {
        continue; // a primitive's extensions, and the resource's own type
      }
      var child = definition.getChildByName(name);
      if (child == null || child instanceof RuntimeChildContainedResources) {
        continue; // unknown elements are HAPI's to report; contained resources are parsed by it
      }
      var value = property.getValue();
      var childPath = path.isEmpty() ? name : path + "." + name;
      var element = child.getChildByName(name);
      if (child.getMax() == 1 && value.isArray()) {
        return IntakeReason.of("LIST_FOR_SINGLE", display, childPath);
      }
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          var found = value(element, value.get(i), childPath + "[" + i + "]", display, true);
          if (found != null) {
            return found;
          }
        }
      } else {
        var found = value(element, value, childPath, display, false);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static @Nullable IntakeReason value(
      @Nullable BaseRuntimeElementDefinition<?> element,
      JsonNode value,
      String path,
      String display,
      boolean inList) {
    if (element == null) {
      return null;
    }
    if (element instanceof RuntimePrimitiveDatatypeDefinition primitive) {
      if (value.isNull()) {
        // a list of primitives may hold null as the place of a value that has only extensions
        return inList ? null : wrong(display, path, expected(primitive), value);
      }
      var number = NUMBERS.contains(primitive.getName());
      var bool = "boolean".equals(primitive.getName());
      var fits = number ? value.isNumber() : bool ? value.isBoolean() : value.isString();
      if (!fits) {
        return wrong(display, path, expected(primitive), value);
      }
      if (TIMES.contains(primitive.getName()) && FhirDates.withoutZone(value.stringValue())) {
        // R4 datatypes: "If hours and minutes are specified, a time zone SHALL be populated"
        return IntakeReason.of("DATE_WITHOUT_ZONE", display, path);
      }
      return null;
    }
    if (element instanceof BaseRuntimeElementCompositeDefinition<?> composite) {
      if (!value.isObject()) {
        return wrong(display, path, IntakeReason.Phrase.of("json.object"), value);
      }
      return composite(composite, value, path, display);
    }
    return null;
  }

  private static IntakeReason.Phrase expected(RuntimePrimitiveDatatypeDefinition primitive) {
    if (NUMBERS.contains(primitive.getName())) {
      return IntakeReason.Phrase.of("json.number");
    }
    return "boolean".equals(primitive.getName())
        ? IntakeReason.Phrase.of("json.boolean")
        : IntakeReason.Phrase.of("json.string");
  }

  private static IntakeReason wrong(
      String display, String path, IntakeReason.Phrase expected, JsonNode value) {
    return IntakeReason.of("WRONG_JSON_TYPE", display, path, expected, found(value));
  }

  private static IntakeReason.Phrase found(JsonNode value) {
    if (value.isNull()) {
      return IntakeReason.Phrase.of("json.null");
    }
    if (value.isObject()) {
      return IntakeReason.Phrase.of("json.object");
    }
    if (value.isArray()) {
      return IntakeReason.Phrase.of("json.array");
    }
    if (value.isNumber()) {
      return IntakeReason.Phrase.of("json.number");
    }
    if (value.isBoolean()) {
      return IntakeReason.Phrase.of("json.boolean");
    }
    return IntakeReason.Phrase.of("json.string");
  }
}

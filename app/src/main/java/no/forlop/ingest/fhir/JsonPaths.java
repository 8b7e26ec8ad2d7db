package no.forlop.ingest.fhir;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Understands where in a resource's JSON an element stands, as a path a person can follow ({@code
 * period.start}, {@code series[0].performer[0].actor}): HAPI names only the element itself.
 */
final class JsonPaths {

  private JsonPaths() {}

  /**
   * The path of the first element with the name (or its {@code _name} extension form) and, if
   * given, the value; {@code null} if there is none.
   */
  static @Nullable String find(JsonNode resource, @Nullable String name, @Nullable String value) {
    if (name == null && value == null) {
      return null;
    }
    return search(resource, "", name, value);
  }

  private static @Nullable String search(
      JsonNode node, String path, @Nullable String name, @Nullable String value) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        var key = property.getKey();
        var child = property.getValue();
        var childPath = path.isEmpty() ? key : path + "." + key;
        if (name == null || key.equals(name) || key.equals("_" + name)) {
          var hit = matching(child, childPath, value);
          if (hit != null) {
            return hit;
          }
        }
        var deeper = search(child, childPath, name, value);
        if (deeper != null) {
          return deeper;
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        var deeper = search(node.get(i), path + "[" + i + "]", name, value);
        if (deeper != null) {
          return deeper;
        }
      }
    }
    return null;
  }

  private static @Nullable String matching(JsonNode node, String path, @Nullable String value) {
    if (value == null) {
      return path;
    }
    if (node.isValueNode() && value.equals(node.asString())) {
      return path;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isValueNode() && value.equals(node.get(i).asString())) {
          return path + "[" + i + "]";
        }
      }
    }
    return null;
  }
}

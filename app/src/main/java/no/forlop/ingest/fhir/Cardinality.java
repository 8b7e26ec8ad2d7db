package no.forlop.ingest.fhir;

import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.RuntimeChildContainedResources;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Understands which elements FHIR R4 allows only once. HAPI's parser, even with a strict error
 * handler, takes a list there without complaint and keeps one of its values; Forløp refuses it
 * instead of guessing which one was meant.
 */
final class Cardinality {

  private Cardinality() {}

  /** The path of the first single element given as a list, or {@code null} if there is none. */
  static @Nullable String firstListForSingle(
      BaseRuntimeElementCompositeDefinition<?> definition, JsonNode node) {
    return search(definition, node, "");
  }

  private static @Nullable String search(
      BaseRuntimeElementCompositeDefinition<?> definition, JsonNode node, String path) {
    for (Map.Entry<String, JsonNode> property : node.properties()) {
      var name = property.getKey();
      var value = property.getValue();
      var child = definition.getChildByName(name);
      if (child == null || child instanceof RuntimeChildContainedResources) {
        continue; // unknown elements are HAPI's to report; contained resources are parsed by it
      }
      var childPath = path.isEmpty() ? name : path + "." + name;
      if (child.getMax() == 1 && value.isArray()) {
        return childPath;
      }
      if (!(child.getChildByName(name)
          instanceof BaseRuntimeElementCompositeDefinition<?> composite)) {
        continue;
      }
      if (value.isObject()) {
        var found = search(composite, value, childPath);
        if (found != null) {
          return found;
        }
      } else if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          if (value.get(i).isObject()) {
            var found = search(composite, value.get(i), childPath + "[" + i + "]");
            if (found != null) {
              return found;
            }
          }
        }
      }
    }
    return null;
  }
}

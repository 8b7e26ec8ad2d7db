package no.forlop.ingest.fhir.server;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Understands the shape of a request body before Forløp's reader sees it: one JSON object, a FHIR
 * resource of the type the URL names, or a Bundle. Only the shape: whether the resource is
 * acceptable is the reader's to say.
 */
final class RequestBody {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // FHIR JSON: a property appears once in an object (R4 json.html)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private RequestBody() {}

  /**
   * The body as one JSON object with a {@code resourceType}.
   *
   * @throws ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException (400) otherwise
   */
  static JsonNode resource(byte[] body) {
    if (body.length == 0) {
      throw Problem.badRequest("EMPTY_BODY").exception();
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JacksonException e) {
      if (e instanceof StreamConstraintsException limit) {
        // JSON, but past a limit of the reader (nesting deeper than it follows, a huge number)
        throw Problem.badRequestVariant(
                "UNREADABLE_BODY", "limits", String.valueOf(limit.getOriginalMessage()))
            .exception();
      }
      var location = e.getLocation();
      var reason = isDuplicateProperty(e) ? "DUPLICATE_PROPERTY" : "UNREADABLE_BODY";
      throw (location == null || location.getLineNr() < 1
              ? Problem.badRequest(reason)
              : Problem.badRequestVariant(
                  reason,
                  "at",
                  String.valueOf(location.getLineNr()),
                  String.valueOf(location.getColumnNr())))
          .exception();
    }
    if (node == null || !node.isObject()) {
      throw Problem.badRequestVariant("UNREADABLE_BODY", "notAnObject").exception();
    }
    if (text(node, "resourceType") == null) {
      throw Problem.badRequest("NO_RESOURCE_TYPE").exception();
    }
    return node;
  }

  /**
   * The body as a resource of this type, as a create or an update sends it.
   *
   * @throws ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException (400) if it is not one
   */
  static JsonNode resourceOfType(byte[] body, String type) {
    var node = resource(body);
    var found = text(node, "resourceType");
    if (!type.equals(found)) {
      throw ("Bundle".equals(found)
              ? Problem.badRequestVariant("WRONG_RESOURCE_TYPE", "bundle", type)
              : Problem.badRequest("WRONG_RESOURCE_TYPE", type, found))
          .exception();
    }
    return node;
  }

  /** Whether Jackson refused the JSON for a property that appears twice in one object. */
  private static boolean isDuplicateProperty(JacksonException e) {
    var message = e.getOriginalMessage();
    return message != null && message.startsWith("Duplicate Object property");
  }

  /** The non-blank text of an object's property, or {@code null}. */
  static @Nullable String text(JsonNode node, String property) {
    var value = node.path(property);
    return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }
}

package no.forlop.ingest.fhir.server;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
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
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private RequestBody() {}

  /**
   * The body as one JSON object with a {@code resourceType}.
   *
   * @throws ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException (400) otherwise
   */
  static JsonNode resource(byte[] body) {
    if (body.length == 0) {
      throw Problem.badRequest(
              "EMPTY_BODY", "The request has no body: send a FHIR R4 resource or Bundle in JSON.")
          .exception();
    }
    JsonNode node;
    try {
      node = JSON.readTree(body);
    } catch (JacksonException e) {
      var location = e.getLocation();
      var where =
          location == null || location.getLineNr() < 1
              ? ""
              : " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
      throw Problem.badRequest(
              "UNREADABLE_BODY",
              "The request body is not JSON"
                  + where
                  + ": Forløp's FHIR endpoint reads FHIR R4 in JSON"
                  + " (application/fhir+json).")
          .exception();
    }
    if (node == null || !node.isObject()) {
      throw Problem.badRequest(
              "UNREADABLE_BODY",
              "The request body is JSON, but not a JSON object: send a FHIR R4 resource or Bundle.")
          .exception();
    }
    if (text(node, "resourceType") == null) {
      throw Problem.badRequest(
              "NO_RESOURCE_TYPE",
              "The request body is a JSON object without resourceType, not a FHIR resource.")
          .exception();
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
      throw Problem.badRequest(
              "WRONG_RESOURCE_TYPE",
              "The URL is for "
                  + type
                  + ", but the body is "
                  + ("Bundle".equals(found)
                      ? "a Bundle: send bundles to the base, POST /fhir."
                      : "a " + found + ": send it to /fhir/" + found + "."))
          .exception();
    }
    return node;
  }

  /** The non-blank text of an object's property, or {@code null}. */
  static @Nullable String text(JsonNode node, String property) {
    var value = node.path(property);
    return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
  }
}

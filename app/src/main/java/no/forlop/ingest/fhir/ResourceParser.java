package no.forlop.ingest.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.databind.JsonNode;

/**
 * Understands which FHIR R4 JSON is acceptable: parses one resource with HAPI, strictly (an invalid
 * date, a wrong JSON type, an unknown element reject it), and says what is wrong.
 */
final class ResourceParser {

  private final FhirContext fhir;

  ResourceParser(FhirContext fhir) {
    this.fhir = fhir;
  }

  /**
   * The resource, parsed on its own.
   *
   * @throws NotTranslated (rejected) with what is wrong with it
   */
  <R extends Resource> R parse(Class<R> type, JsonNode node, String json, String display) {
    var parser =
        fhir.newJsonParser()
            .setParserErrorHandler(new StrictParsing(node, display, fhir.getResourceType(type)));
    var shape = JsonShapes.problem(fhir.getResourceDefinition(type), node, display);
    if (shape != null) {
      throw NotTranslated.rejected(shape);
    }
    try {
      return parser.parseResource(type, json);
    } catch (DataFormatException e) {
      var inner = e.getCause();
      if (inner instanceof NotTranslated notTranslated) {
        throw notTranslated;
      }
      throw NotTranslated.rejected(
          IntakeReason.of("NOT_VALID_FHIR", display, StrictParsing.describe(e.getMessage(), null)));
    }
  }
}

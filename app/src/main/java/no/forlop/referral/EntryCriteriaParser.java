package no.forlop.referral;

import java.util.List;
import java.util.Set;
import no.forlop.catalog.DataFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads an entry-criteria document (YAML) and validates it against the catalogue's pathways:
 * unknown fields, items without a source and the other problems {@link EntryCriteriaValidator}
 * knows are refused with a message that names the place.
 */
public final class EntryCriteriaParser {

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private EntryCriteriaParser() {}

  /**
   * @param cataloguePathways the pathway ids of the catalogue in force
   */
  public static EntryCriteria parse(byte[] content, Set<String> cataloguePathways) {
    EntryCriteriaDocument document;
    try {
      document = YAML.readValue(content, EntryCriteriaDocument.class);
    } catch (UnrecognizedPropertyException e) {
      throw new InvalidEntryCriteriaException(
          List.of(
              "unknown field '"
                  + e.getPropertyName()
                  + "' at "
                  + DataFiles.place(e.getPath())
                  + " (known fields: "
                  + e.getKnownPropertyIds()
                  + ")"));
    } catch (JacksonException e) {
      var message = e.getOriginalMessage();
      if (message != null && message.startsWith("No content to map")) {
        throw new InvalidEntryCriteriaException(List.of("the document is empty")); // comments only
      }
      var location = e.getLocation();
      throw new InvalidEntryCriteriaException(
          List.of(
              "cannot read the document at "
                  + DataFiles.place(e.getPath())
                  + (location == null ? "" : " (line " + location.getLineNr() + ")")
                  + ": "
                  + message));
    }
    if (document == null) {
      throw new InvalidEntryCriteriaException(List.of("the document is empty"));
    }
    var problems = new EntryCriteriaValidator(document, cataloguePathways).problems();
    if (!problems.isEmpty()) {
      throw new InvalidEntryCriteriaException(problems);
    }
    return new EntryCriteria(document, DataFiles.sha256(content));
  }
}

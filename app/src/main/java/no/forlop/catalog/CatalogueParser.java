package no.forlop.catalog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a catalogue document (YAML or JSON) and validates it: unknown fields, overlapping validity,
 * references to things that do not exist and impossible values are refused with a message that
 * names the place.
 */
public final class CatalogueParser {

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private CatalogueParser() {}

  /** Parses YAML or JSON (JSON is valid YAML, but a JSON parser gives better messages for it). */
  public static Catalogue parse(byte[] content) {
    var text = new String(content, StandardCharsets.UTF_8).stripLeading();
    var mapper = text.startsWith("{") ? JSON : YAML;
    CatalogueDocument document;
    try {
      document = mapper.readValue(content, CatalogueDocument.class);
    } catch (UnrecognizedPropertyException e) {
      // Records are built through their constructor, so Jackson reports an unknown field only once
      // the entry holding it has been read: the location is the end of that entry, not the field.
      var refs = e.getPath();
      var holder =
          refs.isEmpty() || !e.getPropertyName().equals(refs.get(refs.size() - 1).getPropertyName())
              ? refs
              : refs.subList(0, refs.size() - 1);
      throw new InvalidCatalogueException(
          List.of(
              "unknown field '"
                  + e.getPropertyName()
                  + "' at "
                  + DataFiles.place(holder)
                  + line(e, "the entry ends on line ")
                  + " (known fields: "
                  + e.getKnownPropertyIds()
                  + ")"));
    } catch (JacksonException e) {
      throw new InvalidCatalogueException(
          List.of(
              "cannot read the document at "
                  + DataFiles.place(e.getPath())
                  + line(e, "line ")
                  + ": "
                  + e.getOriginalMessage()));
    }
    if (document == null) {
      throw new InvalidCatalogueException(List.of("the document is empty"));
    }
    var problems = new CatalogueValidator(document).problems();
    if (!problems.isEmpty()) {
      throw new InvalidCatalogueException(problems);
    }
    return new Catalogue(document, sha256(content));
  }

  private static String line(JacksonException e, String label) {
    var location = e.getLocation();
    return location == null ? "" : " (" + label + location.getLineNr() + ")";
  }

  static String sha256(byte[] content) {
    return DataFiles.sha256(content);
  }
}

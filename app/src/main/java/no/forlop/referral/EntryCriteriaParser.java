package no.forlop.referral;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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
                  + place(e.getPath())
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
                  + place(e.getPath())
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
    return new EntryCriteria(document, sha256(content));
  }

  private static String place(List<JacksonException.Reference> refs) {
    var path = new StringBuilder();
    for (var ref : refs) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) path.append('.');
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "the top level" : path.toString();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

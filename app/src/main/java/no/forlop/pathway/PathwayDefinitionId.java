package no.forlop.pathway;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;

/**
 * The catalogue's id of a pathway definition (e.g. {@code colorectal}). Written as that text (in
 * JSON, URLs and pages), so these read as before. In a request (opening a pathway, changing its
 * type) it may name the definition by its code prefix instead ({@code A12}), as the API has always
 * allowed: the pathway service resolves either against the catalogue in force and refuses an
 * unknown one ({@code UNKNOWN_PATHWAY}).
 */
@Schema(
    type = "string",
    description =
        "the pathway definition's catalogue id (e.g. colorectal); in a request also its"
            + " code prefix (e.g. A12)")
public record PathwayDefinitionId(String value) {

  public PathwayDefinitionId {
    Objects.requireNonNull(value, "value");
  }

  @JsonCreator
  public static PathwayDefinitionId of(String value) {
    return new PathwayDefinitionId(value);
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}

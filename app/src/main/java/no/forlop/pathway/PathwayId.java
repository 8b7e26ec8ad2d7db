package no.forlop.pathway;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of a pathway instance. Written as its UUID's text (in JSON, URLs, pages and the audit
 * log), so the API reads as before.
 */
@Schema(type = "string", format = "uuid", description = "the pathway instance's id")
public record PathwayId(UUID value) {

  public PathwayId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * The id written as text.
   *
   * @throws PathwayNotFoundException when the text is not an id (so names no pathway)
   */
  @JsonCreator
  public static PathwayId of(String text) {
    try {
      return new PathwayId(UUID.fromString(text.strip()));
    } catch (IllegalArgumentException e) {
      throw new PathwayNotFoundException(text);
    }
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}

package no.forlop.pathway;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Objects;
import java.util.UUID;

/**
 * The id of one registration in a pathway: a code as registered and then corrected, withdrawn,
 * confirmed or rejected. Written as its UUID's text (in JSON, URLs, pages and the NPR message), so
 * these read as before.
 */
@Schema(type = "string", format = "uuid", description = "the registration's id")
public record RegistrationId(UUID value) {

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public RegistrationId {
    Objects.requireNonNull(value, "value");
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}

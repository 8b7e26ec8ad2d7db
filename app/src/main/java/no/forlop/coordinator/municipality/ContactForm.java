package no.forlop.coordinator.municipality;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The municipal contact as the coordinator types it: the municipality and the coordinating unit are
 * required; every field holds at most {@value #MAX_FIELD} characters. Any error shows the one text
 * {@value #REQUIRED}, as before.
 */
record ContactForm(
    @NotBlank(message = REQUIRED) @Size(max = MAX_FIELD, message = REQUIRED) String municipality,
    @NotBlank(message = REQUIRED) @Size(max = MAX_FIELD, message = REQUIRED) String unitName,
    @Size(max = MAX_FIELD, message = REQUIRED) @Nullable String contactName,
    @Size(max = MAX_FIELD, message = REQUIRED) @Nullable String phone,
    @Size(max = MAX_FIELD, message = REQUIRED) @Nullable String email) {

  static final int MAX_FIELD = 200;
  static final String REQUIRED = "municipality.error.required";

  ContactForm {
    municipality = municipality == null ? "" : municipality;
    unitName = unitName == null ? "" : unitName;
  }
}

package no.forlop.coding;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which EHR resource a fact came from.
 *
 * @param key the resource's identity across deliveries: its absolute address ({@code
 *     https://ehr.example/fhir/Encounter/e1}, the fullUrl's base plus type and id) or, for a {@code
 *     urn:uuid:} resource, that urn. Two facts with the same key are the same fact.
 * @param display the short form used in traces and reports ({@code Encounter/e1})
 * @param version the source's version ({@code meta.versionId}), if given
 * @param lastUpdated the source's {@code meta.lastUpdated}, if given
 */
public record SourceRef(
    String key,
    String display,
    List<String> identifiers,
    @Nullable String version,
    @Nullable Instant lastUpdated) {

  public SourceRef {
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a source needs a key");
    }
    if (display == null || display.isBlank()) {
      throw new IllegalArgumentException("a source needs a display form");
    }
  }

  /** The resource type, from the display form ({@code Encounter/e1} → {@code Encounter}). */
  public String type() {
    var slash = display.indexOf('/');
    return slash < 0 ? display : display.substring(0, slash);
  }
}

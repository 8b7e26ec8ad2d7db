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

  /** What stands between the type and the identifier in a reference by identifier. */
  private static final String BY_IDENTIFIER = "?identifier=";

  public SourceRef {
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("a source needs a key");
    }
    if (display == null || display.isBlank()) {
      throw new IllegalArgumentException("a source needs a display form");
    }
  }

  /**
   * The key of a reference that names a resource only by its business identifier ({@code
   * Task.focus.identifier}): {@code ServiceRequest?identifier=system|value}, in the form of FHIR's
   * conditional references. It is no resource's own key; the store reads it as the key of the fact
   * of that type with that identifier, once one is known (ADR 0018).
   *
   * @param type the FHIR resource type named ({@code ServiceRequest})
   * @param identifier {@code system|value}, as in {@link #identifiers()}
   */
  public static String byIdentifier(String type, String identifier) {
    return type + BY_IDENTIFIER + identifier;
  }

  /**
   * A {@link #byIdentifier reference by identifier}: the resource type it names and the identifier.
   *
   * @param identifier {@code system|value}
   */
  public record ByIdentifier(String type, String identifier) {

    /** The reference by identifier a key is, or {@code null} for any other key. */
    public static @Nullable ByIdentifier of(String key) {
      var at = key.indexOf(BY_IDENTIFIER);
      if (at <= 0 || key.substring(0, at).indexOf('/') >= 0) {
        return null;
      }
      return new ByIdentifier(key.substring(0, at), key.substring(at + BY_IDENTIFIER.length()));
    }
  }

  /** The resource type, from the display form ({@code Encounter/e1} → {@code Encounter}). */
  public String type() {
    var slash = display.indexOf('/');
    return slash < 0 ? display : display.substring(0, slash);
  }
}

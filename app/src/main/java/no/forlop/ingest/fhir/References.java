package no.forlop.ingest.fhir;

import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Understands FHIR references in their three forms, relative ({@code Patient/p1}), absolute ({@code
 * https://ehr.example/fhir/Patient/p1}, with or without {@code /_history/n}) and {@code
 * urn:uuid:…}, and turns each into the key of the resource it points to: {@code Patient/p1}, or the
 * urn when the delivery knows the resource only by it.
 */
final class References {

  private static final Pattern TYPE_AND_ID =
      Pattern.compile("(?:^|.*/)([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})");
  private static final Pattern UUID =
      Pattern.compile(
          "urn:uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern OID = Pattern.compile("urn:oid:[0-2](\\.(0|[1-9][0-9]*))+");
  private static final Pattern HISTORY = Pattern.compile("/_history/[^/]+/?$");

  private final Map<String, String> aliases;

  /**
   * @param aliases the keys of the resources that a bundle gives both a {@code urn:} fullUrl and an
   *     id ({@code urn:uuid:…} → {@code Patient/p1}), so that references by urn find them
   */
  References(Map<String, String> aliases) {
    this.aliases = Map.copyOf(aliases);
  }

  /** What a reference points to, or {@code null} if it is not a form Forløp understands. */
  @Nullable Target resolve(String reference) {
    var text = reference.trim();
    if (isUrn(text)) {
      if (!isValidUrn(text)) {
        return null;
      }
      var alias = aliases.get(text);
      return alias == null ? new Target(text, null) : resolve(alias);
    }
    return typeAndId(text);
  }

  /** The type and id at the end of a relative or absolute address, if it has them. */
  static @Nullable Target typeAndId(String address) {
    var withoutHistory = HISTORY.matcher(address).replaceFirst("");
    var matcher = TYPE_AND_ID.matcher(withoutHistory);
    if (!matcher.matches()) {
      return null;
    }
    return new Target(matcher.group(1) + "/" + matcher.group(2), matcher.group(1));
  }

  /**
   * Whether a urn is a FHIR R4 {@code uuid} ({@code urn:uuid:} and a UUID in lower case hex) or
   * {@code oid} ({@code urn:oid:} and an OID).
   */
  static boolean isValidUrn(String text) {
    return UUID.matcher(text).matches() || (text.length() <= 256 && OID.matcher(text).matches());
  }

  static boolean isUrn(String text) {
    return text.startsWith("urn:uuid:") || text.startsWith("urn:oid:");
  }

  /**
   * A resource a reference points to.
   *
   * @param key its key ({@code Patient/p1} or {@code urn:uuid:…})
   * @param type its resource type, or {@code null} for a urn the delivery did not explain
   */
  record Target(String key, @Nullable String type) {

    boolean mayBe(String resourceType) {
      return type == null || type.equals(resourceType);
    }
  }
}

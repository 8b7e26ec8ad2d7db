package no.forlop.ingest.fhir.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Understands a conditional create's criteria ({@code If-None-Exist}, or a bundle entry's {@code
 * request.ifNoneExist}): Forløp takes exactly one search parameter, {@code identifier}, as a FHIR
 * token ({@code system|value}, or {@code value} in any system), and looks for a stored resource of
 * the same type with that business identifier. Any other criteria are refused with 400 and the
 * reason, rather than ignored: an integration engine that relies on them must know.
 */
final class Conditions {

  private static final String IDENTIFIER = "identifier=";

  private Conditions() {}

  /**
   * The identifier token the criteria ask for, or {@code null} when there are none.
   *
   * @throws ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException (400) for criteria
   *     Forløp does not take
   */
  static @Nullable String identifier(@Nullable String criteria) {
    if (criteria == null || criteria.isBlank()) {
      return null;
    }
    var token = token(criteria);
    if (token == null) {
      throw Problem.badRequest("CONDITIONAL_NOT_SUPPORTED").exception();
    }
    return token;
  }

  /** The identifier token of the criteria, or {@code null} if they are not one identifier. */
  static @Nullable String token(String criteria) {
    var text = criteria.strip();
    var query = text.indexOf('?');
    if (query >= 0) {
      text = text.substring(query + 1); // "Encounter?identifier=…", as some clients write it
    }
    if (!text.startsWith(IDENTIFIER) || text.contains("&")) {
      return null;
    }
    String value;
    try {
      value = URLDecoder.decode(text.substring(IDENTIFIER.length()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (value.isBlank() || value.endsWith("|") || value.length() > 1024) {
      return null;
    }
    return value.startsWith("|") ? value.substring(1) : value;
  }
}

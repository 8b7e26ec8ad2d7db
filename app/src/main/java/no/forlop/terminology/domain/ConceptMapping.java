package no.forlop.terminology.domain;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * One mapping from the EHR's codes to a concept: a code, or a group of codes sharing a prefix (NCSP
 * and NCMP are structured by their leading letters), of one code system. A default mapping carries
 * its source and whether it was verified there; an unknown code or group is kept (code and prefix
 * {@code null}) so that it is shown, and never matches. A hospital's ConceptMap may also say that a
 * code is <em>not</em> a concept ({@code excludes}), which overrides a default.
 *
 * @param code the exact code, or {@code null} for a group or an unknown value
 * @param prefix the leading characters of a group of codes, or {@code null}
 * @param excludes whether the mapping says the codes are not the concept (FHIR {@code disjoint})
 * @param verified whether the mapping was read in its source (a hospital's own map is its word)
 * @param terminology where the mapping comes from, as the trace shows it ({@code default
 *     2026.12.1}, {@code ConceptMap 2025-1})
 */
public record ConceptMapping(
    Concept concept,
    String system,
    @Nullable String code,
    @Nullable String prefix,
    boolean excludes,
    boolean verified,
    String terminology,
    @Nullable String source,
    @Nullable String note) {

  public ConceptMapping {
    if (code != null && prefix != null) {
      throw new IllegalArgumentException("a mapping has a code or a prefix, not both");
    }
    prefix = prefix == null ? null : prefix.strip().toUpperCase(Locale.ROOT);
    code = code == null ? null : code.strip();
  }

  /** Whether the value is known: an unknown mapping is shown, never used. */
  public boolean known() {
    return code != null || prefix != null;
  }

  /** Whether this mapping covers a coding. */
  public boolean covers(Coding coding) {
    if (!system.equals(coding.system())) {
      return false;
    }
    var sent = coding.code().strip();
    if (code != null) {
      return code.equals(sent);
    }
    return prefix != null && sent.toUpperCase(Locale.ROOT).startsWith(prefix);
  }

  /** Exact codes before groups, longer groups before shorter ones. */
  int specificity() {
    return code != null ? Integer.MAX_VALUE : prefix == null ? -1 : prefix.length();
  }
}

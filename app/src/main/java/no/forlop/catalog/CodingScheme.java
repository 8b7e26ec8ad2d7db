package no.forlop.catalog;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A family of pathways coded the same way (e.g. the organ-specific cancer pathways): the codes, how
 * many clinical decisions a pathway may have, the start-date rules and the lead-time indicators.
 */
public record CodingScheme(
    String id,
    Localized names,
    int maxClinicalDecisions,
    boolean decisionRequiresFirstAttendance,
    List<String> indicators,
    List<StartRule> startRules,
    List<CodeDefinition> codes,
    @Nullable String source,
    @Nullable String note) {

  public CodingScheme {
    indicators = indicators == null ? List.of() : List.copyOf(indicators);
    startRules = startRules == null ? List.of() : List.copyOf(startRules);
    codes = codes == null ? List.of() : List.copyOf(codes);
  }

  public Optional<CodeDefinition> code(String key) {
    return codes.stream().filter(c -> c.key().equals(key)).findFirst();
  }
}

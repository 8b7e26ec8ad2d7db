package no.forlop.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One national pathway as the catalogue describes it: its code prefix, names, kind, coding scheme,
 * validity, ICD-10 groups and lead-time norms, each with provenance.
 *
 * @param id a stable identifier: the code prefix where it is known (e.g. {@code A12}), otherwise a
 *     descriptive slug (e.g. {@code cancer.breast})
 * @param codeChanges pathway-specific changes to the scheme's codes (e.g. radiotherapy added to
 *     myeloma on 2023-01-01)
 */
public record PathwayDefinition(
    String id,
    Sourced<String> codePrefix,
    Localized names,
    List<FormerName> formerNames,
    PathwayKind kind,
    String scheme,
    Sourced<LocalDate> validFrom,
    Sourced<LocalDate> validTo,
    List<CodeChange> codeChanges,
    List<Icd10Group> icd10,
    List<LeadTimeNorm> leadTimes,
    List<Remark> remarks) {

  public PathwayDefinition {
    formerNames = formerNames == null ? List.of() : List.copyOf(formerNames);
    codeChanges = codeChanges == null ? List.of() : List.copyOf(codeChanges);
    icd10 = icd10 == null ? List.of() : List.copyOf(icd10);
    leadTimes = leadTimes == null ? List.of() : List.copyOf(leadTimes);
    remarks = remarks == null ? List.of() : List.copyOf(remarks);
    if (validTo == null) {
      validTo = new Sourced<>(null, false, null, null);
    }
  }

  /** The code prefix, where it is known. */
  public Optional<String> prefix() {
    return Optional.ofNullable(codePrefix.value());
  }

  /** Whether codes may be registered in this pathway on {@code date}. */
  public boolean validOn(LocalDate date) {
    var from = validFrom.value();
    var to = validTo.value();
    return (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
  }

  /**
   * The full official code for a suffix, e.g. {@code A12} + {@code CK}; empty if either is unknown.
   */
  public Optional<String> fullCode(@Nullable String suffix) {
    return suffix == null ? Optional.empty() : prefix().map(p -> p + suffix);
  }

  public boolean hasIcd10(String icd10Code) {
    return icd10.stream().anyMatch(g -> g.contains(icd10Code));
  }

  /** A name the pathway had until {@code validTo}. */
  public record FormerName(
      Localized names,
      @Nullable LocalDate validTo,
      boolean verified,
      @Nullable String source,
      @Nullable String note) {}

  /**
   * A pathway-specific change to one code of its scheme: validity, or a code added to the scheme.
   */
  public record CodeChange(
      String code,
      @Nullable LocalDate validFrom,
      @Nullable LocalDate validTo,
      Localized description,
      boolean verified,
      @Nullable String source,
      @Nullable String note) {}

  /** A sourced rule or remark about the pathway that the engine does not (yet) act on. */
  public record Remark(
      Localized text, boolean verified, @Nullable String source, @Nullable String note) {}
}

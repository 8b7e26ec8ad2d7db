package no.forlop.catalog;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One milestone code of a coding scheme: its suffix (appended to the pathway's code prefix, e.g.
 * {@code CK} in {@code A12CK}), the milestone it marks and what it allows next.
 *
 * @param suffix the official suffix, or {@code null} where the official code is not known
 * @param treatment for treatment-start codes, the treatment type it starts
 * @param closesPathway the pathway instance ends with this code (O, X, the decisions of C01)
 * @param permitsTreatment for decisions: a treatment start may follow
 * @param permitsFurtherDecision for decisions: a further decision may follow (extended work-up)
 * @param reason for closing codes without an official suffix: why the pathway closes ({@code
 *     OTHER_REASONS}, {@code CONTRACT_SPECIALIST}, {@code TYPE_CHANGED}); the plain closing code of
 *     the milestone has none
 */
public record CodeDefinition(
    @Nullable String suffix,
    Milestone milestone,
    @Nullable String treatment,
    boolean closesPathway,
    boolean permitsTreatment,
    boolean permitsFurtherDecision,
    @Nullable String reason,
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validTo,
    Localized names,
    boolean verified,
    @Nullable String source,
    @Nullable String note) {

  /**
   * The key of this code within its scheme: the suffix, or where no suffix is known the milestone
   * (followed by the reason, for a closing code with one: {@code PATHWAY_END_OTHER_REASONS}).
   */
  public String key() {
    if (suffix != null) {
      return suffix;
    }
    return reason == null ? milestone.name() : milestone.name() + "_" + reason;
  }

  public boolean validOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom))
        && (validTo == null || !date.isAfter(validTo));
  }

  CodeDefinition withValidity(@Nullable LocalDate from, @Nullable LocalDate to) {
    return new CodeDefinition(
        suffix,
        milestone,
        treatment,
        closesPathway,
        permitsTreatment,
        permitsFurtherDecision,
        reason,
        from,
        to,
        names,
        verified,
        source,
        note);
  }
}

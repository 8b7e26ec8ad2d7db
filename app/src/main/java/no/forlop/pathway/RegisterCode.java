package no.forlop.pathway;

import java.time.LocalDate;
import no.forlop.catalog.StartRule.StartBasis;
import org.jspecify.annotations.Nullable;

/**
 * A code to register in a pathway.
 *
 * @param code the official code ({@code A12S}), the suffix ({@code S}) or, where the official code
 *     is unknown, the milestone ({@code PATHWAY_START})
 * @param startBasis for a start: what dates it (default: the referral was received)
 * @param referralReceivedOn for a start: the day the referral was received, if known
 * @param referralAssessedOn for a start: the day the referral was assessed, if known
 * @param note why a proposal is only proposed (stored with the fact)
 */
public record RegisterCode(
    String code,
    LocalDate date,
    CodeState state,
    Origin origin,
    @Nullable StartBasis startBasis,
    @Nullable LocalDate referralReceivedOn,
    @Nullable LocalDate referralAssessedOn,
    @Nullable Remark note) {

  public static RegisterCode manual(String code, LocalDate date) {
    return new RegisterCode(
        code, date, CodeState.REGISTERED, Origin.MANUAL, null, null, null, null);
  }
}

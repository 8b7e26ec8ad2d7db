package no.forlop.catalog;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which event dates the start of a pathway, in force from {@code validFrom} to {@code validTo}
 * (e.g. cancer: the day the referral was received, never the day it was assessed).
 */
public record StartRule(
    StartBasis basis,
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validTo,
    Localized description,
    boolean verified,
    @Nullable String source,
    @Nullable String note) {

  /** The event whose date is the start date. */
  public enum StartBasis {
    /** The referral was received by the specialist health service (henvisning mottatt). */
    REFERRAL_RECEIVED,
    /** The referral assessment was completed and the right to care granted (vurdering fullført). */
    REFERRAL_ASSESSED,
    /** Well-founded suspicion arose in hospital during other work-up or treatment. */
    SUSPICION_IN_HOSPITAL,
    /** After an emergency (ØH) assessment: the decision that further work-up is needed. */
    EMERGENCY_DECISION
  }

  public boolean validOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom))
        && (validTo == null || !date.isAfter(validTo));
  }
}

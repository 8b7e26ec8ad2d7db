package no.forlop.catalog;

import java.time.LocalDate;
import no.forlop.calendar.DayType;
import org.jspecify.annotations.Nullable;

/**
 * A standard lead time (standard forløpstid) of one indicator in one pathway, effective-dated: a
 * pathway is measured with the norm in force on the day its interval started.
 *
 * @param treatment the treatment type it applies to, or {@code null} for all
 * @param variant the care setting or severity it applies to, or {@code null} for all
 * @param days the number of days, or {@code null} where the value is not known
 */
public record LeadTimeNorm(
    String indicator,
    @Nullable String treatment,
    @Nullable String variant,
    @Nullable Integer days,
    @Nullable DayType dayType,
    @Nullable LocalDate validFrom,
    @Nullable LocalDate validTo,
    boolean verified,
    @Nullable String source,
    @Nullable String note) {

  public boolean validOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom))
        && (validTo == null || !date.isAfter(validTo));
  }

  /** A norm that can be measured against: verified, with a value and a day type. */
  public boolean usable() {
    return verified && days != null && dayType != null;
  }

  public boolean appliesTo(@Nullable String treatmentType, @Nullable String variantId) {
    return (treatment == null || treatmentType == null || treatment.equals(treatmentType))
        && (variant == null || variantId == null || variant.equals(variantId));
  }
}

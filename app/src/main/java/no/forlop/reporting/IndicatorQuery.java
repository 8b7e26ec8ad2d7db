package no.forlop.reporting;

import java.time.LocalDate;
import java.util.Set;
import no.forlop.patient.PatientIdentifier.Sex;
import org.jspecify.annotations.Nullable;

/**
 * What the indicators are computed for: a period (both days included), a pathway (catalogue id) or
 * all, organisations (empty: every unit the reader may see), and a patient group.
 *
 * @param ageBand the patient's age at the start of the pathway, or {@code null} for all ages
 * @param sex the sex the identity number records, or {@code null} for both
 */
public record IndicatorQuery(
    LocalDate from,
    LocalDate to,
    @Nullable String pathway,
    Set<String> organisations,
    @Nullable AgeBand ageBand,
    @Nullable Sex sex) {

  public IndicatorQuery {
    if (from == null || to == null) {
      throw new InvalidIndicatorQueryException(
          InvalidIndicatorQueryException.Problem.PERIOD_REQUIRED);
    }
    if (to.isBefore(from)) {
      throw new InvalidIndicatorQueryException(
          InvalidIndicatorQueryException.Problem.PERIOD_REVERSED, from, to);
    }
    if (from.plusYears(50).isBefore(to)) {
      throw new InvalidIndicatorQueryException(
          InvalidIndicatorQueryException.Problem.PERIOD_TOO_LONG, 50);
    }
    organisations = organisations == null ? Set.of() : Set.copyOf(organisations);
    pathway = pathway == null || pathway.isBlank() ? null : pathway;
  }

  public static IndicatorQuery period(LocalDate from, LocalDate to) {
    return new IndicatorQuery(from, to, null, Set.of(), null, null);
  }

  public IndicatorQuery withPathway(@Nullable String id) {
    return new IndicatorQuery(from, to, id, organisations, ageBand, sex);
  }

  public IndicatorQuery withOrganisations(Set<String> ids) {
    return new IndicatorQuery(from, to, pathway, ids, ageBand, sex);
  }

  public IndicatorQuery withAgeBand(@Nullable AgeBand band) {
    return new IndicatorQuery(from, to, pathway, organisations, band, sex);
  }

  public IndicatorQuery withSex(@Nullable Sex value) {
    return new IndicatorQuery(from, to, pathway, organisations, ageBand, value);
  }
}

package no.forlop.reporting;

import org.jspecify.annotations.Nullable;

/**
 * Age groups for the patient-group filter: the patient's age in whole years on the day the pathway
 * started (read from the identity number). Children, then the bands in which cancer incidence
 * rises.
 */
public enum AgeBand {
  AGE_0_17(0, 17),
  AGE_18_39(18, 39),
  AGE_40_59(40, 59),
  AGE_60_69(60, 69),
  AGE_70_79(70, 79),
  AGE_80_PLUS(80, null);

  private final int from;
  private final @Nullable Integer to;

  AgeBand(int from, @Nullable Integer to) {
    this.from = from;
    this.to = to;
  }

  public int from() {
    return from;
  }

  /** The last age in the band, or {@code null} for the open-ended last band. */
  public @Nullable Integer to() {
    return to;
  }
}

package no.forlop.mdt.domain;

/**
 * The intention of the treatment an MDT decides on (behandlingsintensjon). Kept as data in the
 * meeting record; no pathway code carries it.
 */
public enum TreatmentIntention {
  /** Kurativ: to cure. */
  CURATIVE,
  /** Livsforlengende: to prolong life. */
  LIFE_PROLONGING,
  /** Palliativ: to relieve symptoms. */
  PALLIATIVE,
  /** No treatment. */
  NONE,
  /** Not decided yet. */
  NOT_DECIDED
}

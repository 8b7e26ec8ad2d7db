package no.forlop.catalog;

/**
 * The kinds of milestone a pathway code can mark. The order of the constants is the clinical order
 * used to sort codes registered on the same day.
 */
public enum Milestone {
  /** Start (pakkeforløp start / nasjonalt pasientforløp start), suffix A for cancer. */
  PATHWAY_START,
  /** First attendance (utredning start – første fremmøte), suffix S for cancer. */
  FIRST_ATTENDANCE,
  /** Patient-caused delay (pasientutsatt forløp), event L in mental health and substance use. */
  PATIENT_DELAY,
  /** Clinical decision (klinisk beslutning), suffixes C*. */
  CLINICAL_DECISION,
  /** Treatment start (behandling start), suffixes F*. */
  TREATMENT_START,
  /** Evaluation point (evaluering) in mental health and substance use. */
  EVALUATION,
  /** Transferred to another health trust (overført), suffix O. */
  TRANSFERRED,
  /** Pathway end (pakkeforløp slutt / avslutning), suffix X for cancer. */
  PATHWAY_END
}

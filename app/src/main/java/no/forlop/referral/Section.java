package no.forlop.referral;

/** The parts of a pathway's entry criteria, in the order of the directorate's diagnoseveiledere. */
public enum Section {
  /** What makes the GP suspect the disease (mistanke om kreft). */
  SIGNS,
  /** What the GP or a specialist does first (filterfunksjon). */
  FILTER_STEPS,
  /** The findings that give a well-founded suspicion (begrunnet mistanke). */
  CRITERIA,
  /** What the referral must contain. */
  REFERRAL_CONTENT
}

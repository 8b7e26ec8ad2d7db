package no.forlop.referral;

/** Who carries out a filter step. */
public enum Performer {
  /** The GP (fastlege) before referring. */
  GP,
  /** A specialist (a urologist, say) after the GP's referral. */
  SPECIALIST
}

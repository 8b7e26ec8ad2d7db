package no.forlop.coding.domain;

import no.forlop.pathway.RemarkKind;

/**
 * Why a derived code is only proposed, as a remark each reader gets in their language ({@code
 * derivation.note.<NAME>} in {@code messages-derivation.properties}).
 */
public enum DerivationNote implements RemarkKind {
  /** The pathway was inferred from the ICD-10 reason of a PK referral without a pathway code. */
  PATHWAY_INFERRED_FROM_ICD10,
  /** The patient has several open pathways; the event went to the latest started. */
  ATTRIBUTED_TO_LATEST_STARTED,
  /**
   * {0} the code as sent, {1} the concept it counts as, {2} the terminology of the unverified
   * default mapping.
   */
  UNVERIFIED_MAPPING,
  /** No decision with an outcome: {0} the diagnosis, {1} the outcome it suggests. */
  DECISION_FROM_DIAGNOSIS,
  /** {0} the appointment cancelled or missed, {1} working days until the next one. */
  PATIENT_DELAY,
  /**
   * A transfer whose referral may be only for an examination or advice: {0} the code as sent, {1}
   * the concept it may mean, {2} the terminology of the unverified default mapping.
   */
  TRANSFER_MAYBE_EXAMINATION_OR_ADVICE,
  /**
   * The patient declined further work-up or treatment: {0} the procedure not done, {1} the reason
   * code as sent.
   */
  PATIENT_DECLINED,
  /**
   * The patient was referred outside the pathway (a private clinic, abroad): {0} the code as sent,
   * {1} the organisation it was sent to.
   */
  REFERRED_OUTSIDE_PATHWAY;

  @Override
  public String keyPrefix() {
    return "derivation.note.";
  }
}

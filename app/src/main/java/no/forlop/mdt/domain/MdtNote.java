package no.forlop.mdt.domain;

import no.forlop.pathway.RemarkKind;

/**
 * What an MDT meeting's decision code says about itself, as a remark each reader gets in their
 * language ({@code mdt.note.<NAME>} in {@code messages-mdt.properties}).
 */
public enum MdtNote implements RemarkKind {
  /** {0} the day of the meeting. */
  AWAITS_CONVERSATION,
  /** {0} the day of the conversation with the patient, {1} the day of the meeting. */
  DISCUSSED_WITH_PATIENT;

  @Override
  public String keyPrefix() {
    return "mdt.note.";
  }
}

package no.forlop.mdt.domain;

import no.forlop.pathway.Remark;

/**
 * What an MDT meeting's decision code says about itself, as a remark each reader gets in their
 * language ({@code mdt.note.<NAME>} in {@code messages-mdt.properties}).
 */
public enum MdtNote {
  /** {0} the day of the meeting. */
  AWAITS_CONVERSATION,
  /** {0} the day of the conversation with the patient, {1} the day of the meeting. */
  DISCUSSED_WITH_PATIENT;

  /** The message key of the remark's text. */
  public String key() {
    return "mdt.note." + name();
  }

  /** The remark with these arguments. */
  public Remark with(Object... args) {
    return Remark.of(key(), args);
  }
}

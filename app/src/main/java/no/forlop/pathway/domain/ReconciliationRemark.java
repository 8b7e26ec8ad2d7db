package no.forlop.pathway.domain;

import no.forlop.pathway.RemarkKind;

/**
 * Why the reconciliation proposed, corrected or withdrew a derived code, as a remark each reader
 * gets in their language ({@code remark.<NAME>} in {@code messages-pathway.properties}).
 */
public enum ReconciliationRemark implements RemarkKind {
  /** The EHR events behind the code no longer support it. */
  NO_LONGER_SUPPORTED,
  /** A person registered the same code. */
  SAME_AS_PERSON,
  /** Replaced by a proposal, as a person registered a different code. */
  REPLACED_BY_PROPOSAL,
  /** {0} the person's code, {1} its date. */
  DIFFERS_FROM_PERSON,
  /** A proposal replaced by the registered code the events now give: {0} the code, {1} its date. */
  REPLACED,
  /** {0} the source events. */
  EVENTS_CHANGED,
  /** The events changed and the new code is only proposed. */
  CHANGED_NOW_PROPOSED;

  @Override
  public String keyPrefix() {
    return "remark.";
  }
}

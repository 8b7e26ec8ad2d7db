package no.forlop.pathway;

/**
 * A fact from the EHR the derivation found for a pathway but could not code, and why: a treatment
 * dated before the decision, say, or one after a decision that gives no treatment in this pathway.
 * Shown on the pathway page so that nothing derivable is dropped in silence.
 *
 * @param source the resource as the sender knows it ({@code Procedure/op1})
 * @param reason why it was not coded, in the reader's language
 * @param ignored whether it was left out on purpose, by a rule (it belongs elsewhere), rather than
 *     because something is missing or wrong (rejected: a person can act on it)
 */
public record UnusedFact(String source, Remark reason, boolean ignored) {}

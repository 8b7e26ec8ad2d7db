/**
 * The pathway engine's rules in plain Java: the state machine and coding rules ({@link
 * no.forlop.pathway.domain.CodingRules}), the pathway aggregate with its history of facts ({@link
 * no.forlop.pathway.domain.PatientPathway}), and the lead-time engine ({@link
 * no.forlop.pathway.domain.LeadTimes}). No framework imports (checked by DomainPurityTest).
 * Internal to the module: what other modules read of a pathway (its code states, facts, lead times,
 * rejections) is the module's API in {@code no.forlop.pathway}.
 */
@org.jspecify.annotations.NullMarked
package no.forlop.pathway.domain;

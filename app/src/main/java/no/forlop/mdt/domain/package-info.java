/**
 * The MDT decision rule in plain Java ({@link no.forlop.mdt.domain.DecisionCoding}): which
 * clinical-decision code, dated when and in which state, follows from a decision recorded in a
 * meeting. No framework imports (checked by DomainPurityTest).
 */
@org.jspecify.annotations.NullMarked
package no.forlop.mdt.domain;

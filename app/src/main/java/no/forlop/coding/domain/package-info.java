/**
 * The derivation rules in plain Java: from one patient's EHR facts to the codes each of their
 * pathway instances should carry, with the rule and the source events behind every code.
 */
@org.springframework.modulith.NamedInterface("domain")
@org.jspecify.annotations.NullMarked
package no.forlop.coding.domain;

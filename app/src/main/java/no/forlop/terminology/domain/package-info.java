/**
 * Terminology in plain Java: Forløp's own concepts ({@link no.forlop.terminology.domain.Concept}),
 * the mappings from the codes an EHR sends (SNOMED CT, NCSP/NCMP, a hospital's local codes) to
 * them, and the matching of a resource's codes against a rule's concepts. No framework imports
 * (checked by DomainPurityTest).
 */
@org.springframework.modulith.NamedInterface("domain")
@org.jspecify.annotations.NullMarked
package no.forlop.terminology.domain;

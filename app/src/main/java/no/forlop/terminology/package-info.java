/**
 * Terminology the hospital can change: Forløp's own concepts (surgery, biopsy, radiotherapy, drug
 * treatment …), the default mappings from SNOMED CT and NCSP/NCMP codes to them (data, each with
 * its source and whether it was verified: terminology/default-mappings.yaml), and the hospital's
 * FHIR ConceptMap of local codes, loaded over REST, versioned, audited, and in force for the
 * derivation ({@code coding}) from the moment it is activated.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "web", "access"})
@org.jspecify.annotations.NullMarked
package no.forlop.terminology;

/**
 * The anti-corruption layer between the EHR and Forløp: deliveries of FHIR R4 resources (a Bundle,
 * a single resource or NDJSON) are read one resource at a time, validated and translated into
 * {@link no.forlop.coding.ClinicalEvent}s; what cannot be used is reported with a reason a person
 * can act on, never dropped in silence. Nothing outside this module sees FHIR. Deliveries come from
 * files ({@code bin/forlop replay}) and from the FHIR endpoint at {@code /fhir} ({@code
 * fhir.server}).
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {
      "coding",
      "coding :: domain",
      "patient",
      "calendar",
      "web",
      "audit",
      "access",
      "database",
      "pathway",
      "catalog"
    })
@org.jspecify.annotations.NullMarked
package no.forlop.ingest;

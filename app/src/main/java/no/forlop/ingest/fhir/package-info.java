/**
 * FHIR R4 translation: {@link no.forlop.ingest.fhir.FhirDeliveryReader} splits a delivery into
 * resources, parses each on its own with HAPI FHIR, and hands it to the translator for its type.
 */
@org.jspecify.annotations.NullMarked
package no.forlop.ingest.fhir;

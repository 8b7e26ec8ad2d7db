/**
 * The FHIR R4 endpoint at {@code /fhir}: HAPI FHIR's plain {@code RestfulServer} speaks the
 * protocol (routing, content negotiation, the CapabilityStatement, errors as OperationOutcomes),
 * and Forløp's own reader decides what is accepted, strictly and one resource at a time. HAPI never
 * parses a request body here: {@link no.forlop.ingest.fhir.server.UnparsedBodies} hands it a
 * stand-in, and the raw body goes to {@link no.forlop.ingest.IntakeService} as a delivery.
 *
 * <p>A batch stores every good entry and answers each bad one with its own 4xx; a transaction is
 * all or nothing. See docs/adr/0008-fhir-endpoint.md.
 */
@org.jspecify.annotations.NullMarked
package no.forlop.ingest.fhir.server;

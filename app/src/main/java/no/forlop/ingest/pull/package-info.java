/**
 * The pull connector: Forløp asks the EHR's FHIR server, on a schedule, for the resources of the
 * types it reads that changed since it last asked ({@code _lastUpdated=gt<cursor>}, page by page),
 * hands each page to the intake service, and remembers per server and resource type the newest
 * {@code meta.lastUpdated} it has received. A milestone whose push failed is still found.
 */
@org.jspecify.annotations.NullMarked
package no.forlop.ingest.pull;

/**
 * The coordinator's start page: the worklist of every open pathway in the user's units (a read
 * model kept in step with the pathways' changes), its filters, sorting and CSV export.
 */
@org.jspecify.annotations.NullMarked
package no.forlop.coordinator.worklist;

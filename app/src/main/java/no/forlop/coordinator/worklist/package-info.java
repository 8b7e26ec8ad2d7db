/**
 * The coordinator's start page: the worklist of the open pathways in the user's units (a read model
 * kept in step with the pathways' changes), by default those that need action now, each with why
 * (ADR 0035), "Alle åpne" one click away; what changed since the user's last visit; its filters,
 * sorting and CSV export.
 */
@org.jspecify.annotations.NullMarked
package no.forlop.coordinator.worklist;

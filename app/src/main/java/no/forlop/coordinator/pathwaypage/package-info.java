/**
 * A patient's pathway page (timeline with the why of every code, lead-time bars, history, the
 * coordinator's actions and notes) and its forms. Reads and changes go through {@link
 * no.forlop.pathway.PathwayService}, which checks the user's units and audits.
 */
@org.jspecify.annotations.NullMarked
package no.forlop.coordinator.pathwaypage;

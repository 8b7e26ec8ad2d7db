/**
 * The municipality page of a pathway: the patient's municipal contact and the status messages to it
 * at start, decision and closure.
 */
@org.jspecify.annotations.NullMarked
package no.forlop.coordinator.municipality;

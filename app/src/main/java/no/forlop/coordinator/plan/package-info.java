/**
 * The patient's plan: what has happened and what comes next, in words for the patient, as a print
 * view and as PDF (the same template).
 */
@org.jspecify.annotations.NullMarked
package no.forlop.coordinator.plan;

/**
 * A patient's pathway instance (patient, pathway, owning organisation) as an explicit state
 * machine; every code validated against the coding guide's rules; corrections and withdrawals kept
 * as new facts; and the lead times (OF1–OF4 and the mental-health intervals) against the norms in
 * force. The rules themselves live in the framework-free {@code domain} package.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"catalog", "calendar", "patient", "audit", "web", "access", "database"})
@org.jspecify.annotations.NullMarked
package no.forlop.pathway;

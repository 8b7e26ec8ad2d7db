/**
 * The report to Norsk pasientregister (NPR): for an organisation and a period, every registered
 * pathway code dated in the period as an XML document of Forløp's own schema (per patient under a
 * key local to the delivery, per pathway instance, per code), with the patients' national identity
 * numbers in a separate identification document (as NPR's npr_ide). Both are validated against
 * their schemas before anything is stored; every delivery is kept, append-only, with its documents
 * and their SHA-256, and a later delivery for the same organisation and period supersedes the
 * earlier one. Reads the registered codes from the statistics' read model through {@code
 * reporting.RegisteredCodes}. See docs/adr/0012-npr-delivery.md for what of NPR's format could and
 * could not be verified.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"access", "audit", "calendar", "patient", "reporting", "web"})
@org.jspecify.annotations.NullMarked
package no.forlop.npr;

/**
 * The pathway coordinator's web app, one sub-package per page: {@code worklist} (the start page, a
 * read model of every open pathway kept in step with the pathways' changes, and its export), {@code
 * pathwaypage} (a patient's pathway page: timeline, why, confirm, correct, withdraw, register by
 * hand, coordinator, evaluation, type change, notes), {@code plan} (the patient's plan, print and
 * PDF) and {@code municipality} (the municipal contact and status messages); {@code web} holds what
 * the pages share. Norwegian bokmål, English as second language; usable with the keyboard. Nothing
 * here is used by another module: the module has no API.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"pathway", "catalog", "access", "audit", "calendar", "patient", "web"})
@org.jspecify.annotations.NullMarked
package no.forlop.coordinator;

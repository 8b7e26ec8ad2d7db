/**
 * The audit log: every read and write of a patient's data, through any interface, is recorded with
 * who, what, which patient, when and why. Append-only (the database refuses updates and deletes)
 * and queryable by patient.
 *
 * <p>The actor of a request is the signed-in user (module {@code access}); the purpose comes from
 * the {@code X-Forlop-Purpose} header, one of {@link no.forlop.access.Purpose}, and defaults by
 * route (ADR 0025). Failed sign-ins and lockouts are recorded too, without a patient.
 */
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"web", "patient", "access", "database"})
@org.jspecify.annotations.NullMarked
package no.forlop.audit;

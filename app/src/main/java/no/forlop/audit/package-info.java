/**
 * The audit log: every read and write of a patient's data, through any interface, is recorded with
 * who, what, which patient, when and why. Append-only (the database refuses updates and deletes)
 * and queryable by patient.
 *
 * <p>Until sign-in arrives, the actor is taken from the request header {@code X-Forlop-User} and
 * defaults to the clearly named local user {@link Actor#LOCAL_USER_ID}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web", "patient"})
@org.jspecify.annotations.NullMarked
package no.forlop.audit;

/**
 * Who may do what: sign-in (a form for people, HTTP Basic for systems), the roles (coordinator,
 * clinician, leader/analyst, administrator, integration), the units each user belongs to (a user
 * sees only the patients of their units), and the acting {@link no.forlop.access.Actor} of every
 * request. Users are configured locally for now ({@code forlop.access.users}); the design leaves
 * room for OIDC (HelseID) sign-in, which maps a token's claims to the same {@link
 * no.forlop.access.User}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web"})
@org.jspecify.annotations.NullMarked
package no.forlop.access;

/**
 * Who may do what: sign-in (a form for people, HTTP Basic for systems), the roles (coordinator,
 * clinician, leader/analyst, administrator, integration), the units each user belongs to (a user
 * sees only the patients of their units), and the acting {@link no.forlop.access.Actor} of every
 * request. Users are configured locally ({@code forlop.access.users}, the default); when
 * configured, people also sign in with HelseID-shaped OIDC and systems with bearer tokens, both
 * mapped to the same {@link no.forlop.access.User} ({@code forlop.oidc.*}, ADR 0027, docs/oidc.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web"})
@org.jspecify.annotations.NullMarked
package no.forlop.access;

/**
 * Who may do what: sign-in (a form for people, HTTP Basic for systems), the roles (coordinator,
 * clinician, leader/analyst, administrator, integration), the units each user belongs to (a user
 * sees only the patients of their units), and the acting {@link no.forlop.access.Actor} of every
 * request. Users are configured locally ({@code forlop.access.users}, the default); when
 * configured, people also sign in with HelseID-shaped OIDC and systems with bearer tokens, both
 * mapped to the same {@link no.forlop.access.User} ({@code forlop.oidc.*}, ADR 0027, docs/oidc.md).
 *
 * <p>Password guessing is stopped by {@link no.forlop.access.SignInGuard} (a username locked after
 * 10 failures in a row, a client address throttled); the purpose of every access comes from the
 * closed list {@link no.forlop.access.Purpose}, with a default by route (ADR 0025).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"web"})
@org.jspecify.annotations.NullMarked
package no.forlop.access;

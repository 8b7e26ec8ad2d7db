package no.forlop.access;

/**
 * A principal that already knows its Forløp {@link User}: a person signed in with OIDC, or a system
 * with a bearer token. {@link Users#current()} answers with it instead of looking up a local user.
 */
interface SignedIn {

  User user();
}

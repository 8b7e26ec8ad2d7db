package no.forlop.access;

/**
 * What the sign-in page offers (the template reads the bean {@code signInOptions}).
 *
 * @param helseId the "Logg inn med HelseID" button (when OIDC is configured)
 * @param localForm the local user name and password form
 * @param requiredSecurityLevel the security level a HelseID sign-in must have, named when one below
 *     it is refused
 */
public record SignInOptions(boolean helseId, boolean localForm, int requiredSecurityLevel) {}

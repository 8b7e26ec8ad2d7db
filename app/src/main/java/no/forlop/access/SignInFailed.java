package no.forlop.access;

import org.jspecify.annotations.Nullable;

/**
 * A sign-in that failed (wrong password, or a username nobody has), for the audit log.
 *
 * @param user the configured username tried, or {@code null} when the name given is nobody's: what
 *     was typed there may be a password or a patient's fødselsnummer, so it is not passed on
 * @param address the client address the attempt came from
 * @param inARow the failures in a row for this username, this one included
 */
public record SignInFailed(@Nullable String user, String address, int inARow) {}

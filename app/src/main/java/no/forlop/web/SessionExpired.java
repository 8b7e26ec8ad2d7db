package no.forlop.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Marks a page request refused because its form carried no valid CSRF token, which for a person
 * means the session ended while the page was open (issue 16): the error page then says "the session
 * has expired, load the page again" instead of "no access".
 */
public final class SessionExpired {

  private static final String ATTRIBUTE = SessionExpired.class.getName();

  private SessionExpired() {}

  /** Marks the request (set by the sign-in's refusal, read by {@link ErrorPages}). */
  public static void mark(HttpServletRequest request) {
    request.setAttribute(ATTRIBUTE, Boolean.TRUE);
  }

  static boolean isMarked(HttpServletRequest request) {
    return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
  }
}

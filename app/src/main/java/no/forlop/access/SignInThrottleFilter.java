package no.forlop.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import no.forlop.web.ApiProblem;
import no.forlop.web.ApiProblems;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses a sign-in attempt before its password is checked while its username or its client address
 * is locked ({@link SignInGuard}): on the APIs (HTTP Basic) with 429, {@code Retry-After} and an
 * OperationOutcome ({@code SIGN_IN_LOCKED}); on the sign-in form by showing the form again with the
 * lockout message. The answer is the same whether or not the username exists.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

  /** Where the attempt comes from: the Basic header of an API call, or the sign-in form. */
  enum Channel {
    BASIC,
    FORM
  }

  private final SignInGuard guard;
  private final Channel channel;
  private final MessageSource messages;
  private final LocaleResolver locales;

  SignInThrottleFilter(
      SignInGuard guard, Channel channel, MessageSource messages, LocaleResolver locales) {
    this.guard = guard;
    this.channel = channel;
    this.messages = messages;
    this.locales = locales;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var username = channel == Channel.BASIC ? basicUsername(request) : formUsername(request);
    var refused =
        username == null
            ? java.util.Optional.<Duration>empty()
            : guard.refusedFor(username, request.getRemoteAddr());
    if (refused.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    if (channel == Channel.FORM) {
      response.sendRedirect(request.getContextPath() + "/login?locked");
      return;
    }
    var seconds = Math.max(1, (refused.get().toMillis() + 999) / 1000);
    var problem =
        new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "throttled", "SIGN_IN_LOCKED", seconds);
    response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    ApiProblems.write(
        response,
        HttpStatus.TOO_MANY_REQUESTS.value(),
        problem.outcome(messages, locales.resolveLocale(request)));
  }

  /** The username of an HTTP Basic Authorization header, if the request has a readable one. */
  static @Nullable String basicUsername(HttpServletRequest request) {
    var header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      var decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      var colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null; // not Base64: Spring Security's Basic filter answers it
    }
  }

  /** The username of a sign-in form post, if this is one. */
  static @Nullable String formUsername(HttpServletRequest request) {
    if (!"POST".equals(request.getMethod())
        || !request.getRequestURI().equals(request.getContextPath() + "/login")) {
      return null;
    }
    var username = request.getParameter("username");
    return username == null ? null : username.trim(); // as Spring Security's form filter reads it
  }
}

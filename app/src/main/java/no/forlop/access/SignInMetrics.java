package no.forlop.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Counts failed sign-ins and lockouts for Prometheus (ADR 0045), by the way in: {@code form} (the
 * sign-in page), {@code basic} (HTTP Basic on the APIs) or {@code oidc} (HelseID: a person's
 * sign-in or a system's access token); a lockout also by what was locked ({@code username} or
 * {@code address}). Never the username or the address: what was typed as a username may be a
 * password or a fødselsnummer.
 */
@Component
class SignInMetrics {

  static final String FAILURES = "forlop.signin.failures";
  static final String LOCKOUTS = "forlop.signin.lockouts";

  /** The ways in, as tag values. */
  enum Method {
    FORM,
    BASIC,
    OIDC;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MeterRegistry registry;

  SignInMetrics(MeterRegistry registry) {
    this.registry = registry;
    // every series from the start, so a rate over a quiet period is 0, not absent
    for (var method : Method.values()) {
      failures(method);
      for (var scope : SignInLocked.Scope.values()) {
        lockouts(method, scope);
      }
    }
  }

  @EventListener
  void onFailure(AbstractAuthenticationFailureEvent event) {
    failures(methodOf(event.getAuthentication(), authorizationHeader())).increment();
  }

  @EventListener
  void onLocked(SignInLocked locked) {
    lockouts(methodOf(null, authorizationHeader()), locked.scope()).increment();
  }

  /**
   * The way in of a sign-in attempt: a password with an HTTP Basic header, a password from the
   * form, anything else (an OIDC sign-in, a bearer token) through HelseID.
   *
   * @param authentication the attempt, or {@code null} when only the request is known (a lockout
   *     that follows a password attempt)
   */
  static Method methodOf(
      @Nullable Authentication authentication, @Nullable String authorizationHeader) {
    if (authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Method.BASIC;
    }
    if (authentication == null || authentication instanceof UsernamePasswordAuthenticationToken) {
      return authorizationHeader != null
              && authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)
          ? Method.OIDC
          : Method.FORM;
    }
    return Method.OIDC;
  }

  private static @Nullable String authorizationHeader() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
        ? servlet.getRequest().getHeader("Authorization")
        : null;
  }

  private Counter failures(Method method) {
    return Counter.builder(FAILURES)
        .description("Failed sign-ins (a wrong password, an unknown user, a token refused)")
        .tag("method", method.tag())
        .register(registry);
  }

  private Counter lockouts(Method method, SignInLocked.Scope scope) {
    return Counter.builder(LOCKOUTS)
        .description("Usernames or client addresses locked after too many failed sign-ins")
        .tags("method", method.tag(), "scope", scope.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }
}

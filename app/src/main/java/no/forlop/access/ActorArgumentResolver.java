package no.forlop.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controller methods the {@link Actor} behind a request: the signed-in user with their units,
 * and the purpose from the {@code X-Forlop-Purpose} header, one of the closed list of {@link
 * Purpose}s (without the header: the route's default, {@link PurposeDefaults}). An unknown or
 * over-long purpose is refused with {@link InvalidPurposeException} (400); with the emergency
 * accesses (nødtilgang) open now for a coordinator or clinician. A request without a signed-in user
 * acts as nobody with no units.
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

  static final String PURPOSE_HEADER = Purpose.PURPOSE_HEADER;

  private final Users users;
  private final Supplier<@Nullable EmergencyGrants> grants;

  ActorArgumentResolver(Users users, Supplier<@Nullable EmergencyGrants> grants) {
    this.users = users;
    this.grants = grants;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Actor.class.equals(parameter.getParameterType());
  }

  @Override
  public Actor resolveArgument(
      MethodParameter parameter,
      @Nullable ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      @Nullable WebDataBinderFactory binderFactory) {
    var why = purpose(request).code();
    return users
        .current()
        .map(u -> withEmergencyAccess(u, u.actor(why)))
        .orElseGet(() -> new Actor("anonymous", why, java.util.Set.of()));
  }

  /** Only coordinators and clinicians are given emergency access, so only theirs are looked up. */
  private Actor withEmergencyAccess(User user, Actor actor) {
    if (!user.mayAskForEmergencyAccess()) {
      return actor;
    }
    var emergencyGrants = grants.get();
    if (emergencyGrants == null) {
      return actor;
    }
    var open = emergencyGrants.activeAccess(user.username());
    return open.isEmpty() ? actor : actor.withEmergencyAccess(open);
  }

  /** The purpose the request names, or its route's default. */
  static Purpose purpose(NativeWebRequest request) {
    var servlet = request.getNativeRequest(HttpServletRequest.class);
    var path =
        servlet == null
            ? "/"
            : servlet.getRequestURI().substring(servlet.getContextPath().length());
    return Purpose.of(request.getHeader(PURPOSE_HEADER), PurposeDefaults.forPath(path));
  }
}

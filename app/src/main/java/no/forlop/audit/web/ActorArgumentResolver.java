package no.forlop.audit.web;

import no.forlop.audit.Actor;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Gives controller methods the {@link Actor} behind a request: the {@code X-Forlop-User} and {@code
 * X-Forlop-Purpose} headers, or the local user when they are absent.
 */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

  static final String USER_HEADER = "X-Forlop-User";
  static final String PURPOSE_HEADER = "X-Forlop-Purpose";

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
    var user = request.getHeader(USER_HEADER);
    var purpose = request.getHeader(PURPOSE_HEADER);
    return new Actor(
        user == null || user.isBlank() ? Actor.LOCAL_USER_ID : user.strip(),
        purpose == null || purpose.isBlank() ? Actor.DEFAULT_PURPOSE : purpose.strip());
  }
}

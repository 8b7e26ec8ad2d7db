package no.forlop.access;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets every controller receive the acting {@link no.forlop.access.Actor}; serves the sign-in page.
 */
@Configuration(proxyBeanMethods = false)
class AccessWebConfiguration implements WebMvcConfigurer {

  private final Users users;
  private final ObjectProvider<EmergencyGrants> grants;

  /**
   * @param grants the emergency accesses; absent in a web slice test without a database, where the
   *     actor then has none
   */
  AccessWebConfiguration(Users users, ObjectProvider<EmergencyGrants> grants) {
    this.users = users;
    this.grants = grants;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new ActorArgumentResolver(users, grants::getIfAvailable));
  }

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/login").setViewName("login");
  }
}

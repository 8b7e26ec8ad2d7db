package no.forlop.access;

import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.method.BaseMethodBinding;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractUrlHandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every route the running application answers, as {@code METHOD pattern}: the handler methods of
 * Spring MVC (controllers, the actuator's endpoints, springdoc), its URL mappings (the sign-in
 * page, static resources), the interactions of the FHIR endpoint (resource types folded into {@code
 * {type}}) and the routes Spring Security's filters answer themselves. A handler without a method
 * restriction is {@code *}.
 */
final class ApplicationRoutes {

  /** Answered by Spring Security's filters, before any handler. */
  static final List<String> FILTERS = List.of("POST /login", "POST /logout");

  private ApplicationRoutes() {}

  static Set<String> of(ApplicationContext context) {
    var routes = new TreeSet<String>(FILTERS);
    for (var mapping : context.getBeansOfType(HandlerMapping.class).values()) {
      if (mapping instanceof RequestMappingInfoHandlerMapping methods) {
        methods
            .getHandlerMethods()
            .keySet()
            .forEach(
                info -> {
                  var verbs = info.getMethodsCondition().getMethods();
                  for (var pattern : info.getPatternValues()) {
                    if (verbs.isEmpty()) {
                      routes.add("* " + pattern);
                    }
                    verbs.forEach(verb -> routes.add(verb.name() + " " + pattern));
                  }
                });
      } else if (mapping instanceof AbstractUrlHandlerMapping urls) {
        urls.getHandlerMap().keySet().forEach(pattern -> routes.add("GET " + versionless(pattern)));
      }
    }
    for (var registration : context.getBeansOfType(ServletRegistrationBean.class).values()) {
      if (registration.getServlet() instanceof RestfulServer fhir) {
        routes.addAll(fhir(fhir, registration.getUrlMappings().iterator().next().toString()));
      }
    }
    return routes;
  }

  /**
   * A library's version in a resource path (springdoc's swagger-ui webjar) as {@code {version}}.
   */
  private static String versionless(String pattern) {
    return pattern.replaceAll("/\\d+(\\.\\d+)+/", "/{version}/");
  }

  private static Set<String> fhir(RestfulServer server, String mapping) {
    var base = mapping.replace("/*", "");
    var routes = new TreeSet<String>();
    if (server.getServerConformanceMethod() != null) {
      routes.add("GET " + base + "/metadata");
    }
    server.getServerBindings().forEach(b -> routes.add(route(base, b)));
    for (var resource : server.getResourceBindings()) {
      resource.getMethodBindings().forEach(b -> routes.add(route(base, b)));
    }
    return routes;
  }

  private static String route(String base, BaseMethodBinding binding) {
    var type = base + "/{type}";
    return switch (binding.getRestOperationType()) {
      case TRANSACTION, BATCH -> "POST " + base;
      case GET_PAGE -> "GET " + base + "?_getpages";
      case METADATA -> "GET " + base + "/metadata";
      case CREATE -> "POST " + type;
      case UPDATE -> "PUT " + type + "/{id}";
      case READ -> "GET " + type + "/{id}";
      case VREAD -> "GET " + type + "/{id}/_history/{vid}";
      case DELETE -> "DELETE " + type + "/{id}";
      case PATCH -> "PATCH " + type + "/{id}";
      case SEARCH_TYPE -> "GET " + type;
      case HISTORY_TYPE -> "GET " + type + "/_history";
      case VALIDATE -> "POST " + type + "/$validate";
      default -> "FHIR " + base + " " + binding.getRestOperationType().name();
    };
  }
}

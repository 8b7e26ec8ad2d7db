package no.forlop.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every error a page request ends in that no controller answered itself (issue 16): a bad parameter
 * (400), no access or an expired session (403), no such page (404), our own fault (500) — a page in
 * the user's language with the way back, never JSON, a stack trace or an internal detail. The APIs
 * ({@code /api/}, {@code /fhir}), the actuator and the API documentation keep Spring Boot's answers
 * exactly as before (JSON, or its HTML page for a client asking for HTML); so does a page address
 * fetched by a script that asks for JSON only.
 *
 * <p>A page POST without a valid CSRF token (the session ended while the page was open, {@link
 * SessionExpired}) says so, links back to the page the form was on, and shows the free text the
 * user typed so it can be copied (escaped, never saved).
 */
@Controller
@ConditionalOnWebApplication
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPages implements ErrorController {

  /** Where Spring Boot's own answers stay: not pages. */
  private static final List<String> NOT_PAGES =
      List.of("/api/", "/fhir", "/actuator", "/v3/api-docs", "/swagger-ui");

  /** The free-text fields of the pages' forms whose text an expired session shows back. */
  static final List<String> TYPED_FIELDS = List.of("text", "note", "reason", "comment");

  /** One free-text field the user filled in: its form field's name and what was typed. */
  public record Typed(String field, String text) {}

  private final BasicErrorController spring;
  private final ObjectProvider<RequestMappingHandlerMapping> mappings;

  ErrorPages(
      ErrorAttributes attributes,
      ObjectProvider<WebProperties> web,
      ObjectProvider<ErrorViewResolver> resolvers,
      @Qualifier("requestMappingHandlerMapping")
          ObjectProvider<RequestMappingHandlerMapping> mappings) {
    this.spring =
        new BasicErrorController(
            attributes,
            web.getIfAvailable(WebProperties::new).getError(),
            resolvers.orderedStream().toList());
    this.mappings = mappings;
  }

  @RequestMapping
  Object error(HttpServletRequest request, HttpServletResponse response) {
    var path = originalPath(request);
    if (!isPage(path) || asksForJsonOnly(request)) {
      return asksForHtml(request) ? spring.errorHtml(request, response) : spring.error(request);
    }
    var status = status(request);
    var expired = SessionExpired.isMarked(request);
    var page = new ModelAndView("errors/page");
    page.setStatus(HttpStatusCode.valueOf(status));
    response.setStatus(status);
    page.addObject("status", status);
    page.addObject("kind", expired ? "sessionExpired" : kind(status));
    if (expired) {
      page.addObject("back", wayBack(path));
      page.addObject("typed", typed(request));
    }
    if (isFormAction(path)) {
      // the layout's language link reloads the address in the other language: a form's address
      // is no page (GET there is a 404 or 405), so it goes to the page the form was on
      page.addObject("languageSwitch", wayBack(path));
    }
    return page;
  }

  /** Which text a status gets: errors.{kind}.title and errors.{kind}.text. */
  static String kind(int status) {
    return switch (status) {
      case 400 -> "badRequest";
      case 414, 431 -> "tooLarge";
      case 401, 403 -> "forbidden";
      case 404, 405 -> "notFound";
      default -> status >= 500 ? "serverError" : "badRequest";
    };
  }

  static boolean isPage(String path) {
    return NOT_PAGES.stream().noneMatch(p -> path.equals(p) || path.startsWith(p));
  }

  private static String originalPath(HttpServletRequest request) {
    var uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    var path = uri instanceof String s ? s : request.getRequestURI();
    var context = request.getContextPath();
    return !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
  }

  private static int status(HttpServletRequest request) {
    var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    if (code instanceof Integer status && status >= 400 && status <= 599) {
      return status;
    }
    return 500;
  }

  /** A script asking for JSON and not for HTML (a page's own fetch): Spring Boot's JSON. */
  private static boolean asksForJsonOnly(HttpServletRequest request) {
    var accepted = accepted(request);
    return accepted.stream().noneMatch(ErrorPages::html)
        && accepted.stream()
            .anyMatch(
                t ->
                    !t.isWildcardType()
                        && (MediaType.APPLICATION_JSON.includes(t)
                            || "json".equals(t.getSubtypeSuffix())));
  }

  /** As Spring Boot chooses its HTML page: the client names text/html (or text/*). */
  private static boolean asksForHtml(HttpServletRequest request) {
    return accepted(request).stream().anyMatch(ErrorPages::html);
  }

  private static boolean html(MediaType type) {
    return !type.isWildcardType()
        && type.includes(MediaType.TEXT_HTML)
        && type.getQualityValue() > 0;
  }

  private static List<MediaType> accepted(HttpServletRequest request) {
    var header = request.getHeader(HttpHeaders.ACCEPT);
    if (header == null || header.isBlank()) {
      return List.of();
    }
    try {
      return MediaType.parseMediaTypes(header);
    } catch (InvalidMediaTypeException e) {
      return List.of();
    }
  }

  /**
   * The page a refused form was on: the posted address, or the nearest address above it that is a
   * page (a GET route): {@code /pathways/{id}/notes} → {@code /pathways/{id}}. The start page when
   * none is.
   */
  String wayBack(String path) {
    if (path.equals("/login")) {
      return path; // the sign-in form's page is no controller's (Spring Security's form login)
    }
    var mapping = mappings.getIfAvailable();
    if (mapping == null || !path.startsWith("/") || path.startsWith("//")) {
      return "/";
    }
    var candidate = path;
    while (candidate.length() > 1) {
      if (isGetRoute(mapping.getHandlerMethods(), candidate)) {
        return candidate;
      }
      candidate = candidate.substring(0, candidate.lastIndexOf('/'));
    }
    return "/";
  }

  /**
   * Whether the address is a route that takes no GET (a form's action), so the error's own address
   * cannot be loaded again. The request's method does not tell: the error dispatch's may differ.
   */
  boolean isFormAction(String path) {
    var mapping = mappings.getIfAvailable();
    if (mapping == null || !path.startsWith("/") || path.startsWith("//")) {
      return false;
    }
    var container = PathContainer.parsePath(path);
    var routes = mapping.getHandlerMethods();
    var isRoute =
        routes.keySet().stream()
            .map(RequestMappingInfo::getPathPatternsCondition)
            .filter(java.util.Objects::nonNull)
            .anyMatch(c -> c.getPatterns().stream().anyMatch(p -> p.matches(container)));
    return isRoute && !isGetRoute(routes, path);
  }

  private static boolean isGetRoute(Map<RequestMappingInfo, ?> routes, String path) {
    var container = PathContainer.parsePath(path);
    return routes.keySet().stream()
        .filter(
            info -> {
              var methods = info.getMethodsCondition().getMethods();
              return !methods.isEmpty() && methods.contains(RequestMethod.GET);
            })
        .map(RequestMappingInfo::getPathPatternsCondition)
        .filter(java.util.Objects::nonNull)
        .anyMatch(c -> c.getPatterns().stream().anyMatch(p -> p.matches(container)));
  }

  /** What the user typed in the form's free-text fields, to copy (never saved). */
  private static List<Typed> typed(HttpServletRequest request) {
    var typed = new ArrayList<Typed>();
    for (var field : TYPED_FIELDS) {
      var value = request.getParameter(field);
      if (value != null && !value.isBlank()) {
        typed.add(new Typed(field, shortened(value)));
      }
    }
    return typed;
  }

  private static String shortened(@Nullable String text) {
    return text == null || text.length() <= TextLimits.ANY_PARAMETER
        ? String.valueOf(text)
        : text.substring(0, TextLimits.ANY_PARAMETER);
  }
}

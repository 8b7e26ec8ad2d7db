package no.forlop.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.HtmlUtils;

/**
 * The answers to requests refused at the edge, before Spring MVC or even the application sees them
 * (ADR 0047): a head over {@code forlop.http.max-request-head-size} ({@link RequestHeadLimit}) and
 * what Tomcat refuses itself ({@link ContainerErrorReport}). Each in the shape of the part of
 * Forløp the request was sent to: an OperationOutcome on {@code /fhir} and {@code /api/}, the error
 * page (or, where the application cannot be reached, a short page of its own) for the rest; in
 * Norwegian bokmål unless the client asks for English; never Tomcat's page or its version.
 */
@Component
class EdgeAnswers {

  /** What part of a request's head is too large. */
  enum TooLarge {
    /** The request line (the address with its query) is the larger part of the head. */
    ADDRESS(HttpStatus.URI_TOO_LONG, "URI_TOO_LONG"),
    /** The headers are the larger part of the head. */
    HEADERS(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "REQUEST_HEADER_TOO_LARGE");

    final HttpStatus status;
    final String reason;

    TooLarge(HttpStatus status, String reason) {
      this.status = status;
      this.reason = reason;
    }
  }

  private final MessageSource messages;

  EdgeAnswers(MessageSource messages) {
    this.messages = messages;
  }

  /**
   * A head over the limit, answered inside the application: an OperationOutcome on the APIs, the
   * error page (with the status) on the pages.
   */
  void tooLarge(HttpServletRequest request, HttpServletResponse response, TooLarge what, long limit)
      throws IOException {
    var path = request.getRequestURI().substring(request.getContextPath().length());
    if (isApi(path)) {
      var language = PreferredLanguage.of(request.getHeader("Accept-Language"));
      ApiProblems.write(
          response,
          what.status.value(),
          tooLarge(what, limit, "forlop.http.max-request-head-size").outcome(messages, language));
    } else {
      response.sendError(what.status.value());
    }
  }

  /**
   * An error Tomcat answers itself (the request never reached the application): the address may be
   * unknown (a request line Tomcat could not read to its end), and then so are the headers.
   */
  void fromContainer(
      @Nullable String path,
      @Nullable String acceptLanguage,
      HttpServletResponse response,
      int status,
      @Nullable TooLarge tooLarge,
      long limit)
      throws IOException {
    var language = PreferredLanguage.of(acceptLanguage);
    var problem =
        tooLarge != null
            ? tooLarge(tooLarge, limit, "server.max-http-request-header-size")
            : new ApiProblem(
                java.util.Objects.requireNonNullElse(
                    HttpStatus.resolve(status), HttpStatus.BAD_REQUEST),
                "invalid",
                status == 400 ? "UNREADABLE_REQUEST" : "REQUEST_FAILED",
                status);
    var answered = tooLarge != null ? tooLarge.status.value() : status;
    if (path != null && isApi(path)) {
      ApiProblems.write(response, answered, problem.outcome(messages, language));
      return;
    }
    response.setStatus(answered);
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(page(answered, problem, language));
  }

  /** A short page of its own, for when the application's error page cannot be reached. */
  private String page(int status, ApiProblem problem, Locale language) {
    var kind = ErrorPages.kind(status);
    var title = escape(text("errors." + kind + ".title", language));
    return "<!DOCTYPE html>\n<html lang=\""
        + language.getLanguage()
        + "\"><head><meta charset=\"utf-8\"><title>"
        + title
        + " – Forløp</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;"
        + "padding:0 1rem;color:#1d1d1d;line-height:1.5}</style></head><body><h1>"
        + title
        + "</h1><p>"
        + escape(problem.text(messages, language))
        + "</p><p><a href=\"/\">"
        + escape(text("errors.back.start", language))
        + "</a></p><p><small>"
        + escape(messages.getMessage("errors.status", new Object[] {status}, language))
        + "</small></p></body></html>\n";
  }

  /** Only what HTML needs escaped: the page is UTF-8, so ø stays ø. */
  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
  }

  private String text(String key, Locale language) {
    return messages.getMessage(key, null, key, language);
  }

  /** The refusal, naming the limit in the text and the setting with its bytes as diagnostics. */
  private static ApiProblem tooLarge(TooLarge what, long limit, String setting) {
    return new ApiProblem(what.status, "too-long", what.reason, size(limit))
        .diagnostics(setting + "=" + limit);
  }

  /** The limit as people read it: {@code 8 KB}, else in bytes. */
  static String size(long bytes) {
    return bytes % 1024 == 0
        ? DataSize.ofBytes(bytes).toKilobytes() + " KB"
        : String.format(Locale.ROOT, "%d bytes", bytes);
  }

  /** The APIs answer errors as OperationOutcomes: {@code /fhir} and {@code /api/}. */
  static boolean isApi(String path) {
    return path.equals("/fhir") || path.startsWith("/fhir/") || path.startsWith("/api/");
  }
}

package no.forlop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose head (request line and headers) is larger than {@code
 * forlop.http.max-request-head-size}, before anything else reads it: 414 when the request line (the
 * address) is the larger part of it, else 431; on {@code /fhir} and {@code /api/} an
 * OperationOutcome naming the limit, on the pages the error page. Tomcat takes heads up to a larger
 * size of its own so that these reach Forløp at all (ADR 0047).
 */
final class RequestHeadLimit extends OncePerRequestFilter {

  private final long limit;
  private final EdgeAnswers answers;

  RequestHeadLimit(long limit, EdgeAnswers answers) {
    this.limit = limit;
    this.answers = answers;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var line = requestLineSize(request);
    var headers = headersSize(request);
    if (line + headers > limit) {
      answers.tooLarge(
          request,
          response,
          line > headers ? EdgeAnswers.TooLarge.ADDRESS : EdgeAnswers.TooLarge.HEADERS,
          limit);
      return;
    }
    chain.doFilter(request, response);
  }

  /** {@code GET /path?query HTTP/1.1} and its line break, in bytes as sent. */
  static long requestLineSize(HttpServletRequest request) {
    var query = request.getQueryString();
    return bytes(request.getMethod())
        + 1
        + bytes(request.getRequestURI())
        + (query == null ? 0 : 1 + bytes(query))
        + 1
        + bytes(request.getProtocol())
        + 2;
  }

  /** Every header line ({@code Name: value} and its line break), and the empty line after them. */
  static long headersSize(HttpServletRequest request) {
    var size = 2L;
    for (var name : Collections.list(request.getHeaderNames())) {
      for (var value : Collections.list(request.getHeaders(name))) {
        size += bytes(name) + 2 + bytes(value) + 2;
      }
    }
    return size;
  }

  /** Tomcat reads the request line and headers as ISO-8859-1: a character is a byte. */
  private static long bytes(@Nullable String text) {
    return text == null ? 0 : text.length();
  }
}

package no.forlop.ingest.fhir.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import no.forlop.web.ApiProblems;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away, before HAPI sees them, the requests to {@code /fhir} that would otherwise end in a
 * 500 or be read to the end for nothing: a query string whose percent-encoding is broken (400) and
 * a body larger than {@code forlop.fhir.max-body-size} (413, at once when Content-Length says so,
 * else as soon as the limit is passed while reading). Both as OperationOutcomes in the request's
 * language.
 */
final class RequestGuard extends OncePerRequestFilter {

  /** The request attribute set when the body was read past the limit. */
  static final String TOO_LARGE = RequestGuard.class.getName() + ".tooLarge";

  private final long maxBodySize;

  RequestGuard(long maxBodySize) {
    this.maxBodySize = maxBodySize;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var language = Languages.of(request.getHeader("Accept-Language"));
    if (!decodable(request.getQueryString())) {
      refuse(response, Problem.badRequest("MALFORMED_QUERY"), language);
      return;
    }
    if (request.getContentLengthLong() > maxBodySize) {
      refuse(response, tooLarge(), language);
      return;
    }
    chain.doFilter(new Limited(request, maxBodySize), response);
  }

  /** The problem of a body over the limit. */
  Problem tooLarge() {
    return new Problem(
        413, IssueType.TOOLONG, Problem.text("BODY_TOO_LARGE", null, megabytes(maxBodySize)), null);
  }

  private static void refuse(HttpServletResponse response, Problem problem, Locale language)
      throws IOException {
    ApiProblems.write(response, problem.status(), problem.written(language));
  }

  private static boolean decodable(String query) {
    if (query == null) {
      return true;
    }
    try {
      for (var part : query.split("&")) {
        URLDecoder.decode(part, StandardCharsets.UTF_8);
      }
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0
        ? (bytes / (1024 * 1024)) + " MB"
        : String.format(Locale.ROOT, "%d bytes", bytes);
  }

  /** A body read past the limit. */
  static final class BodyTooLarge extends IOException {
    BodyTooLarge() {
      super("the request body is larger than forlop.fhir.max-body-size");
    }
  }

  /** The request with a body that stops at the limit. */
  private static final class Limited extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    Limited(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), limit, () -> setAttribute(TOO_LARGE, true));
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private final Runnable exceeded;
    private long read;

    Counting(ServletInputStream in, long limit, Runnable exceeded) {
      this.in = in;
      this.limit = limit;
      this.exceeded = exceeded;
    }

    private BodyTooLarge tooLarge() {
      exceeded.run();
      return new BodyTooLarge();
    }

    @Override
    public int read() throws IOException {
      var b = in.read();
      if (b >= 0 && ++read > limit) {
        throw tooLarge();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      var n = in.read(buffer, offset, length);
      if (n > 0 && (read += n) > limit) {
        throw tooLarge();
      }
      return n;
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }
  }
}

package no.forlop.web;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's error report, for the errors Tomcat answers before the application sees the request (ADR
 * 0047): a head over {@code server.max-http-request-header-size} (414 when Tomcat could not read
 * the request line to its end, 431 when the headers passed the limit), a request line or header
 * that is not HTTP (400). Answered by {@link EdgeAnswers} as the application answers (an
 * OperationOutcome on the APIs when the address is known, else a short page), never with Tomcat's
 * English page or its version. An error the application answered is left as it is.
 */
final class ContainerErrorReport extends ErrorReportValve {

  private static final Logger LOG = LoggerFactory.getLogger(ContainerErrorReport.class);

  /** Tomcat's message for a head over its limit, in the language Tomcat writes it in. */
  private static final String HEAD_TOO_LARGE =
      StringManager.getManager("org.apache.coyote.http11")
          .getString("iib.requestheadertoolarge.error");

  private final EdgeAnswers answers;
  private final long limit;

  /**
   * @param limit Tomcat's limit of a request's head, named in the answer
   */
  ContainerErrorReport(EdgeAnswers answers, long limit) {
    this.answers = answers;
    this.limit = limit;
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, @Nullable Throwable throwable) {
    if (response.getStatus() < 400 || response.getContentWritten() > 0) {
      return;
    }
    var io = new AtomicBoolean(false);
    response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
    if (!io.get() || !response.setErrorReported()) {
      return;
    }
    var path = request.getRequestURI();
    var tooLarge =
        throwable instanceof IllegalArgumentException e && HEAD_TOO_LARGE.equals(e.getMessage())
            ? path == null ? EdgeAnswers.TooLarge.ADDRESS : EdgeAnswers.TooLarge.HEADERS
            : null;
    try {
      response.resetBuffer();
      answers.fromContainer(
          path,
          path == null ? null : request.getHeader("Accept-Language"),
          response,
          response.getStatus(),
          tooLarge,
          limit);
      response.finishResponse();
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not write the answer to a request Tomcat refused", e);
    }
  }
}

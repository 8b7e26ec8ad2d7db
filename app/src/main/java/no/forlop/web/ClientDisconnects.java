package no.forlop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * A client that went away before its answer was written (a closed tab, a dropped connection, a
 * download stopped: Tomcat's {@code ClientAbortException}, Spring's {@code
 * AsyncRequestNotUsableException}, "Broken pipe") is nobody's fault here and needs no answer: it is
 * logged as one line at DEBUG, without a stack trace, instead of as an ERROR by the servlet
 * container (issue 16). Every other failure goes on as before. The line names the method and the
 * path, never the query or a patient.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClientDisconnects extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(ClientDisconnects.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException e) {
      if (!isDisconnect(e)) {
        throw e;
      }
      logQuietly(request, e);
    }
  }

  /** Whether the failure, or one of its causes, is the client having gone away. */
  public static boolean isDisconnect(Throwable e) {
    return DisconnectedClientHelper.isClientDisconnectedException(e);
  }

  /** One line at DEBUG: the client went away from this request. */
  public static void logQuietly(HttpServletRequest request, Throwable e) {
    if (log.isDebugEnabled()) {
      var cause = e;
      while (cause.getCause() != null && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      log.debug(
          "The client went away before the answer to {} {} was written ({}: {})",
          request.getMethod(),
          request.getRequestURI(),
          cause.getClass().getSimpleName(),
          cause.getMessage());
    }
  }
}

package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.FilterChain;
import java.io.IOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * A client that went away is logged as one quiet line, not as an error with a stack trace (issue
 * 16); every other failure still fails the request.
 */
class ClientDisconnectsTest {

  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(ClientDisconnects.class);
  private Level level;

  @BeforeEach
  void capture() {
    level = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    events.start();
    logger.addAppender(events);
  }

  @AfterEach
  void release() {
    logger.detachAppender(events);
    logger.setLevel(level);
  }

  private static MockHttpServletRequest request() {
    var request = new MockHttpServletRequest("GET", "/dashboard/export.csv");
    request.setQueryString("from=2024-01-01");
    return request;
  }

  private void filter(Exception thrown) throws Exception {
    FilterChain chain =
        (req, res) -> {
          if (thrown instanceof IOException io) {
            throw io;
          }
          throw (RuntimeException) thrown;
        };
    new ClientDisconnects().doFilter(request(), new MockHttpServletResponse(), chain);
  }

  @Test
  void a_dropped_connection_is_one_debug_line_without_a_stack_trace() throws Exception {
    filter(new ClientAbortException(new IOException("Broken pipe")));
    filter(new AsyncRequestNotUsableException("ServletOutputStream failed to flush"));
    filter(new IOException("Connection reset by peer"));

    assertThat(events.list).hasSize(3);
    assertThat(events.list)
        .allSatisfy(
            e -> {
              assertThat(e.getLevel()).isEqualTo(Level.DEBUG);
              assertThat(e.getThrowableProxy()).isNull();
              assertThat(e.getFormattedMessage())
                  .startsWith("The client went away before the answer to GET /dashboard/export.csv")
                  .doesNotContain("from=2024");
            });
    assertThat(events.list.get(0).getFormattedMessage()).contains("Broken pipe");
  }

  @Test
  void any_other_failure_still_fails_the_request_and_is_not_logged_here() {
    assertThatThrownBy(() -> filter(new IOException("disk full")))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
    assertThatThrownBy(() -> filter(new IllegalStateException("a bug")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(events.list).isEmpty();
  }

  @Test
  void the_rest_apis_handler_answers_nothing_to_a_client_that_went_away() {
    var handler =
        new ApiExceptionHandler(
            new ApiProblems(new org.springframework.context.support.StaticMessageSource()));
    var answer =
        handler.unexpected(
            new AsyncRequestNotUsableException("Response not usable after response errors."),
            request());
    assertThat(answer).isNull();
    assertThat(events.list)
        .singleElement()
        .extracting(ILoggingEvent::getLevel)
        .isEqualTo(Level.DEBUG);
  }
}

package no.forlop.ingest.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The FHIR endpoint's guard: a body up to the limit goes through, one byte more does not. */
class RequestGuardTest {

  private static final int LIMIT = 10;
  private final RequestGuard guard = new RequestGuard(LIMIT);

  private static MockHttpServletRequest post(int bytes) {
    var request = new MockHttpServletRequest("POST", "/fhir");
    request.setContent("x".repeat(bytes).getBytes(StandardCharsets.UTF_8));
    return request;
  }

  @Test
  void a_declared_body_at_the_limit_goes_through_and_one_byte_more_is_a_413() throws Exception {
    var atLimit = new MockHttpServletResponse();
    var chain = new MockFilterChain();
    guard.doFilter(post(LIMIT), atLimit, chain);

    var over = new MockHttpServletResponse();
    var notCalled = new MockFilterChain();
    guard.doFilter(post(LIMIT + 1), over, notCalled);

    assertThat(chain.getRequest()).isNotNull();
    assertThat(over.getStatus()).isEqualTo(413);
    assertThat(over.getContentAsString()).contains("BODY_TOO_LARGE", "OperationOutcome");
    assertThat(notCalled.getRequest()).isNull();
  }

  @Test
  void an_undeclared_body_stops_where_it_passes_the_limit() throws Exception {
    var chain = new MockFilterChain();
    var request = new MockHttpServletRequest("POST", "/fhir");
    request.setContent("y".repeat(LIMIT + 1).getBytes(StandardCharsets.UTF_8));
    // MockHttpServletRequest declares the length of its content; the guard must also count what
    // is read, for a chunked upload that declares none
    var undeclared =
        new jakarta.servlet.http.HttpServletRequestWrapper(request) {
          @Override
          public long getContentLengthLong() {
            return -1;
          }

          @Override
          public int getContentLength() {
            return -1;
          }
        };

    guard.doFilter(undeclared, new MockHttpServletResponse(), chain);

    var in = chain.getRequest().getInputStream();
    var exactly = in.readNBytes(LIMIT);
    assertThat(exactly).hasSize(LIMIT);
    assertThatThrownBy(in::read).isInstanceOf(RequestGuard.BodyTooLarge.class);
  }

  @Test
  void a_broken_percent_encoding_is_a_400_and_a_good_one_goes_through() throws Exception {
    var broken = new MockHttpServletRequest("GET", "/fhir/Encounter");
    broken.setQueryString("status=%zz");
    var good = new MockHttpServletRequest("GET", "/fhir/Encounter");
    good.setQueryString("identifier=urn:ehr%7C42");
    var refused = new MockHttpServletResponse();
    var chain = new MockFilterChain();

    guard.doFilter(broken, refused, new MockFilterChain());
    guard.doFilter(good, new MockHttpServletResponse(), chain);

    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).contains("MALFORMED_QUERY");
    assertThat(chain.getRequest()).isNotNull();
  }
}

package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class EdgeAnswersTest {

  @Test
  void the_apis_are_fhir_and_api_and_nothing_that_only_begins_like_them() {
    assertThat(EdgeAnswers.isApi("/fhir")).isTrue();
    assertThat(EdgeAnswers.isApi("/fhir/Task")).isTrue();
    assertThat(EdgeAnswers.isApi("/api/v1/catalogue")).isTrue();
    assertThat(EdgeAnswers.isApi("/fhirx")).isFalse();
    assertThat(EdgeAnswers.isApi("/api")).isFalse();
    assertThat(EdgeAnswers.isApi("/worklist")).isFalse();
  }

  @Test
  void a_limit_is_named_in_kilobytes_when_it_is_whole_ones() {
    assertThat(EdgeAnswers.size(8192)).isEqualTo("8 KB");
    assertThat(EdgeAnswers.size(65536)).isEqualTo("64 KB");
    assertThat(EdgeAnswers.size(8193)).isEqualTo("8193 bytes");
  }

  @Test
  void a_head_is_counted_as_sent_request_line_header_lines_and_the_empty_line() {
    var request = new MockHttpServletRequest("GET", "/fhir/Task");
    request.setQueryString("based-on=x");
    request.setProtocol("HTTP/1.1");
    request.addHeader("Host", "localhost");
    request.addHeader("X-Two", "a");
    request.addHeader("X-Two", "bc");

    assertThat(RequestHeadLimit.requestLineSize(request))
        .isEqualTo("GET /fhir/Task?based-on=x HTTP/1.1\r\n".length());
    assertThat(RequestHeadLimit.headersSize(request))
        .isEqualTo("Host: localhost\r\nX-Two: a\r\nX-Two: bc\r\n\r\n".length());
  }
}

package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import java.nio.charset.StandardCharsets;
import no.forlop.coordinator.PageSlice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The error pages alone (a Spring MVC slice; the servlet container's error dispatch is imitated by
 * its request attributes, as Tomcat sets them): a page request's error is a page in the user's
 * language with the way back and no internal detail; an API's, the actuator's or a script's asking
 * for JSON stays Spring Boot's JSON (issue 16).
 */
@WebMvcTest(ErrorPages.class)
@PageSlice
@Import(ErrorPagesTest.SomePages.class)
class ErrorPagesTest {

  /** Two pages and a form's action, for the way back from an expired session. */
  @Controller
  static class SomePages {
    @GetMapping("/pathways/{id}")
    @ResponseBody
    String page() {
      return "page";
    }

    @PostMapping("/pathways/{id}/notes")
    @ResponseBody
    String note() {
      return "saved";
    }
  }

  @Autowired MockMvc mvc;

  /** The error dispatch Tomcat makes for a request to this path that ended in this status. */
  private static MockHttpServletRequestBuilder errorOf(String path, int status) {
    return get("/error")
        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, path)
        .requestAttr(RequestDispatcher.ERROR_MESSAGE, "secret internal detail")
        .requestAttr(
            RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("secret stack frame"));
  }

  private String page(MockHttpServletRequestBuilder request, int status) throws Exception {
    var page =
        mvc.perform(request)
            .andExpect(status().is(status))
            .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .startsWith("<!DOCTYPE html>")
        .doesNotContain("\"timestamp\"")
        .doesNotContain("secret")
        .doesNotContain("IllegalStateException")
        .doesNotContain("Whitelabel");
    return page;
  }

  @Test
  void a_bad_request_is_a_norwegian_page_with_the_way_back() throws Exception {
    var page = page(errorOf("/mdt/abc", 400), 400);
    assertThat(page)
        .contains("<h1 id=\"error-title\">Ugyldig forespørsel</h1>")
        .contains("Feilkode 400")
        .contains("href=\"/worklist\"")
        .contains("Til arbeidslisten");
  }

  @Test
  void no_access_is_a_norwegian_page() throws Exception {
    assertThat(page(errorOf("/emergency-access", 403), 403))
        .contains("Ingen tilgang")
        .doesNotContain("Økten er utløpt");
  }

  @Test
  void no_such_page_is_a_norwegian_page_and_so_is_a_method_the_page_does_not_take()
      throws Exception {
    assertThat(page(errorOf("/nothing/here", 404), 404)).contains("Fant ikke siden");
    assertThat(page(errorOf("/pathways/x/notes", 405), 405)).contains("Fant ikke siden");
  }

  @Test
  void our_own_fault_is_a_norwegian_page_without_the_exception() throws Exception {
    assertThat(page(errorOf("/worklist", 500), 500))
        .contains("Noe gikk galt")
        .contains("Feilkode 500");
    // the error route called on its own: no status, so our fault
    assertThat(page(get("/error"), 500)).contains("Noe gikk galt");
  }

  @Test
  void the_page_is_in_english_when_the_user_chose_english() throws Exception {
    assertThat(page(errorOf("/nothing/here", 404).param("lang", "en"), 404))
        .contains("Page not found")
        .contains("Back to the worklist")
        .doesNotContain("Fant ikke siden");
  }

  @Test
  void an_expired_session_says_so_links_back_to_the_page_and_shows_what_was_typed_escaped()
      throws Exception {
    var request =
        post("/error")
            .with(csrf())
            .with(
                r -> {
                  SessionExpired.mark(r);
                  return r;
                })
            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
            .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/pathways/0a1b/notes")
            .param("text", "Ring fastlegen <script>alert(1)</script> & pasienten")
            .param("pathway", "0a1b");
    var page = page(request, 403);
    assertThat(page)
        .contains("Økten er utløpt – last siden på nytt")
        .contains("id=\"reload\"")
        .contains("href=\"/pathways/0a1b\"")
        .contains("Ring fastlegen &lt;script&gt;alert(1)&lt;/script&gt; &amp; pasienten")
        .doesNotContain("<script>alert")
        .doesNotContain("Ingen tilgang");
    // only the free-text fields are shown back, not ids or tokens
    assertThat(page).doesNotContain(">0a1b<");
  }

  @Test
  void the_language_link_after_a_form_leads_to_the_page_the_form_was_on() throws Exception {
    var afterForm =
        post("/error")
            .with(csrf())
            .with(
                r -> {
                  SessionExpired.mark(r);
                  return r;
                })
            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
            .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/pathways/0a1b/notes");
    assertThat(page(afterForm, 403))
        .contains("<a id=\"language-switch\" href=\"/pathways/0a1b?lang=en\">English</a>");
    // a page that is not there reloads in the other language, as any page does
    assertThat(page(errorOf("/nothing/here", 404), 404))
        .contains("<a id=\"language-switch\" href=\"?lang=en\">English</a>");
  }

  @Test
  void an_expired_session_without_typed_text_shows_no_copy_box() throws Exception {
    var request =
        get("/error")
            .with(
                r -> {
                  SessionExpired.mark(r);
                  return r;
                })
            .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 403)
            .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/nowhere/at/all");
    var page = page(request, 403);
    assertThat(page).contains("Økten er utløpt").doesNotContain("id=\"typed\"");
    // no page above the address: the start page
    assertThat(page).contains("id=\"reload\" role=\"button\" href=\"/\"");
  }

  @Test
  void the_apis_the_actuator_and_a_script_asking_for_json_keep_json() throws Exception {
    for (var path : new String[] {"/api/v1/nothing", "/fhir/Nothing", "/actuator/nothing"}) {
      var json =
          mvc.perform(errorOf(path, 404))
              .andExpect(status().isNotFound())
              .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      assertThat(json).as(path).contains("\"status\":404").doesNotContain("Fant ikke siden");
    }
    mvc.perform(errorOf("/nothing/here", 404).accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
    // a browser on the actuator gets Spring Boot's own HTML page, as before
    var html =
        mvc.perform(errorOf("/actuator/nothing", 404).accept(MediaType.TEXT_HTML))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).doesNotContain("Fant ikke siden");
  }

  @Test
  void kinds_of_status() {
    assertThat(ErrorPages.kind(400)).isEqualTo("badRequest");
    assertThat(ErrorPages.kind(413)).isEqualTo("badRequest");
    assertThat(ErrorPages.kind(414)).isEqualTo("tooLarge");
    assertThat(ErrorPages.kind(431)).isEqualTo("tooLarge");
    assertThat(ErrorPages.kind(415)).isEqualTo("badRequest");
    assertThat(ErrorPages.kind(403)).isEqualTo("forbidden");
    assertThat(ErrorPages.kind(404)).isEqualTo("notFound");
    assertThat(ErrorPages.kind(500)).isEqualTo("serverError");
    assertThat(ErrorPages.kind(503)).isEqualTo("serverError");
    assertThat(ErrorPages.isPage("/worklist")).isTrue();
    assertThat(ErrorPages.isPage("/apis")).isTrue();
    assertThat(ErrorPages.isPage("/api/v1/x")).isFalse();
    assertThat(ErrorPages.isPage("/fhir")).isFalse();
    assertThat(ErrorPages.isPage("/v3/api-docs")).isFalse();
  }
}

package no.forlop.coordinator;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import no.forlop.access.Users;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The pathway pages through Spring MVC and Spring Security (the whole application, one shared
 * context), signed in as a demo user by name: the page's session sign-in is replaced by {@code
 * user(...)}, and posts carry the CSRF token as a form would.
 */
public abstract class PageSupport extends ApplicationTest {

  @Autowired protected WebApplicationContext context;
  @Autowired protected IntakeService intake;
  @Autowired protected PathwayService pathways;
  @Autowired protected Users users;

  protected MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
  }

  /** A page's answer: status, body (UTF-8) and where a redirect goes. */
  protected record Page(
      int status, String contentType, String body, String redirect, byte[] bytes) {}

  protected PathwayView deliver(InventedPatient patient) {
    return patient.deliver(intake, pathways);
  }

  protected Page open(String path, String as) throws Exception {
    return send(MockMvcRequestBuilders.get(path), as);
  }

  protected Page submit(String path, String as, String... form) throws Exception {
    var request = MockMvcRequestBuilders.post(path).with(csrf());
    for (int i = 0; i + 1 < form.length; i += 2) {
      request.param(form[i], form[i + 1]);
    }
    return send(request, as);
  }

  /**
   * The worklist searched for a patient as the page does it: the search is posted and the answer's
   * address carries only a handle to it in the session (issue 14).
   */
  protected Page worklistSearch(String search, String as) throws Exception {
    var session = new org.springframework.mock.web.MockHttpSession();
    var posted =
        send(
            MockMvcRequestBuilders.post("/worklist")
                .with(csrf())
                .session(session)
                .param("q", search),
            as);
    return send(MockMvcRequestBuilders.get(posted.redirect()).session(session), as);
  }

  private Page send(MockHttpServletRequestBuilder request, String as) throws Exception {
    var user = users.find(as).orElseThrow();
    var roles = user.roles().stream().map(Enum::name).toArray(String[]::new);
    MockHttpServletResponse response =
        mvc.perform(request.with(user(as).roles(roles))).andReturn().getResponse();
    return new Page(
        response.getStatus(),
        response.getContentType() == null ? "" : response.getContentType(),
        response.getContentAsString(StandardCharsets.UTF_8),
        response.getRedirectedUrl() == null ? "" : response.getRedirectedUrl(),
        response.getContentAsByteArray());
  }

  protected static String page(UUID pathway) {
    return "/pathways/" + pathway;
  }

  protected static String page(PathwayId pathway) {
    return "/pathways/" + pathway;
  }

  protected static PathwayView.Code code(PathwayView view, String code) {
    return view.codes().stream()
        .filter(c -> code.equals(c.code()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code + " in " + view.codes()));
  }
}

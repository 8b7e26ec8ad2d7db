package no.forlop.coordinator.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueService;
import no.forlop.coordinator.PageSlice;
import no.forlop.web.TextLimits;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The worklist page alone (a Spring MVC slice, the read model and catalogue mocked, the clock at
 * 2024-12-31): the page and its filters as read from the address, and the CSV export.
 */
@WebMvcTest(WorklistController.class)
@PageSlice
@Import(WorklistControllerTest.FixedClock.class)
class WorklistControllerTest {

  /**
   * Imported, not a configuration class: the application's component scan (which sees the test
   * classes) must not pick up a second clock.
   */
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2024-12-31T10:00:00Z"), ZoneOffset.UTC);
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean Worklist worklist;
  @MockitoBean CatalogueService catalogues;
  @MockitoBean WorklistVisits visits;

  private static WorklistRow row() {
    return new WorklistRow(
        UUID.fromString("00000000-0000-0000-0000-000000000001"),
        "T.T.",
        "010101*****",
        "colorectal",
        "A12",
        "910000012",
        "IN_WORKUP",
        LocalDate.of(2024, 12, 1),
        null,
        null,
        LocalDate.of(2025, 1, 3),
        3L,
        Status.AMBER,
        1,
        false,
        null,
        false,
        false,
        null,
        "kari",
        null,
        "CLINICAL_DECISION",
        null,
        null,
        0L,
        List.of(Reason.DUE_SOON, Reason.PROPOSALS));
  }

  @BeforeEach
  void aWorklist() {
    var catalogue = mock(Catalogue.class);
    when(catalogue.pathways()).thenReturn(List.of());
    when(catalogues.current()).thenReturn(catalogue);
    when(worklist.read(any(), any()))
        .thenAnswer(
            call ->
                new WorklistPage(call.getArgument(0), List.of(row()), 1, Map.of(Status.AMBER, 1L)));
    when(worklist.export(any(), any())).thenReturn(List.of(row()));
    var since = Instant.parse("2024-12-30T08:00:00Z");
    when(visits.visit(any(), any())).thenReturn(new WorklistVisits.Visit(since, false));
    when(worklist.changesSince(any(), any())).thenReturn(new Worklist.Changes(since, 2, 1, 0));
  }

  // --- issue 16: the worklist of what needs action ---

  @Test
  void the_default_view_is_what_needs_action_and_all_open_is_one_click_away() throws Exception {
    var page =
        mvc.perform(get("/worklist"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    var query = ArgumentCaptor.forClass(WorklistQuery.class);
    verify(worklist).read(query.capture(), any());
    assertThat(query.getValue().view()).isEqualTo(WorklistQuery.View.ACTION);
    assertThat(page)
        .contains("Trenger handling")
        .contains("Alle åpne")
        .contains("view=ALL")
        .contains("Frist om 3 dager")
        .contains("1 forslag å bekrefte")
        // what changed since the last visit (Oslo time)
        .contains("Endret siden sist (30.12.2024 09:00)")
        .contains("2 forløp med nye forslag")
        .contains("1 nytt fristbrudd")
        .doesNotContain("overført inn");
  }

  @Test
  void the_filter_form_keeps_the_view_it_was_on() throws Exception {
    mvc.perform(
            post("/worklist")
                .with(csrf())
                .param("status", "RED")
                .param("view", "ACTION")
                .param("q", ""))
        .andExpect(redirectedUrl("/worklist?status=RED&view=ACTION"));
    mvc.perform(post("/worklist").with(csrf()).param("view", "ALL"))
        .andExpect(redirectedUrl("/worklist?view=ALL"));
  }

  @Test
  void all_open_is_read_when_asked_for_and_a_search_looks_through_all_by_default()
      throws Exception {
    mvc.perform(get("/worklist").param("view", "all")).andExpect(status().isOk());
    var session = new MockHttpSession();
    var handle = WorklistSearches.keep(session, "Nordmann");
    mvc.perform(get("/worklist").param("search", handle).session(session))
        .andExpect(status().isOk());
    mvc.perform(get("/worklist").param("search", handle).param("view", "ACTION").session(session))
        .andExpect(status().isOk());
    mvc.perform(get("/worklist").param("view", "nonsense")).andExpect(status().isOk());
    var query = ArgumentCaptor.forClass(WorklistQuery.class);
    verify(worklist, org.mockito.Mockito.times(4)).read(query.capture(), any());
    assertThat(query.getAllValues())
        .extracting(WorklistQuery::view)
        .containsExactly(
            WorklistQuery.View.ALL,
            WorklistQuery.View.ALL,
            WorklistQuery.View.ACTION,
            WorklistQuery.View.ACTION);
  }

  @Test
  void the_start_page_is_the_worklist() throws Exception {
    mvc.perform(get("/")).andExpect(redirectedUrl("/worklist"));
  }

  @Test
  @org.springframework.security.test.context.support.WithMockUser("lise")
  void a_leader_starts_on_the_statistics() throws Exception {
    mvc.perform(get("/")).andExpect(redirectedUrl("/dashboard"));
  }

  @Test
  @org.springframework.security.test.context.support.WithMockUser("admin")
  void an_administrator_who_also_coordinates_starts_on_the_worklist() throws Exception {
    mvc.perform(get("/")).andExpect(redirectedUrl("/worklist"));
  }

  @Test
  void the_worklist_renders_and_reads_its_filters_from_the_address() throws Exception {
    mvc.perform(get("/worklist").param("status", "amber").param("sort", "patient"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("T.T.")));
    var query = ArgumentCaptor.forClass(WorklistQuery.class);
    verify(worklist).read(query.capture(), any());
    assertThat(query.getValue().status()).isEqualTo(Status.AMBER);
    assertThat(query.getValue().sort()).isEqualTo(WorklistQuery.Sort.PATIENT);
  }

  @Test
  void a_filter_it_does_not_know_shows_every_status() throws Exception {
    mvc.perform(get("/worklist").param("status", "purple").param("sort", "shoe-size"))
        .andExpect(status().isOk());
    var query = ArgumentCaptor.forClass(WorklistQuery.class);
    verify(worklist).read(query.capture(), any());
    assertThat(query.getValue().status()).isNull();
    assertThat(query.getValue().sort()).isEqualTo(WorklistQuery.Sort.DUE);
  }

  // --- issue 16: paging never fails and never goes past the end ---

  @Test
  void a_page_that_is_no_number_shows_the_first_page_not_an_error() throws Exception {
    for (var page : new String[] {"abc", "-1", "1.5", ""}) {
      mvc.perform(get("/worklist").param("page", page))
          .andExpect(status().isOk())
          .andExpect(content().contentTypeCompatibleWith("text/html"))
          .andExpect(content().string(containsString("T.T.")));
    }
    var query = ArgumentCaptor.forClass(WorklistQuery.class);
    verify(worklist, org.mockito.Mockito.times(4)).read(query.capture(), any());
    assertThat(query.getAllValues()).allMatch(q -> q.page() == 0);
  }

  @Test
  void a_page_is_read_as_asked_and_shown_as_the_worklist_answered_it() throws Exception {
    // the worklist answers a page past its end with its last page (2 of 2)
    when(worklist.read(any(), any()))
        .thenAnswer(
            call ->
                new WorklistPage(
                    ((WorklistQuery) call.getArgument(0)).onPage(1),
                    List.of(row()),
                    60,
                    Map.of(Status.AMBER, 60L)));
    var page =
        mvc.perform(get("/worklist").param("page", "5"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    var query = ArgumentCaptor.forClass(WorklistQuery.class);
    verify(worklist).read(query.capture(), any());
    assertThat(query.getValue().page()).isEqualTo(5);
    assertThat(page)
        .contains("Side 2 av 2")
        .doesNotContain("Side 6")
        .doesNotContain("id=\"next-page\"");
    assertThat(page).contains("id=\"previous-page\"");
  }

  @Test
  void the_export_is_csv_with_norwegian_headings() throws Exception {
    var csv =
        mvc.perform(get("/worklist.csv"))
            .andExpect(status().isOk())
            .andExpect(content().contentType("text/csv;charset=UTF-8"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    var lines = csv.split("\r\n");
    assertThat(lines[0]).startsWith("\uFEFF").contains("Pasient").endsWith(";Hvorfor");
    assertThat(lines[1])
        .startsWith("T.T.;010101*****;colorectal;Fjordby sykehus HF;")
        .endsWith(";Frist om 3 dager, 1 forslag å bekrefte");
    // an export without a view is every open pathway; the page's link names its view
    mvc.perform(get("/worklist.csv").param("view", "ACTION")).andExpect(status().isOk());
    var query = ArgumentCaptor.forClass(WorklistQuery.class);
    verify(worklist, org.mockito.Mockito.times(2)).export(query.capture(), any());
    assertThat(query.getAllValues())
        .extracting(WorklistQuery::view)
        .containsExactly(WorklistQuery.View.ALL, WorklistQuery.View.ACTION);
  }

  // --- issue 14, part D: the patient search never travels in the address ---

  /** An invented fødselsnummer (valid check digits), the search of the tests below. */
  private static final String PATIENT = "01010110013";

  private static String handleOf(String location) {
    assertThat(location).startsWith("/worklist?").doesNotContain(PATIENT).doesNotContain("q=");
    var handle = location.replaceFirst(".*[?&]search=([^&]+).*", "$1");
    assertThat(handle).matches("[A-Za-z0-9_-]{22}");
    return handle;
  }

  @Test
  void a_search_is_posted_and_the_address_carries_a_handle_with_the_filters() throws Exception {
    var session = new MockHttpSession();
    var location =
        mvc.perform(
                post("/worklist")
                    .with(csrf())
                    .session(session)
                    .param("q", " " + PATIENT + " ")
                    .param("status", "AMBER")
                    .param("unit", ""))
            .andExpect(status().is3xxRedirection())
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    var handle = handleOf(location);
    assertThat(location).contains("status=AMBER").doesNotContain("unit=");
    // a search shows every open pathway that matches (ADR 0035)
    assertThat(location).contains("view=ALL");

    var page =
        mvc.perform(get(location).session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    var query = ArgumentCaptor.forClass(WorklistQuery.class);
    verify(worklist).read(query.capture(), any());
    assertThat(query.getValue().search()).isEqualTo(PATIENT);
    assertThat(query.getValue().status()).isEqualTo(Status.AMBER);
    // the search field shows what was searched; every link (pages, counts, CSV) has the handle
    assertThat(page).contains("value=\"" + PATIENT + "\"").contains("search=" + handle);
    assertThat(page.replace("value=\"" + PATIENT + "\"", "")).doesNotContain(PATIENT);

    mvc.perform(get("/worklist.csv").param("search", handle).session(session))
        .andExpect(status().isOk());
    var exported = ArgumentCaptor.forClass(WorklistQuery.class);
    verify(worklist).export(exported.capture(), any());
    assertThat(exported.getValue().search()).isEqualTo(PATIENT);
  }

  @Test
  void a_handle_means_nothing_in_another_session() throws Exception {
    var location =
        mvc.perform(post("/worklist").with(csrf()).param("q", PATIENT))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    var page =
        mvc.perform(get(location).session(new MockHttpSession()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Søket er ikke lenger tilgjengelig");
    var query = ArgumentCaptor.forClass(WorklistQuery.class);
    verify(worklist).read(query.capture(), any());
    assertThat(query.getValue().search()).isNull();
    // the export of everyone instead of the patient searched for would be a surprise: refused
    mvc.perform(get("/worklist.csv").param("search", handleOf(location)))
        .andExpect(status().isGone());
  }

  @Test
  void a_search_in_the_address_is_refused_not_carried_out() throws Exception {
    var page =
        mvc.perform(get("/worklist").param("q", PATIENT))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Pasientsøk sendes ikke i adressen");
    var query = ArgumentCaptor.forClass(WorklistQuery.class);
    verify(worklist).read(query.capture(), any());
    assertThat(query.getValue().search()).isNull();
    mvc.perform(get("/worklist.csv").param("q", PATIENT)).andExpect(status().isBadRequest());
  }

  @Test
  void a_search_of_100_characters_is_kept_and_one_of_101_refused_with_a_message() throws Exception {
    var longest = "a".repeat(TextLimits.SEARCH);
    var session = new MockHttpSession();
    var kept =
        mvc.perform(post("/worklist").with(csrf()).session(session).param("q", longest))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(kept).contains("search=");

    var refused =
        mvc.perform(post("/worklist").with(csrf()).param("q", longest + "a"))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/worklist");
    assertThat(refused.getFlashMap().get("searchError")).isEqualTo("form.error.tooLong.search");
    var page =
        mvc.perform(get("/worklist").flashAttr("searchError", "form.error.tooLong.search"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Søket er for langt: høyst 100 tegn.");
  }
}

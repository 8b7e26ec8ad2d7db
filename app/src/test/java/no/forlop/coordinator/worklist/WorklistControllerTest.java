package no.forlop.coordinator.worklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The worklist page alone (a Spring MVC slice, the read model and catalogue mocked, the clock at
 * 2024-12-31): the page and its filters as read from the address, and the CSV export.
 */
@WebMvcTest(WorklistController.class)
@PageSlice
class WorklistControllerTest {

  @TestConfiguration
  static class FixedClock {
    @Bean
    Clock clock() {
      return Clock.fixed(Instant.parse("2024-12-31T10:00:00Z"), ZoneOffset.UTC);
    }
  }

  @Autowired MockMvc mvc;
  @MockitoBean Worklist worklist;
  @MockitoBean CatalogueService catalogues;

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
        null);
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
  }

  @Test
  void the_start_page_is_the_worklist() throws Exception {
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
    assertThat(lines[0]).startsWith("\uFEFF").contains("Pasient");
    assertThat(lines[1]).startsWith("T.T.;010101*****;colorectal;Fjordby sykehus HF;");
  }
}

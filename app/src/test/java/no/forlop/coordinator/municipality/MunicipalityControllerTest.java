package no.forlop.coordinator.municipality;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.forlop.coordinator.PageSlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The municipality page alone (a Spring MVC slice, the status and contacts mocked): the contact
 * form's checks on both sides, the read-only refusal, and the status message as a download.
 */
@WebMvcTest(MunicipalityController.class)
@PageSlice
class MunicipalityControllerTest {

  static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
  static final String PAGE = "/pathways/" + ID + "/municipality";
  static final String PATIENT = "01010199999";

  @Autowired MockMvc mvc;
  @MockitoBean MunicipalStatus status;
  @MockitoBean MunicipalContacts contacts;

  @BeforeEach
  void aPathway() {
    var message =
        new MunicipalStatus.Message(
            MunicipalStatus.Event.START,
            1,
            "Statusmelding: start",
            List.of("Pakkeforløp startet."));
    when(status.page(eq(ID), any(), anyBoolean()))
        .thenAnswer(
            call ->
                new MunicipalStatus.Page(
                    ID,
                    PATIENT,
                    "Tykk- og endetarmskreft",
                    "Fjordby sykehus HF",
                    null,
                    List.of(message),
                    call.getArgument(2)));
    when(status.patientOf(eq(ID), any())).thenReturn(PATIENT);
    when(status.message(eq(ID), eq(MunicipalStatus.Event.START), eq(1), any()))
        .thenReturn(Optional.of(message));
  }

  @Test
  void the_page_renders_with_the_contact_form() throws Exception {
    mvc.perform(get(PAGE))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Statusmelding: start")))
        .andExpect(content().string(containsString("id=\"contact-form\"")));
  }

  @Test
  void a_contact_with_municipality_and_unit_is_recorded_stripped() throws Exception {
    mvc.perform(
            post(PAGE + "/contact")
                .with(csrf())
                .param("municipality", " Fjordby ")
                .param("unitName", "Koordinerende enhet")
                .param("contactName", "")
                .param("phone", "")
                .param("email", "post@fjordby.kommune.no"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(PAGE));
    verify(contacts)
        .record(
            eq(PATIENT),
            eq("Fjordby"),
            eq("Koordinerende enhet"),
            eq(null),
            eq(null),
            eq("post@fjordby.kommune.no"),
            any());
  }

  @Test
  void a_contact_without_municipality_or_with_a_field_too_long_is_shown_again() throws Exception {
    mvc.perform(post(PAGE + "/contact").with(csrf()).param("unitName", "Enhet"))
        .andExpect(status().is(422))
        .andExpect(content().string(containsString("Fyll ut kommune")));
    mvc.perform(
            post(PAGE + "/contact")
                .with(csrf())
                .param("municipality", "Fjordby")
                .param("unitName", "Enhet")
                .param("contactName", "x".repeat(ContactForm.MAX_FIELD + 1)))
        .andExpect(status().is(422))
        .andExpect(content().string(containsString("Fyll ut kommune")));
    verify(contacts, never())
        .record(anyString(), anyString(), anyString(), any(), any(), any(), any());
  }

  @Test
  @WithMockUser("lise")
  void a_leader_may_not_record_a_contact() throws Exception {
    mvc.perform(
            post(PAGE + "/contact")
                .with(csrf())
                .param("municipality", "Fjordby")
                .param("unitName", "Enhet"))
        .andExpect(status().isForbidden());
    verify(contacts, never())
        .record(anyString(), anyString(), anyString(), any(), any(), any(), any());
  }

  @Test
  void a_status_message_downloads_as_text_and_an_unknown_one_is_not_found() throws Exception {
    mvc.perform(get(PAGE + "/start-1.txt"))
        .andExpect(status().isOk())
        .andExpect(content().contentType("text/plain;charset=UTF-8"))
        .andExpect(content().string(containsString("Pakkeforløp startet.")));
    mvc.perform(get(PAGE + "/transfer-1.txt")).andExpect(status().isNotFound());
    mvc.perform(get(PAGE + "/start-2.txt")).andExpect(status().isNotFound());
  }
}

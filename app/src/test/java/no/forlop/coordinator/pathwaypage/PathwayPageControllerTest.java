package no.forlop.coordinator.pathwaypage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import no.forlop.catalog.StartRule.StartBasis;
import no.forlop.coordinator.PageSlice;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.ChangeType;
import no.forlop.pathway.OutsideUnitsException;
import no.forlop.pathway.PathwayDefinitionId;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayNotFoundException;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.RegistrationId;
import no.forlop.pathway.Rejection;
import no.forlop.pathway.Remark;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The pathway page's controller alone (a Spring MVC slice: the real templates, texts, sign-in and
 * error pages; the pathway services mocked): each form is bound and validated, a valid form goes to
 * the service and redirects, an invalid one shows the page again with the Norwegian text and 422,
 * and a user who may only read is refused.
 */
@WebMvcTest(PathwayPageController.class)
@PageSlice
class PathwayPageControllerTest {

  static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");
  static final UUID REGISTRATION = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  static final PathwayId PATHWAY = new PathwayId(ID);
  static final RegistrationId CODE = new RegistrationId(REGISTRATION);
  static final String PAGE = "/pathways/" + ID;

  @Autowired MockMvc mvc;
  @MockitoBean PathwayPages pages;
  @MockitoBean PathwayService pathways;
  @MockitoBean EvaluationPlans evaluations;

  @BeforeEach
  void aPathway() {
    when(pages.page(eq(ID), any())).thenReturn(PathwayPageFixture.page(ID, REGISTRATION, true));
    when(pathways.today()).thenReturn(LocalDate.of(2024, 12, 31));
  }

  private static MockHttpServletRequestBuilder form(String path, String... namesAndValues) {
    var request = post(PAGE + path).with(csrf());
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      request.param(namesAndValues[i], namesAndValues[i + 1]);
    }
    return request;
  }

  private static ChangeResult changed() {
    return new ChangeResult.Changed(mock(PathwayView.class), null);
  }

  @Test
  void the_page_renders_the_pathway_with_its_forms() throws Exception {
    mvc.perform(get(PAGE))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Testesen")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"register\"")));
  }

  @Test
  void a_code_registered_by_hand_is_read_from_the_form_and_redirects() throws Exception {
    when(pathways.register(eq(PATHWAY), any(), any())).thenReturn(changed());

    mvc.perform(
            form(
                "/codes",
                "code",
                "A12",
                "date",
                "2024-12-02",
                "startBasis",
                StartBasis.values()[0].name(),
                "referralReceivedOn",
                "2024-12-01",
                "referralAssessedOn",
                ""))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(PAGE + "#history"))
        .andExpect(flash().attribute("done", "pathway.done.registered"));

    var request = ArgumentCaptor.forClass(RegisterCode.class);
    verify(pathways).register(eq(PATHWAY), request.capture(), any());
    assertThat(request.getValue().code()).isEqualTo("A12");
    assertThat(request.getValue().date()).isEqualTo(LocalDate.of(2024, 12, 2));
    assertThat(request.getValue().startBasis()).isEqualTo(StartBasis.values()[0]);
    assertThat(request.getValue().referralReceivedOn()).isEqualTo(LocalDate.of(2024, 12, 1));
    assertThat(request.getValue().referralAssessedOn()).isNull();
  }

  @Test
  void a_code_without_code_or_date_or_with_a_date_that_is_no_date_is_refused_in_words()
      throws Exception {
    mvc.perform(form("/codes", "code", "", "date", "2024-12-02"))
        .andExpect(status().is(422))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Velg en kode.")));
    mvc.perform(form("/codes", "code", "A12", "date", ""))
        .andExpect(status().is(422))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Oppgi en dato.")));
    mvc.perform(form("/codes", "code", "A12", "date", "2024-13-45"))
        .andExpect(status().is(422))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Datoen er ikke gyldig")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("value=\"2024-13-45\"")));
    // what must be chosen comes first, then what cannot be read, then what is missing
    mvc.perform(form("/codes", "code", "", "date", "x"))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Velg en kode.")));
    mvc.perform(form("/codes", "code", "A12", "date", "", "referralReceivedOn", "x"))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Datoen er ikke gyldig")));
    mvc.perform(form("/codes", "code", "A12", "date", "2024-12-02", "startBasis", "NOPE"))
        .andExpect(status().is(422))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Datoen er ikke gyldig")));
    verify(pathways, never()).register(any(), any(), any());
  }

  @Test
  void a_correction_takes_a_date_or_keeps_it_and_refuses_one_it_cannot_read() throws Exception {
    when(pathways.correct(eq(PATHWAY), eq(CODE), any(), any(), any(), any())).thenReturn(changed());
    var path = "/codes/" + REGISTRATION + "/correct";

    mvc.perform(form(path, "code", "", "date", "2024-12-03", "reason", "Feil dato"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(PAGE + "#history"));
    verify(pathways)
        .correct(
            PATHWAY,
            CODE,
            null,
            LocalDate.of(2024, 12, 3),
            Remark.written("Feil dato"),
            mockActor());

    mvc.perform(form(path, "code", "", "date", "3. desember", "reason", "Feil dato"))
        .andExpect(status().is(422))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Datoen er ikke gyldig")));
  }

  @Test
  void a_change_the_coding_rules_refuse_shows_their_reason_in_norwegian() throws Exception {
    var rejection = new Rejection(Rejection.Reason.REASON_REQUIRED, List.of());
    when(pathways.withdraw(PATHWAY, CODE, Remark.written(""), mockActor()))
        .thenReturn(new ChangeResult.Refused(rejection));

    mvc.perform(form("/codes/" + REGISTRATION + "/withdraw"))
        .andExpect(status().is(422))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Oppgi en begrunnelse.")));
  }

  @Test
  void an_evaluation_is_planned_today_or_later() throws Exception {
    mvc.perform(form("/evaluation", "date", "2025-01-15"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(PAGE + "#evaluation"));
    verify(evaluations).plan(ID, LocalDate.of(2025, 1, 15), mockActor());

    mvc.perform(form("/evaluation", "date", "2024-12-30"))
        .andExpect(status().is(422))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.containsString("planlegges i dag eller senere")));
    mvc.perform(form("/evaluation", "date", ""))
        .andExpect(status().is(422))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Datoen er ikke gyldig")));
  }

  @Test
  void a_type_change_needs_a_type_and_a_date_and_answers_with_the_new_pathway() throws Exception {
    var replacement = mock(PathwayView.class);
    var newId = UUID.fromString("00000000-0000-0000-0000-000000000002");
    when(replacement.id()).thenReturn(new PathwayId(newId));
    when(pathways.changeType(eq(PATHWAY), any(), any()))
        .thenReturn(new ChangeResult.Changed(replacement, null));

    mvc.perform(form("/type-change", "pathway", "mh-adults", "date", "2024-12-20", "note", "Ny"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl("/pathways/" + newId + "#type-change"));
    verify(pathways)
        .changeType(
            PATHWAY,
            new ChangeType(PathwayDefinitionId.of("mh-adults"), LocalDate.of(2024, 12, 20), "Ny"),
            mockActor());

    mvc.perform(form("/type-change", "pathway", "", "date", "2024-12-20"))
        .andExpect(status().is(422))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Velg ny type forløp.")));
    mvc.perform(form("/type-change", "pathway", "mh-adults", "date", ""))
        .andExpect(status().is(422))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Oppgi en dato.")));
  }

  @Test
  void a_note_needs_text_and_a_coordinator_must_be_one() throws Exception {
    mvc.perform(form("/notes", "text", "Ringt pasienten"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(PAGE + "#notes"));
    verify(pathways).addNote(PATHWAY, "Ringt pasienten", mockActor());
    mvc.perform(form("/notes", "text", "  "))
        .andExpect(status().is(422))
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("Skriv en tekst i notatet.")));

    mvc.perform(form("/coordinator", "coordinator", "kari"))
        .andExpect(status().isFound())
        .andExpect(redirectedUrl(PAGE + "#coordinator"));
    verify(pathways).assign(PATHWAY, "kari", mockActor());
    mvc.perform(form("/coordinator", "coordinator", "lise"))
        .andExpect(status().is(422))
        .andExpect(
            content().string(org.hamcrest.Matchers.containsString("ikke forløpskoordinator")));
    verify(pathways, never()).assign(PATHWAY, "lise", mockActor());
  }

  @Test
  @WithMockUser("lise")
  void a_leader_reads_the_page_but_may_not_change_it() throws Exception {
    mvc.perform(get(PAGE)).andExpect(status().isOk());

    mvc.perform(form("/notes", "text", "Hei"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("lesetilgang")));
    mvc.perform(form("/codes", "code", "", "date", "")).andExpect(status().isForbidden());
    verify(pathways, never()).addNote(any(), any(), any());
    verify(pathways, never()).register(any(), any(), any());
  }

  @Test
  void a_pathway_outside_the_users_units_or_not_there_is_an_error_page() throws Exception {
    when(pages.page(eq(ID), any())).thenThrow(mock(OutsideUnitsException.class));
    mvc.perform(get(PAGE))
        .andExpect(status().isForbidden())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Ingen tilgang")));

    when(pages.page(eq(ID), any())).thenThrow(mock(PathwayNotFoundException.class));
    mvc.perform(get(PAGE)).andExpect(status().isNotFound());
    mvc.perform(get("/pathways/not-a-uuid")).andExpect(status().isNotFound());
    verifyNoInteractions(evaluations);
  }

  /** Kari as the controller sees her: the pathway pages' default purpose, her unit. */
  private static no.forlop.access.Actor mockActor() {
    return new no.forlop.access.Actor(
        "kari", no.forlop.access.Purpose.COORDINATION.code(), java.util.Set.of("910000012"));
  }
}

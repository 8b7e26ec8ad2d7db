package no.forlop.coordinator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import no.forlop.coordinator.PageSlice;
import no.forlop.pathway.OutsideUnitsException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The patient's plan alone (a Spring MVC slice, the plan itself mocked, the real template and PDF
 * renderer): the print page, the same plan as PDF, and the error page outside the user's units.
 */
@WebMvcTest(PlanController.class)
@PageSlice
@Import(PlanPdf.class)
class PlanControllerTest {

  static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

  @Autowired MockMvc mvc;
  @MockitoBean PatientPlans plans;

  private static PatientPlan plan() {
    return new PatientPlan(
        ID,
        "Test Testesen",
        "Tykk- og endetarmskreft",
        "Fjordby sykehus HF",
        true,
        List.of("1. desember 2024: Henvisningen ble mottatt."),
        List.of("Innen 9. desember 2024: Første time."),
        "Kari Nordmann",
        "+47 55 00 10 11",
        "31. desember 2024");
  }

  @Test
  void the_plan_prints_in_words() throws Exception {
    when(plans.plan(eq(ID), any())).thenReturn(plan());
    mvc.perform(get("/pathways/" + ID + "/plan"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Henvisningen ble mottatt.")))
        .andExpect(content().string(containsString("Kari Nordmann")));
  }

  @Test
  void the_plan_as_pdf_is_a_pdf_that_is_not_cached() throws Exception {
    when(plans.plan(eq(ID), any())).thenReturn(plan());
    var body =
        mvc.perform(get("/pathways/" + ID + "/plan.pdf"))
            .andExpect(status().isOk())
            .andExpect(content().contentType("application/pdf"))
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(header().string("Content-Disposition", containsString("plan.pdf")))
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(new String(body, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
  }

  @Test
  void a_plan_outside_the_users_units_is_refused() throws Exception {
    when(plans.plan(eq(ID), any())).thenThrow(mock(OutsideUnitsException.class));
    mvc.perform(get("/pathways/" + ID + "/plan")).andExpect(status().isForbidden());
    mvc.perform(get("/pathways/" + ID + "/plan.pdf")).andExpect(status().isForbidden());
  }
}

package no.forlop.coordinator.pathwaypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.coordinator.PageSupport;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.RegisterCode;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;

/**
 * Changing the type of a mental-health pathway from its page ("Endre type forløp"): the form for an
 * open mental-health pathway, the redirect to the new pathway with a message, the links between the
 * two pages, the refusals shown next to the form, and no form for read-only roles. Today is
 * 2024-12-31.
 */
class TypeChangePageIT extends PageSupport {

  static final Actor KARI = new Actor("kari", "PATIENT_CARE", Set.of("910000012"));

  private String patient;

  /** A child in D12 at Fjordby, started 11 March 2024. */
  private PathwayId childInD12() {
    patient = TestPatients.next();
    var id = pathways.create(CreatePathway.of(patient, "D12", "910000012", null), KARI).id();
    pathways.register(
        id, RegisterCode.manual("PATHWAY_START", LocalDate.parse("2024-03-11")), KARI);
    return id;
  }

  @Test
  void an_open_mental_health_pathway_offers_the_other_types_valid_today() throws Exception {
    var id = childInD12();

    var page = open(page(id), "kari").body();

    assertThat(page)
        .contains("Endre type forløp")
        .contains("action=\"/pathways/" + id + "/type-change\"")
        .contains("value=\"eating-disorders-young\"", "Spiseforstyrrelser hos barn og unge")
        .contains("value=\"substance-use\"", "D01 Tverrfaglig spesialisert rusbehandling (TSB)")
        .contains("value=\"psychosis\"")
        .doesNotContain("value=\"mh-children-young\"")
        .doesNotContain("value=\"colorectal\"");
    // the date defaults to today, and no later
    assertThat(page)
        .containsPattern("id=\"type-change-date\" name=\"date\" required\\s+value=\"2024-12-31\"");
    assertThat(page).contains("max=\"2024-12-31\"");
  }

  @Test
  void a_cancer_pathway_and_a_closed_one_offer_no_type_change() throws Exception {
    patient = TestPatients.next();
    var cancer =
        pathways.create(CreatePathway.of(patient, "colorectal", "910000012", null), KARI).id();
    assertThat(open(page(cancer), "kari").body()).doesNotContain("Endre type forløp");

    var id = childInD12();
    pathways.register(id, RegisterCode.manual("PATHWAY_END", LocalDate.parse("2024-06-01")), KARI);
    assertThat(open(page(id), "kari").body()).doesNotContain("Endre type forløp");
  }

  @Test
  void the_change_leads_to_the_new_pathway_and_both_pages_show_the_link() throws Exception {
    var id = childInD12();

    var answer =
        submit(
            page(id) + "/type-change",
            "kari",
            "pathway",
            "eating-disorders-young",
            "date",
            "2024-05-02",
            "note",
            "Spiseforstyrrelse bekreftet");

    var created =
        pathways.byPatient(PatientIdentifier.parse(patient), null, KARI).stream()
            .filter(p -> p.pathway().value().equals("eating-disorders-young"))
            .findFirst()
            .orElseThrow();
    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.redirect()).isEqualTo(page(created.id()) + "#type-change");
    assertThat(pathways.get(id, null, KARI).state()).isEqualTo(PathwayState.CLOSED);

    var now = open(page(created.id()), "kari").body();
    assertThat(now)
        .contains("Spiseforstyrrelser hos barn og unge")
        .contains("href=\"/pathways/" + id + "\"")
        .contains(
            "Endret fra D12 Utredning og behandling i psykisk helsevern, barn og unge (startet"
                + " 11.03.2024) den 02.05.2024")
        .contains("Start første forløp", "id=\"first-start\">11.03.2024")
        .contains("Begrunnelse: Spiseforstyrrelse bekreftet");
    var before = open(page(id), "kari").body();
    assertThat(before)
        .contains("href=\"/pathways/" + created.id() + "\"")
        .contains("Endret til Spiseforstyrrelser hos barn og unge fra 02.05.2024")
        .contains("Avslutning – endret type forløp")
        .doesNotContain("Endre type forløp</summary>");
  }

  @Test
  void the_flash_message_says_the_type_was_changed() throws Exception {
    var id = childInD12();
    var answer =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        page(id) + "/type-change")
                    .param("pathway", "psychosis")
                    .param("date", "2024-12-31")
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf())
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.user("kari")
                            .roles("COORDINATOR")))
            .andReturn();
    assertThat(answer.getFlashMap().get("done")).isEqualTo("pathway.done.typeChanged");
  }

  @Test
  void a_refused_change_shows_the_reason_next_to_the_form_and_changes_nothing() throws Exception {
    var id = childInD12();

    var before =
        submit(page(id) + "/type-change", "kari", "pathway", "psychosis", "date", "2024-03-10");
    assertThat(before.status()).isEqualTo(422);
    assertThat(before.body())
        .contains("id=\"type-change-error\"")
        .contains("Endringen er datert 10.03.2024, men forløpet startet 11.03.2024.")
        .contains("value=\"2024-03-10\"");

    var tomorrow =
        submit(page(id) + "/type-change", "kari", "pathway", "psychosis", "date", "2025-01-01");
    assertThat(tomorrow.status()).isEqualTo(422);
    assertThat(tomorrow.body()).contains("Endringen er datert 01.01.2025, som er etter i dag");

    var none = submit(page(id) + "/type-change", "kari", "date", "2024-05-02");
    assertThat(none.status()).isEqualTo(422);
    assertThat(none.body()).contains("Velg ny type forløp.");

    assertThat(pathways.byPatient(PatientIdentifier.parse(patient), null, KARI)).hasSize(1);
    assertThat(pathways.get(id, null, KARI).state().isOpen()).isTrue();
  }

  @Test
  void a_read_only_user_sees_no_form_and_cannot_post_it() throws Exception {
    var id = childInD12();

    var page = open(page(id), "lise");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("Endre type forløp");

    var change =
        submit(page(id) + "/type-change", "lise", "pathway", "psychosis", "date", "2024-05-02");
    assertThat(change.status()).isEqualTo(403);
    assertThat(pathways.get(id, null, KARI).state().isOpen()).isTrue();
  }

  @Test
  void a_user_of_another_unit_cannot_change_the_type() throws Exception {
    var id = childInD12();
    var change =
        submit(page(id) + "/type-change", "nina", "pathway", "psychosis", "date", "2024-05-02");
    assertThat(change.status()).isEqualTo(403);
    assertThat(pathways.get(id, null, KARI).state().isOpen()).isTrue();
  }
}

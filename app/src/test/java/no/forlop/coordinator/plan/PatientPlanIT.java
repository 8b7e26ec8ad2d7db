package no.forlop.coordinator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.coordinator.InventedPatient;
import no.forlop.coordinator.PageSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The patient's plan: plain words (no codes, no rule ids), what has happened with dates in words,
 * what comes next with the expected dates from the running lead times, and whom to call; as a print
 * page and as a PDF. Reading it is audited.
 */
class PatientPlanIT extends PageSupport {

  @Autowired AuditLog audit;

  /** Referral received 27 Dec 2024, biopsy 30 Dec: OF1 (9 days) runs until 5 January 2025. */
  private InventedPatient referredJustBeforeNewYear() {
    return new InventedPatient("Åsmund", "Sørli")
        .referralReceived("2024-12-27")
        .biopsy("2024-12-30");
  }

  @Test
  void the_plan_says_in_plain_words_what_happened_what_comes_next_and_whom_to_call()
      throws Exception {
    var patient = referredJustBeforeNewYear();
    var view = deliver(patient);
    submit(page(view.id()) + "/coordinator", "kari", "coordinator", "kari");

    var plan = open(page(view.id()) + "/plan", "kari");

    assertThat(plan.status()).isEqualTo(200);
    assertThat(plan.body())
        .contains("<h1 id=\"plan-title\">Din plan</h1>")
        .contains("Til Åsmund Sørli")
        .contains("Du er i pakkeforløp for tykk- og endetarmskreft ved Fjordby sykehus HF.")
        .contains("27. desember 2024: Henvisningen ble mottatt")
        .contains("30. desember 2024: Det ble tatt en vevsprøve (biopsi)")
        .contains("Innen 5. januar 2025: første time")
        .contains("Innen 31. januar 2025: start av behandlingen")
        .contains("Forløpskoordinator: Kari Nordmann", "Telefon: +47 55 00 10 11")
        .contains("<link rel=\"stylesheet\" href=\"/css/plan.css\"/>")
        .contains("class=\"plan-nav no-print\"");
    assertThat(open("/css/plan.css", "kari").body()).contains("@media print", ".no-print");
    assertThat(plan.body())
        .doesNotContain("A12", "OF1", "OF4", "START-REFERRAL", "BIOPSY-TAKEN", "BIOPSY")
        .doesNotContain(patient.patient);
    assertThat(audit.forPatient(patient.patient))
        .anyMatch(
            e ->
                e.action() == AuditAction.READ
                    && e.actor().equals("kari")
                    && e.resource().equals("pathway/" + view.id() + "/plan"));
  }

  @Test
  void the_plan_gives_the_units_phone_when_the_coordinator_has_none() throws Exception {
    var view = deliver(referredJustBeforeNewYear());
    submit(page(view.id()) + "/coordinator", "kari", "coordinator", "admin");

    var plan = open(page(view.id()) + "/plan", "kari");

    assertThat(plan.body())
        .contains("Forløpskoordinator: Administrator", "Telefon: +47 55 00 10 00");
  }

  @Test
  void without_a_coordinator_the_plan_names_the_unit_and_its_phone() throws Exception {
    var view = deliver(referredJustBeforeNewYear());

    var plan = open(page(view.id()) + "/plan", "kari");

    assertThat(plan.body()).contains("Kontakt: Fjordby sykehus HF", "Telefon: +47 55 00 10 00");
  }

  @Test
  void a_proposal_is_not_in_the_plan_until_it_is_confirmed() throws Exception {
    var view = deliver(new InventedPatient("Jon", "Berg").pathwayPriorityReferral("2024-12-23"));

    var plan = open(page(view.id()) + "/plan", "kari");

    assertThat(plan.body())
        .contains("Ingenting er registrert ennå.")
        .doesNotContain("Henvisningen ble mottatt");
  }

  @Test
  void the_plan_as_pdf_is_a_pdf_with_the_patients_name_and_the_next_date() throws Exception {
    var view = deliver(referredJustBeforeNewYear());
    submit(page(view.id()) + "/coordinator", "kari", "coordinator", "kari");

    var pdf = open(page(view.id()) + "/plan.pdf", "kari");

    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(new String(pdf.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    String text;
    try (var document = Loader.loadPDF(pdf.bytes())) {
      text = new PDFTextStripper().getText(document);
    }
    assertThat(text)
        .contains("Åsmund Sørli", "Din plan")
        .contains("Innen 5. januar 2025: første time")
        .contains("27. desember 2024: Henvisningen ble mottatt")
        .contains("Kari Nordmann", "+47 55 00 10 11")
        .doesNotContain("A12", "OF1", "Skriv ut", "Last ned");
  }

  @Test
  void the_pdf_prints_every_norwegian_and_sami_letter() throws Exception {
    var view = deliver(new InventedPatient("Áilu", "Čoavddusđŋŧ").referralReceived("2024-12-27"));

    var pdf = open(page(view.id()) + "/plan.pdf", "kari");

    try (var document = Loader.loadPDF(pdf.bytes())) {
      assertThat(new PDFTextStripper().getText(document))
          .contains("Áilu Čoavddusđŋŧ", "Du er i pakkeforløp for tykk- og endetarmskreft");
    }
  }

  @Test
  void the_plan_in_english() throws Exception {
    var view = deliver(referredJustBeforeNewYear());

    var plan = open(page(view.id()) + "/plan?lang=en", "kari");

    assertThat(plan.body())
        .contains("Your plan", "27 December 2024: Your referral was received")
        .contains("By 5 January 2025: first appointment", "Colorectal cancer pathway");
  }

  @Test
  void another_units_user_cannot_read_the_plan() throws Exception {
    var view = deliver(referredJustBeforeNewYear());

    var plan = open(page(view.id()) + "/plan", "nina");
    var pdf = open(page(view.id()) + "/plan.pdf", "nina");

    assertThat(plan.status()).isEqualTo(403);
    assertThat(plan.body()).contains("Ingen tilgang").doesNotContain("Åsmund");
    assertThat(pdf.status()).isEqualTo(403);
  }
}

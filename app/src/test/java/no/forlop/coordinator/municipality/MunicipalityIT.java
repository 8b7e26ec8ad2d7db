package no.forlop.coordinator.municipality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.coordinator.PageSupport;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.RegisterCode;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The municipality page: the contact at the municipality's coordinating unit, and the status
 * messages at start, decision and closure, printable and downloadable as text.
 */
class MunicipalityIT extends PageSupport {

  static final Actor KARI = new Actor("kari", "PATIENT_CARE", Set.of("910000012"));

  @Autowired AuditLog audit;

  private String patient;

  private PathwayId adultMentalHealth(String... codesAndDates) {
    patient = TestPatients.next();
    var id = pathways.create(CreatePathway.of(patient, "D11", "910000012", null), KARI).id();
    for (var entry : codesAndDates) {
      var parts = entry.split(" ");
      pathways.register(id, RegisterCode.manual(parts[0], LocalDate.parse(parts[1])), KARI);
    }
    return id;
  }

  @Test
  void the_messages_follow_the_registered_codes_and_name_the_contact() throws Exception {
    var id =
        adultMentalHealth(
            "PATHWAY_START 2024-01-10",
            "FIRST_ATTENDANCE 2024-01-15",
            "CU 2024-02-01",
            "CP 2024-03-01",
            "PATHWAY_END 2024-10-01");
    submit(page(id) + "/coordinator", "kari", "coordinator", "kari");

    var before = open(page(id) + "/municipality", "kari");
    assertThat(before.status()).isEqualTo(200);
    assertThat(before.body())
        .contains("Ingen kontakt i kommunen er registrert")
        .contains("Til: kommunens koordinerende enhet (ikke registrert)");

    var saved =
        submit(
            page(id) + "/municipality/contact",
            "kari",
            "municipality",
            "Fjordby",
            "unitName",
            "Tildelingskontoret",
            "contactName",
            "Per Kommune",
            "phone",
            "+47 55 00 99 99",
            "email",
            "");
    assertThat(saved.redirect()).isEqualTo(page(id) + "/municipality");

    var body = open(page(id) + "/municipality", "kari").body();
    assertThat(body)
        .contains("Til: Tildelingskontoret, Fjordby kommune, v/ Per Kommune")
        .contains("Fra: Fjordby sykehus HF")
        .contains("Gjelder: pasienten, fødselsnummer " + patient)
        .contains(
            "startet 10. januar 2024 i utredning og behandling i psykisk helsevern, voksne ved")
        .contains(
            "Det ble tatt en klinisk beslutning 1. februar 2024: Klinisk beslutning – behov for utvidet utredning.")
        .contains(
            "Det ble tatt en klinisk beslutning 1. mars 2024: Klinisk beslutning – behov for behandling i psykisk helsevern.")
        .contains("Pasientforløpet ble avsluttet 1. oktober 2024.")
        .contains("forløpskoordinator Kari Nordmann, telefon +47 55 00 10 11")
        .contains(
            "id=\"message-START-1\"", "id=\"message-DECISION-2\"", "id=\"message-CLOSURE-1\"");
    assertThat(audit.forPatient(patient))
        .anyMatch(e -> e.action() == AuditAction.UPDATE && e.resource().equals("municipal-contact"))
        .anyMatch(
            e ->
                e.action() == AuditAction.READ
                    && e.resource().equals("pathway/" + id + "/municipality"));

    var text = open(page(id) + "/municipality/decision-2.txt", "kari");
    assertThat(text.status()).isEqualTo(200);
    assertThat(text.contentType()).startsWith("text/plain");
    var content = new String(text.bytes(), StandardCharsets.UTF_8);
    assertThat(content)
        .startsWith("Statusmelding til kommunen: klinisk beslutning\r\n\r\nTil: Tildelingskontoret")
        .contains("behov for behandling i psykisk helsevern")
        .doesNotContain("behov for utvidet utredning");
    assertThat(open(page(id) + "/municipality/decision-3.txt", "kari").status()).isEqualTo(404);
    assertThat(open(page(id) + "/municipality/nonsense-1.txt", "kari").status()).isEqualTo(404);

    // a coordinator who writes the word herself does not get it twice
    submit(
        page(id) + "/municipality/contact",
        "kari",
        "municipality",
        "Fjordby kommune",
        "unitName",
        "Tildelingskontoret",
        "contactName",
        "",
        "phone",
        "",
        "email",
        "");
    assertThat(open(page(id) + "/municipality", "kari").body())
        .contains("Til: Tildelingskontoret, Fjordby kommune")
        .doesNotContain("kommune kommune");
  }

  @Test
  void the_closure_message_says_why_the_pathway_closed() throws Exception {
    var other =
        adultMentalHealth(
            "PATHWAY_START 2024-01-10",
            "FIRST_ATTENDANCE 2024-01-15",
            "PATHWAY_END_OTHER_REASONS 2024-03-01");
    assertThat(open(page(other) + "/municipality", "kari").body())
        .contains(
            "Pasientforløpet ble avsluttet 1. mars 2024 av andre årsaker enn at det ble gjennomført.")
        .doesNotContain("Pasientforløpet ble avsluttet 1. mars 2024.");
    var completed = adultMentalHealth("PATHWAY_START 2024-01-10", "PATHWAY_END 2024-03-01");
    assertThat(open(page(completed) + "/municipality", "kari").body())
        .contains("Pasientforløpet ble avsluttet 1. mars 2024.")
        .doesNotContain("av andre årsaker");
  }

  @Test
  void a_pathway_without_a_start_has_no_message_yet() throws Exception {
    var id = adultMentalHealth();
    assertThat(open(page(id) + "/municipality", "kari").body())
        .contains("Ingen statusmelding ennå");
  }

  @Test
  void the_contact_needs_municipality_and_unit_and_leaders_only_read() throws Exception {
    var id = adultMentalHealth("PATHWAY_START 2024-01-10");
    var missing = submit(page(id) + "/municipality/contact", "kari", "municipality", "Fjordby");
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.body()).contains("Fyll ut kommune og koordinerende enhet");

    var leader =
        submit(
            page(id) + "/municipality/contact",
            "lise",
            "municipality",
            "Fjordby",
            "unitName",
            "Tildelingskontoret");
    assertThat(leader.status()).isEqualTo(403);
    assertThat(open(page(id) + "/municipality", "lise").body()).doesNotContain("contact-form");
  }

  @Test
  void another_units_user_cannot_open_it() throws Exception {
    var id = adultMentalHealth("PATHWAY_START 2024-01-10");
    assertThat(open(page(id) + "/municipality", "nina").status()).isEqualTo(403);
    assertThat(
            submit(
                    page(id) + "/municipality/contact",
                    "nina",
                    "municipality",
                    "Nordvik",
                    "unitName",
                    "Koordinerende enhet")
                .status())
        .isEqualTo(403);
  }
}

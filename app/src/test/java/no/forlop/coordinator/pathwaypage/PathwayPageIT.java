package no.forlop.coordinator.pathwaypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.coordinator.InventedPatient;
import no.forlop.coordinator.PageSupport;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.CreatePathway;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A patient's pathway page: what it shows (codes, why, lead times, history) and what a coordinator
 * can do on it (confirm, reject, correct, withdraw, register, assign, note), with the engine's
 * refusals in Norwegian; other units' patients and read-only roles are refused with a page.
 */
class PathwayPageIT extends PageSupport {

  @Autowired AuditLog audit;

  /** Start registered 2 Dec, biopsy 10 Dec, diagnosis 20 Dec but no attendance: CK proposed. */
  private InventedPatient decisionWithoutAttendance() {
    return new InventedPatient("Åse", "Bjørnstad")
        .referralReceived("2024-12-02")
        .biopsy("2024-12-10")
        .diagnosis("C18.7", "2024-12-20");
  }

  @Test
  void the_page_shows_the_patient_the_codes_why_the_lead_times_and_the_history() throws Exception {
    var patient = decisionWithoutAttendance();
    var view = deliver(patient);

    var page = open(page(view.id()), "kari");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Åse Bjørnstad", patient.patient)
        .contains("Pakkeforløp for tykk- og endetarmskreft", "Fjordby sykehus HF")
        .contains("Startet, venter på første fremmøte")
        .contains("Ingen ansvarlig koordinator er satt");
    // the timeline: the start registered, the biopsy tracked, the decision proposed
    assertThat(page.body())
        .contains("A12A", "Start pakkeforløp – henvisning mottatt", "02.12.2024")
        .contains("Biopsi tatt (sporet milepæl, ikke NPR-kode)", "10.12.2024")
        .contains("A12CK", "Klinisk beslutning – påvist kreft i dette organet")
        .contains("Forslag")
        // the proposal the coding rules would refuse offers the missing step, not a confirmation
        .contains("Kan ikke bekreftes ennå", "Registrer første fremmøte først")
        .doesNotContain("Bekreft A12CK");
    // in clinical order: start, biopsy, decision
    var start = page.body().indexOf("id=\"code-" + code(view, "A12A").registration() + "\"");
    var biopsy = page.body().indexOf("id=\"tracked-0\"");
    var decision = page.body().indexOf("id=\"code-" + code(view, "A12CK").registration() + "\"");
    assertThat(start).isPositive().isLessThan(biopsy);
    assertThat(biopsy).isLessThan(decision);
    // why, one click away: rule, its question, rule set, sources, inputs, catalogue version
    assertThat(page.body())
        .contains("<summary>Hvorfor?</summary>")
        .contains("START-REFERRAL-RECEIVED", "Er en henvisning merket med et pakkeforløp mottatt")
        .contains("DECISION-FROM-DIAGNOSIS", "Regelsettversjon", "Katalogversjon")
        .contains("Henvisning mottatt: 02.12.2024")
        // what the diagnosis means, in words (the derivation keeps a code)
        .contains("Betydning: kreft i forløpets organ")
        // why a proposal is only proposed, in Norwegian like the rest of the page
        .contains(
            "Hvorfor bare forslag",
            "klinisk beslutning krever at første fremmøte er registrert før den")
        .doesNotContain("first attendance");
    // lead times: OF1 has run since 2 Dec against a norm of 9 days
    assertThat(page.body())
        .contains("OF1: Fra henvisning mottatt til første fremmøte")
        .contains("status-overdue", "Over fristen", "Norm: 9 kalenderdager", "Frist: 11.12.2024");
    // history: who and how
    assertThat(page.body())
        .contains("Historikk", "Foreslått", "Automatisk registrering (fra journalen)");
    // opening the page is audited
    assertThat(audit.forPatient(patient.patient))
        .anyMatch(
            e ->
                e.action() == AuditAction.READ
                    && e.actor().equals("kari")
                    && e.resource().equals("pathway/" + view.id()));
  }

  @Test
  void an_assessment_given_the_right_to_treatment_directly_is_shown_as_not_measured()
      throws Exception {
    var view =
        deliver(
            new InventedPatient("Rolf", "Dahl")
                .substanceUseAssessed("2024-11-25", true)
                .visit("2024-12-02"));

    var page = open(page(view.id()), "kari");

    assertThat(page.body())
        .contains("Fra første fremmøte til klinisk beslutning (utredning)")
        .contains("status-excluded", "Ikke med i målingen")
        .contains("Ikke med i målingen (rett til behandling direkte)")
        .doesNotContain("Over fristen");
  }

  @Test
  void without_a_direct_right_the_same_assessment_is_overdue_by_the_first_attendance_setting()
      throws Exception {
    var view =
        deliver(
            new InventedPatient("Rita", "Dahl")
                .substanceUseAssessed("2024-11-25", false)
                .visit("2024-12-02"));

    var page = open(page(view.id()), "kari");

    assertThat(page.body())
        .contains("status-overdue", "Over fristen", "Norm: 21 kalenderdager", "Frist: 23.12.2024")
        .contains("normen for behandlingsnivået ved første fremmøte brukes")
        .doesNotContain("rett til behandling direkte");
  }

  @Test
  void the_page_is_in_english_when_the_user_asks() throws Exception {
    var view = deliver(decisionWithoutAttendance());

    var page = open(page(view.id()) + "?lang=en", "kari");

    assertThat(page.body())
        .contains("Timeline", "Lead times", "History", "Colorectal cancer pathway", "Why?");
  }

  @Test
  void a_proposed_start_is_confirmed_in_one_action() throws Exception {
    var view = deliver(new InventedPatient("Per", "Lie").pathwayPriorityReferral("2024-12-23"));
    var start = code(view, "A12A");
    assertThat(start.state()).isEqualTo(CodeState.PROPOSED);
    assertThat(start.rule()).isEqualTo("START-PK-INFERRED");

    var answer = submit(page(view.id()) + "/codes/" + start.registration() + "/confirm", "kari");

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.redirect()).isEqualTo(page(view.id()) + "#timeline");
    assertThat(code(pathways.get(view.id(), null, InventedPatient.SYSTEM), "A12A").state())
        .isEqualTo(CodeState.REGISTERED);
    var page = open(page(view.id()), "kari");
    assertThat(page.body())
        .contains("Forslag bekreftet", "Kari Nordmann", "Startet, venter på første fremmøte");
  }

  @Test
  void a_confirmation_the_coding_rules_refuse_shows_the_reason_in_norwegian() throws Exception {
    var view = deliver(decisionWithoutAttendance());
    var decision = code(view, "A12CK");

    var answer = submit(page(view.id()) + "/codes/" + decision.registration() + "/confirm", "kari");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body())
        .contains(
            "A12CK (20.12.2024): klinisk beslutning krever at første fremmøte er registrert før"
                + " den.")
        .contains("confirm-error-" + decision.registration(), "role=\"alert\"");
    assertThat(code(pathways.get(view.id(), null, InventedPatient.SYSTEM), "A12CK").state())
        .isEqualTo(CodeState.PROPOSED);
  }

  @Test
  void a_proposal_waiting_for_a_missing_step_offers_it_and_can_be_confirmed_once_it_is_there()
      throws Exception {
    var view = deliver(decisionWithoutAttendance());
    var decision = code(view, "A12CK");
    assertThat(decision.confirmRefused()).isNotNull();

    var offered = open(page(view.id()) + "?register=A12S", "kari");
    assertThat(offered.body())
        .contains("href=\"/pathways/" + view.id() + "?register=A12S#register\"")
        .containsPattern("<option value=\"A12S\"[^>]*selected");

    var registered =
        submit(page(view.id()) + "/codes", "kari", "code", "A12S", "date", "2024-12-05");
    assertThat(registered.status()).isEqualTo(302);
    var page = open(page(view.id()), "kari");
    assertThat(page.body()).contains("Bekreft A12CK").doesNotContain("Kan ikke bekreftes ennå");
    assertThat(
            code(pathways.get(view.id(), null, InventedPatient.SYSTEM), "A12CK").confirmRefused())
        .isNull();
  }

  @Test
  void a_proposal_is_rejected_only_with_a_reason() throws Exception {
    var view = deliver(decisionWithoutAttendance());
    var reject = page(view.id()) + "/codes/" + code(view, "A12CK").registration() + "/reject";

    var withoutReason = submit(reject, "kari", "reason", " ");
    var withReason = submit(reject, "kari", "reason", "Diagnosen er foreløpig");

    assertThat(withoutReason.status()).isEqualTo(422);
    assertThat(withoutReason.body()).contains("Oppgi en begrunnelse.");
    assertThat(withReason.status()).isEqualTo(302);
    var page = open(page(view.id()), "kari");
    assertThat(page.body()).contains("Forslag avvist", "Diagnosen er foreløpig");
    assertThat(page.body()).doesNotContain("Bekreft A12CK");
    // the history row says which proposal was rejected
    var row = page.body().substring(page.body().indexOf("fact fact-rejected"));
    assertThat(row.substring(0, row.indexOf("</tr>")))
        .contains("Forslag avvist", "<code>A12CK</code>", "Diagnosen er foreløpig");
  }

  @Test
  void a_code_is_corrected_only_with_a_reason_and_the_correction_shows_in_the_history()
      throws Exception {
    var view = deliver(decisionWithoutAttendance());
    var correct = page(view.id()) + "/codes/" + code(view, "A12A").registration() + "/correct";

    var withoutReason = submit(correct, "kari", "code", "", "date", "2024-12-03", "reason", "");
    var withReason =
        submit(
            correct, "kari", "code", "", "date", "2024-12-03", "reason", "Mottatt en dag senere");

    assertThat(withoutReason.status()).isEqualTo(422);
    assertThat(withoutReason.body()).contains("Oppgi en begrunnelse.", "2024-12-03");
    assertThat(withReason.status()).isEqualTo(302);
    assertThat(code(pathways.get(view.id(), null, InventedPatient.SYSTEM), "A12A").date())
        .isEqualTo(LocalDate.parse("2024-12-03"));
    var page = open(page(view.id()), "kari");
    assertThat(page.body())
        .contains("Korrigert", "Mottatt en dag senere", "03.12.2024", "Kari Nordmann");
  }

  @Test
  void a_code_is_withdrawn_only_with_a_reason() throws Exception {
    var view = deliver(decisionWithoutAttendance());
    var withdraw = page(view.id()) + "/codes/" + code(view, "A12CK").registration() + "/withdraw";

    var withoutReason = submit(withdraw, "kari", "reason", "");
    var withReason = submit(withdraw, "kari", "reason", "Feil pasient i vurderingen");

    assertThat(withoutReason.status()).isEqualTo(422);
    assertThat(withoutReason.body()).contains("Oppgi en begrunnelse.");
    assertThat(withReason.status()).isEqualTo(302);
    assertThat(pathways.get(view.id(), null, InventedPatient.SYSTEM).codes())
        .noneMatch(c -> "A12CK".equals(c.code()));
    assertThat(open(page(view.id()), "kari").body())
        .contains("Trukket tilbake", "Feil pasient i vurderingen");
  }

  @Test
  void a_code_is_registered_by_hand_and_a_refusal_is_explained() throws Exception {
    var view = deliver(decisionWithoutAttendance());
    var register = page(view.id()) + "/codes";

    var inTheFuture = submit(register, "kari", "code", "A12S", "date", "2025-01-05");
    var registered = submit(register, "kari", "code", "A12S", "date", "2024-12-09");

    assertThat(inTheFuture.status()).isEqualTo(422);
    assertThat(inTheFuture.body())
        .contains("A12S er datert 05.01.2025, som er etter i dag (31.12.2024).")
        .contains("id=\"register-error\"");
    assertThat(registered.status()).isEqualTo(302);
    var s = code(pathways.get(view.id(), null, InventedPatient.SYSTEM), "A12S");
    assertThat(s.origin()).isEqualTo("MANUAL");
    assertThat(s.recordedBy()).isEqualTo("kari");
    assertThat(open(page(view.id()), "kari").body())
        .contains("Utredning start – første fremmøte", "Manuell", "Registrert manuelt");
  }

  @Test
  void a_start_registered_by_hand_is_dated_the_day_the_referral_was_received() throws Exception {
    var view =
        pathways.create(
            CreatePathway.of(TestPatients.next(), "A12", InventedPatient.UNIT, null),
            InventedPatient.SYSTEM);
    var register = page(view.id()) + "/codes";

    var onAssessment =
        submit(
            register,
            "kari",
            "code",
            "A12A",
            "date",
            "2024-12-10",
            "referralReceivedOn",
            "2024-12-09",
            "referralAssessedOn",
            "2024-12-10");
    var onReceipt =
        submit(
            register,
            "kari",
            "code",
            "A12A",
            "date",
            "2024-12-09",
            "referralReceivedOn",
            "2024-12-09",
            "referralAssessedOn",
            "2024-12-10");

    assertThat(onAssessment.status()).isEqualTo(422);
    assertThat(onAssessment.body())
        .contains(
            "Start dateres den dagen henvisningen ble mottatt (09.12.2024), ikke den dagen den ble"
                + " vurdert (10.12.2024).");
    assertThat(onReceipt.status()).isEqualTo(302);
    assertThat(code(pathways.get(view.id(), null, InventedPatient.SYSTEM), "A12A").date())
        .isEqualTo(LocalDate.parse("2024-12-09"));
  }

  @Test
  void the_responsible_coordinator_is_chosen_among_the_units_coordinators() throws Exception {
    var view = deliver(decisionWithoutAttendance());
    var before = open(page(view.id()), "kari");
    assertThat(before.body())
        .contains("<option value=\"kari\">Kari Nordmann</option>")
        .doesNotContain("Nina Dahl");

    var answer = submit(page(view.id()) + "/coordinator", "kari", "coordinator", "kari");

    assertThat(answer.status()).isEqualTo(302);
    assertThat(pathways.get(view.id(), null, InventedPatient.SYSTEM).coordinator())
        .isEqualTo("kari");
    assertThat(open(page(view.id()), "kari").body()).contains("Ansvarlig: Kari Nordmann");
  }

  @Test
  void a_note_is_listed_with_its_author_and_time() throws Exception {
    var view = deliver(decisionWithoutAttendance());

    var empty = submit(page(view.id()) + "/notes", "ola", "text", "  ");
    var answer =
        submit(page(view.id()) + "/notes", "ola", "text", "Pasienten ønsker time etter kl. 12");

    assertThat(empty.status()).isEqualTo(422);
    assertThat(empty.body()).contains("Skriv en tekst i notatet.");
    assertThat(answer.status()).isEqualTo(302);
    assertThat(open(page(view.id()), "kari").body())
        .contains("Pasienten ønsker time etter kl. 12", "Ola Hansen, 31.12.2024 kl. 11:00");
  }

  @Test
  void a_user_of_another_unit_gets_a_norwegian_no_access_page() throws Exception {
    var view = deliver(decisionWithoutAttendance());

    var page = open(page(view.id()), "nina");
    var change =
        submit(
            page(view.id()) + "/codes/" + code(view, "A12CK").registration() + "/confirm", "nina");

    assertThat(page.status()).isEqualTo(403);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains("Ingen tilgang", "tilhører en enhet du ikke jobber i")
        .doesNotContain("Åse", "Exception");
    assertThat(change.status()).isEqualTo(403);
    assertThat(code(pathways.get(view.id(), null, InventedPatient.SYSTEM), "A12CK").state())
        .isEqualTo(CodeState.PROPOSED);
  }

  @Test
  void a_leader_reads_the_page_but_cannot_change_it() throws Exception {
    var view = deliver(decisionWithoutAttendance());

    var page = open(page(view.id()), "lise");
    var change =
        submit(
            page(view.id()) + "/codes/" + code(view, "A12CK").registration() + "/confirm", "lise");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Du har lesetilgang.").doesNotContain("Bekreft A12CK");
    assertThat(change.status()).isEqualTo(403);
    assertThat(change.body()).contains("Bare lesetilgang");
  }

  @Test
  void an_unknown_pathway_is_a_page_saying_so() throws Exception {
    var page = open("/pathways/" + java.util.UUID.randomUUID(), "kari");
    var notAnId = open("/pathways/not-an-id", "kari");

    assertThat(page.status()).isEqualTo(404);
    assertThat(page.body()).contains("Fant ikke forløpet");
    assertThat(notAnId.status()).isEqualTo(404);
  }
}

package no.forlop.pathway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import no.forlop.access.Actor;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.InvalidPathwayRequestException;
import no.forlop.pathway.PathwayService;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/** The pathway REST API end to end, against the embedded PostgreSQL. Today is 2024-12-31. */
class PathwayApiIT extends ApplicationTest {

  @Autowired PathwayService pathways;
  @Autowired MessageSource messages;

  private String open(String patient, String pathway) {
    var response =
        post(
            "/api/v1/pathways",
            """
            {"patient": "%s", "pathway": "%s", "organisation": "910000012"}
            """
                .formatted(patient, pathway));
    assertThat(response.status()).as(response.body()).isEqualTo(201);
    return response.json().get("id").asString();
  }

  private ApplicationTest.Response create(
      String patient, String pathway, String organisation, String... headers) {
    return post(
        "/api/v1/pathways",
        """
        {"patient": "%s", "pathway": "%s", "organisation": "%s"}
        """
            .formatted(patient, pathway, organisation),
        headers);
  }

  private ApplicationTest.Response register(String id, String code, String date) {
    return post(
        "/api/v1/pathways/" + id + "/codes",
        """
        {"code": "%s", "date": "%s"}
        """
            .formatted(code, date));
  }

  private static JsonNode leadTime(JsonNode pathway, String indicator) {
    for (var lt : pathway.get("leadTimes")) {
      if (lt.get("indicator").asString().equals(indicator)) {
        return lt;
      }
    }
    throw new AssertionError("no " + indicator + " in " + pathway);
  }

  @Test
  void a_pathway_is_opened_coded_and_read_with_its_lead_times() {
    var id = open(TestPatients.next(), "A12");
    assertThat(register(id, "A12A", "2024-03-04").status()).isEqualTo(201);
    assertThat(register(id, "A12S", "2024-03-11").status()).isEqualTo(201);
    assertThat(register(id, "A12CK", "2024-03-20").status()).isEqualTo(201);
    var last = register(id, "A12FK", "2024-04-05");
    assertThat(last.status()).isEqualTo(201);

    var pathway = get("/api/v1/pathways/" + id + "?asOf=2024-06-30").json();

    assertThat(pathway.get("state").asString()).isEqualTo("IN_TREATMENT");
    assertThat(pathway.get("codePrefix").asString()).isEqualTo("A12");
    assertThat(pathway.get("codes")).hasSize(4);
    assertThat(pathway.get("catalogueVersion").asString()).isNotBlank();
    var of3 = leadTime(pathway, "OF3");
    assertThat(of3.get("treatment").asString()).isEqualTo("SURGICAL");
    assertThat(of3.get("days").asInt()).isEqualTo(16);
    assertThat(of3.get("status").asString()).isEqualTo("BREACHED");
    assertThat(leadTime(pathway, "OF4").get("status").asString()).isEqualTo("MET");
  }

  @Test
  void a_code_that_breaks_the_order_is_refused_in_plain_norwegian() {
    var id = open(TestPatients.next(), "colorectal");

    var refused = register(id, "A12S", "2024-03-11");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/fhir+json");
    assertThat(refused.reason()).isEqualTo("START_MISSING");
    assertThat(refused.text()).contains("kan ikke registreres før forløpet er startet");
  }

  @Test
  void the_refusal_is_in_english_when_the_client_asks_for_english() {
    var id = open(TestPatients.next(), "colorectal");
    var refused =
        post(
            "/api/v1/pathways/" + id + "/codes",
            "{\"code\": \"A12S\", \"date\": \"2024-03-11\"}",
            "Accept-Language",
            "en");
    assertThat(refused.text()).contains("cannot be registered before the pathway has started");
  }

  @Test
  void a_start_dated_on_assessment_instead_of_receipt_is_refused() {
    var id = open(TestPatients.next(), "colorectal");
    var refused =
        post(
            "/api/v1/pathways/" + id + "/codes",
            """
            {"code": "A12A", "date": "2024-03-06",
             "referralReceivedOn": "2024-03-04", "referralAssessedOn": "2024-03-06"}
            """);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.reason()).isEqualTo("START_ON_ASSESSMENT");
  }

  @Test
  void a_correction_and_a_withdrawal_are_kept_in_the_history() {
    var id = open(TestPatients.next(), "colorectal");
    register(id, "A12A", "2024-03-04");
    var s = register(id, "A12S", "2024-03-12").json().get("codes").get(1);
    var sId = s.get("registration").asString();

    var corrected =
        post(
            "/api/v1/pathways/" + id + "/codes/" + sId + "/correction",
            "{\"date\": \"2024-03-11\", \"reason\": \"Feil dato tastet\"}");
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    var withdrawn =
        post(
            "/api/v1/pathways/" + id + "/codes/" + sId + "/withdrawal",
            "{\"reason\": \"Registrert på feil pasient\"}");
    assertThat(withdrawn.status()).isEqualTo(200);

    var pathway = withdrawn.json();
    assertThat(pathway.get("codes")).hasSize(1);
    assertThat(pathway.get("history")).hasSize(4);
    assertThat(pathway.get("history").get(2).get("kind").asString()).isEqualTo("CORRECTED");
    assertThat(pathway.get("history").get(2).get("reason").asString())
        .isEqualTo("Feil dato tastet");
    assertThat(pathway.get("history").get(3).get("kind").asString()).isEqualTo("WITHDRAWN");
    assertThat(pathway.get("state").asString()).isEqualTo("AWAITING_FIRST_ATTENDANCE");
  }

  @Test
  void a_correction_without_a_reason_is_a_bad_request() {
    var id = open(TestPatients.next(), "colorectal");
    var a = register(id, "A12A", "2024-03-04").json().get("codes").get(0);
    var response =
        post(
            "/api/v1/pathways/" + id + "/codes/" + a.get("registration").asString() + "/correction",
            "{\"date\": \"2024-03-05\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.outcome().getIssueFirstRep().getExpression().get(0).getValue())
        .isEqualTo("reason");
  }

  @Test
  void a_proposal_is_confirmed_in_one_call() {
    var id = open(TestPatients.next(), "A37");
    var proposed =
        post(
            "/api/v1/pathways/" + id + "/codes",
            "{\"code\": \"A37A\", \"date\": \"2024-11-05\", \"state\": \"PROPOSED\"}");
    assertThat(proposed.json().get("state").asString()).isEqualTo("AWAITING_START");
    var registration = proposed.json().get("codes").get(0).get("registration").asString();

    var confirmed =
        post("/api/v1/pathways/" + id + "/codes/" + registration + "/confirmation", "{}");

    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.json().get("codes").get(0).get("state").asString())
        .isEqualTo("REGISTERED");
    assertThat(confirmed.json().get("state").asString()).isEqualTo("AWAITING_FIRST_ATTENDANCE");
  }

  @Test
  void a_wrong_fodselsnummer_is_a_bad_request_naming_the_field() {
    var response =
        post(
            "/api/v1/pathways",
            "{\"patient\": \"12036110073\", \"pathway\": \"A12\", \"organisation\": \"910000012\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("INVALID_PATIENT_IDENTIFIER");
    assertThat(response.text()).contains("kontrollsiffer");
    assertThat(response.body()).doesNotContain("12036110073");
    var english = create("12036110073", "A12", "910000012", ENGLISH);
    assertThat(english.reason()).isEqualTo("INVALID_PATIENT_IDENTIFIER");
    assertThat(english.text()).isEqualTo("The fødselsnummer or D-nummer has wrong check digits.");
  }

  @Test
  void an_unknown_pathway_is_a_bad_request() {
    var response =
        post(
            "/api/v1/pathways",
            "{\"patient\": \"%s\", \"pathway\": \"A99\", \"organisation\": \"910000012\"}"
                .formatted(TestPatients.next()));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("UNKNOWN_PATHWAY");
    assertThat(response.text())
        .startsWith("Forløpskatalogen (versjon ")
        .endsWith(
            ") har ikke forløpet «A99». Bruk en ID eller et kodeprefiks fra katalogen"
                + " (GET /api/v1/catalogue).");
    assertThat(response.outcome().getIssueFirstRep().getExpression().get(0).getValue())
        .isEqualTo("pathway");

    var english = create(TestPatients.next(), "A99", "910000012", ENGLISH);
    assertThat(english.reason()).isEqualTo("UNKNOWN_PATHWAY");
    assertThat(english.text())
        .startsWith("The catalogue (version ")
        .contains(") has no pathway \"A99\". Use an id or a code prefix");
  }

  @Test
  void an_unknown_variant_is_a_bad_request_naming_the_variants_there_are() {
    var response =
        post(
            "/api/v1/pathways",
            """
            {"patient": "%s", "pathway": "A12", "organisation": "910000012", "variant": "DAY"}
            """
                .formatted(TestPatients.next()));
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("UNKNOWN_VARIANT");
    assertThat(response.text())
        .isEqualTo(
            "Forløpskatalogen har ikke varianten «DAY». Bruk en av OUTPATIENT, INPATIENT, SEVERE,"
                + " LESS_SEVERE, eller utelat variant.");
    var english =
        post(
            "/api/v1/pathways",
            """
            {"patient": "%s", "pathway": "A12", "organisation": "910000012", "variant": "DAY"}
            """
                .formatted(TestPatients.next()),
            ENGLISH);
    assertThat(english.reason()).isEqualTo("UNKNOWN_VARIANT");
    assertThat(english.text())
        .isEqualTo(
            "The catalogue has no variant \"DAY\". Use one of OUTPATIENT, INPATIENT, SEVERE,"
                + " LESS_SEVERE, or leave the variant out.");
  }

  @Test
  void an_organisation_that_is_no_identifier_is_refused_with_its_text() {
    // over HTTP a user's units are checked first (403); only an actor without units (the automatic
    // registration) gets this far, so the text is checked against the message files directly
    var refused =
        catchThrowableOfType(
            InvalidPathwayRequestException.class,
            () ->
                pathways.create(
                    CreatePathway.of(TestPatients.next(), "A12", "Fjordby HF", null),
                    Actor.system("test")));
    assertThat(refused.problem())
        .isEqualTo(InvalidPathwayRequestException.Problem.INVALID_ORGANISATION);
    var args = refused.args().toArray();
    assertThat(
            messages.getMessage("problem.INVALID_ORGANISATION", args, Locale.forLanguageTag("nb")))
        .isEqualTo(
            "Organisasjonen «Fjordby HF» er ugyldig. Oppgi organisasjonsnummeret (1–40 bokstaver"
                + " eller sifre).");
    assertThat(messages.getMessage("problem.INVALID_ORGANISATION", args, Locale.ENGLISH))
        .isEqualTo(
            "The organisation \"Fjordby HF\" is not valid. Give the organisation number (1–40"
                + " letters or digits).");
    assertThat(refused.getMessage()).contains("Fjordby HF").doesNotContain("Organisasjonen");
  }

  @Test
  void a_second_open_instance_of_the_same_pathway_is_a_conflict() {
    var patient = TestPatients.next();
    open(patient, "colorectal");
    var again =
        post(
            "/api/v1/pathways",
            "{\"patient\": \"%s\", \"pathway\": \"A12\", \"organisation\": \"910000012\"}"
                .formatted(patient));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.reason()).isEqualTo("PATHWAY_ALREADY_OPEN");
    // today is 2024-12-31: opened, not yet started
    assertThat(again.text())
        .isEqualTo(
            "Pasienten har allerede et åpent forløp ved 910000012: Pakkeforløp for tykk- og"
                + " endetarmskreft (A12, åpnet 2024-12-31). Avslutt eller korriger det før et nytt"
                + " åpnes.");
    assertThat(again.body()).doesNotContain(patient);

    var id = pathwaysOf(patient).json().get(0).get("id").asString();
    assertThat(register(id, "A12A", "2024-03-04").status()).isEqualTo(201);
    var english = create(patient, "colorectal", "910000012", ENGLISH);
    assertThat(english.status()).isEqualTo(409);
    assertThat(english.reason()).isEqualTo("PATHWAY_ALREADY_OPEN");
    assertThat(english.text())
        .isEqualTo(
            "The patient already has an open pathway at 910000012: Colorectal cancer pathway (A12,"
                + " started 2024-03-04). Close or correct it before opening another.");
  }

  @Test
  void a_patient_is_in_one_mental_health_pathway_at_a_time() {
    var patient = TestPatients.next();
    var adults =
        post(
            "/api/v1/pathways",
            "{\"patient\": \"%s\", \"pathway\": \"D11\", \"organisation\": \"910000012\"}"
                .formatted(patient));
    assertThat(adults.status()).isEqualTo(201);
    // a cancer pathway alongside is fine
    assertThat(open(patient, "colorectal")).isNotNull();

    var substance =
        post(
            "/api/v1/pathways",
            "{\"patient\": \"%s\", \"pathway\": \"D01\", \"organisation\": \"910000020\"}"
                .formatted(patient));
    assertThat(substance.status()).isEqualTo(409);
    assertThat(substance.reason()).isEqualTo("MENTAL_HEALTH_PATHWAY_OPEN");
    assertThat(substance.body()).doesNotContain(patient);
    // another organisation: a change of type would not move it there, so it is not offered
    assertThat(substance.text())
        .isEqualTo(
            "Pasienten har allerede et åpent forløp i psykisk helse og rus: Utredning og"
                + " behandling i psykisk helsevern, voksne (D11 ved 910000012, åpnet 2024-12-31)."
                + " En pasient kan bare ha ett slikt forløp om gangen. Avslutt det (avslutning"
                + " eller overføring) før D01 startes.")
        .doesNotContain("type-change");

    var id = adults.json().get("id").asString();
    assertThat(register(id, "PATHWAY_START", "2024-11-01").status()).isEqualTo(201);
    var english = create(patient, "D01", "910000020", ENGLISH);
    assertThat(english.status()).isEqualTo(409);
    assertThat(english.reason()).isEqualTo("MENTAL_HEALTH_PATHWAY_OPEN");
    assertThat(english.text())
        .isEqualTo(
            "The patient already has an open mental-health or substance-use pathway: Mental"
                + " health services for adults (D11 at 910000012, started 2024-11-01). A patient"
                + " can be in only one such pathway at a time. End it (closure or transfer) before"
                + " starting D01.");

    // once the first has ended, the next may start
    assertThat(register(id, "PATHWAY_END", "2024-12-01").status()).isEqualTo(201);
    var after =
        post(
            "/api/v1/pathways",
            "{\"patient\": \"%s\", \"pathway\": \"D01\", \"organisation\": \"910000020\"}"
                .formatted(patient));
    assertThat(after.status()).as(after.body()).isEqualTo(201);
  }

  private ApplicationTest.Response changeType(
      String id, String pathway, String date, String... headers) {
    return post(
        "/api/v1/pathways/" + id + "/type-change",
        """
        {"pathway": "%s", "date": "%s", "note": "Spiseforstyrrelse"}
        """
            .formatted(pathway, date),
        headers);
  }

  private String startedChildPathway() {
    var id = open(TestPatients.next(), "D12");
    assertThat(register(id, "PATHWAY_START", "2024-03-11").status()).isEqualTo(201);
    return id;
  }

  @Test
  void a_change_of_pathway_type_answers_201_with_the_new_pathway_linked_to_the_old() {
    var old = startedChildPathway();

    var changed = changeType(old, "eating-disorders-young", "2024-05-02");

    assertThat(changed.status()).as(changed.body()).isEqualTo(201);
    var created = changed.json();
    var id = created.get("id").asString();
    assertThat(changed.location()).isEqualTo("/api/v1/pathways/" + id);
    assertThat(created.get("pathway").asString()).isEqualTo("eating-disorders-young");
    assertThat(created.get("organisation").asString()).isEqualTo("910000012");
    assertThat(created.get("changedFrom").get("id").asString()).isEqualTo(old);
    assertThat(created.get("changedFrom").get("codePrefix").asString()).isEqualTo("D12");
    assertThat(created.get("changedFrom").get("startedOn").asString()).isEqualTo("2024-03-11");
    assertThat(created.get("changedFrom").get("note").asString()).isEqualTo("Spiseforstyrrelse");
    assertThat(created.get("firstStartedOn").asString()).isEqualTo("2024-03-11");
    assertThat(created.get("codes").get(0).get("date").asString()).isEqualTo("2024-05-02");

    var before = get("/api/v1/pathways/" + old).json();
    assertThat(before.get("state").asString()).isEqualTo("CLOSED");
    assertThat(before.get("changedTo").get("id").asString()).isEqualTo(id);
    assertThat(before.get("changedTo").get("changedOn").asString()).isEqualTo("2024-05-02");
  }

  @Test
  void a_change_of_pathway_type_by_code_prefix() {
    var id = open(TestPatients.next(), "D11");
    assertThat(register(id, "PATHWAY_START", "2024-02-01").status()).isEqualTo(201);
    var changed = changeType(id, "D01", "2024-03-01");
    assertThat(changed.status()).as(changed.body()).isEqualTo(201);
    assertThat(changed.json().get("codePrefix").asString()).isEqualTo("D01");
  }

  @Test
  void a_change_of_pathway_type_before_the_start_is_refused_in_norwegian_or_english() {
    var old = startedChildPathway();

    var refused = changeType(old, "eating-disorders-young", "2024-03-10");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/fhir+json");
    assertThat(refused.reason()).isEqualTo("TYPE_CHANGE_BEFORE_START");
    assertThat(refused.text())
        .isEqualTo(
            "Endringen er datert 2024-03-10, men forløpet startet 2024-03-11. Type forløp kan"
                + " tidligst endres den dagen forløpet startet.");
    var english = changeType(old, "eating-disorders-young", "2024-03-10", "Accept-Language", "en");
    assertThat(english.text())
        .isEqualTo(
            "The change is dated 2024-03-10, but the pathway started on 2024-03-11. The type can"
                + " change on the day the pathway started at the earliest.");
    // the day of the start is allowed
    assertThat(changeType(old, "eating-disorders-young", "2024-03-11").status()).isEqualTo(201);
  }

  @Test
  void a_change_of_pathway_type_after_today_or_of_a_closed_pathway_is_refused() {
    var old = startedChildPathway();
    var future = changeType(old, "psychosis", "2025-01-01");
    assertThat(future.status()).isEqualTo(422);
    assertThat(future.reason()).isEqualTo("TYPE_CHANGE_IN_FUTURE");

    assertThat(changeType(old, "psychosis", "2024-12-31").status()).isEqualTo(201);
    var again = changeType(old, "eating-disorders-young", "2024-12-31");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.reason()).isEqualTo("TYPE_CHANGE_NOT_OPEN");
  }

  @Test
  void a_change_to_a_cancer_pathway_or_the_same_type_is_refused() {
    var old = startedChildPathway();
    var cancer = changeType(old, "colorectal", "2024-05-02");
    assertThat(cancer.status()).isEqualTo(422);
    assertThat(cancer.reason()).isEqualTo("TYPE_CHANGE_TO_NOT_MENTAL_HEALTH");
    var same = changeType(old, "D12", "2024-05-02");
    assertThat(same.status()).isEqualTo(422);
    assertThat(same.reason()).isEqualTo("TYPE_CHANGE_SAME_TYPE");
    assertThat(same.text()).contains("Forløpet er allerede");
    var unknown = changeType(old, "A99", "2024-05-02");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.reason()).isEqualTo("UNKNOWN_PATHWAY");
  }

  @Test
  void a_change_of_pathway_type_the_coding_rules_refuse_is_a_business_rule_error() {
    var old = startedChildPathway();
    assertThat(register(old, "FIRST_ATTENDANCE", "2024-04-01").status()).isEqualTo(201);
    var refused = changeType(old, "psychosis", "2024-03-20");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.reason()).isEqualTo("AFTER_CLOSING");
    assertThat(get("/api/v1/pathways/" + old).json().get("state").asString())
        .isEqualTo("IN_WORKUP");
  }

  @Test
  void a_change_of_pathway_type_without_a_date_is_a_bad_request() {
    var old = startedChildPathway();
    var response = post("/api/v1/pathways/" + old + "/type-change", "{\"pathway\": \"psychosis\"}");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("INVALID_FIELD");
  }

  @Test
  void only_users_who_register_codes_in_the_unit_change_a_pathway_type() {
    var old = startedChildPathway();
    var outside = changeType(old, "psychosis", "2024-05-02", AS, "nina");
    assertThat(outside.status()).isEqualTo(403);
    assertThat(outside.reason()).isEqualTo("OUTSIDE_UNITS");
    var leader = changeType(old, "psychosis", "2024-05-02", AS, "lise");
    assertThat(leader.status()).isEqualTo(403);
    assertThat(leader.reason()).isEqualTo("NOT_ALLOWED");
    assertThat(get("/api/v1/pathways/" + old).json().get("state").asString())
        .isEqualTo("AWAITING_FIRST_ATTENDANCE");
    assertThat(changeType(old, "psychosis", "2024-05-02", AS, "ola").status()).isEqualTo(201);
  }

  @Test
  void a_second_mental_health_pathway_at_the_same_organisation_points_to_the_type_change() {
    var patient = TestPatients.next();
    var adults = open(patient, "D11");
    var substance =
        post(
            "/api/v1/pathways",
            "{\"patient\": \"%s\", \"pathway\": \"D01\", \"organisation\": \"910000012\"}"
                .formatted(patient));
    assertThat(substance.status()).isEqualTo(409);
    assertThat(substance.reason()).isEqualTo("MENTAL_HEALTH_PATHWAY_OPEN");
    assertThat(substance.text())
        .contains("/api/v1/pathways/" + adults + "/type-change")
        .contains("klinisk vurdering");
  }

  @Test
  void a_body_that_is_not_json_is_a_bad_request() {
    var response = post("/api/v1/pathways", "{not json");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("UNREADABLE_BODY");
    assertThat(response.text()).startsWith("Innholdet i forespørselen kunne ikke leses.");
    // the parser's own words, for the integrator, apart from the text
    assertThat(response.diagnostics()).isNotBlank();
    assertThat(response.text()).doesNotContain(response.diagnostics());
    var english = post("/api/v1/pathways", "{not json", ENGLISH);
    assertThat(english.reason()).isEqualTo("UNREADABLE_BODY");
    assertThat(english.text()).startsWith("The request body could not be read.");
    assertThat(english.diagnostics()).isEqualTo(response.diagnostics());
  }

  @Test
  void an_impossible_date_is_a_bad_request() {
    var id = open(TestPatients.next(), "colorectal");
    var response = register(id, "A12A", "2024-02-30");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("UNREADABLE_BODY");
  }

  @Test
  void an_unknown_pathway_id_is_not_found() {
    var response = get("/api/v1/pathways/00000000-0000-0000-0000-000000000000");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.reason()).isEqualTo("PATHWAY_NOT_FOUND");
    assertThat(response.text())
        .isEqualTo(
            "Det finnes ikke noe forløp med ID 00000000-0000-0000-0000-000000000000. Kontroller"
                + " ID-en.");
    var english = get("/api/v1/pathways/00000000-0000-0000-0000-000000000000", ENGLISH);
    assertThat(english.reason()).isEqualTo("PATHWAY_NOT_FOUND");
    assertThat(english.text())
        .isEqualTo(
            "There is no pathway with id 00000000-0000-0000-0000-000000000000. Check the id.");
  }

  @Test
  void pathways_are_listed_by_patient_and_by_organisation() {
    var patient = TestPatients.next();
    open(patient, "colorectal");
    open(patient, "thyroid");

    assertThat(pathwaysOf(patient).json()).hasSize(2);
    assertThat(get("/api/v1/pathways?organisation=910000012").json().size())
        .isGreaterThanOrEqualTo(2);
    var neither = get("/api/v1/pathways");
    assertThat(neither.status()).isEqualTo(400);
    assertThat(neither.reason()).isEqualTo("PATIENT_OR_ORGANISATION");
    assertThat(neither.text())
        .isEqualTo("Oppgi nøyaktig én av parameterne «patient» og «organisation».");
    var both =
        post(
            "/api/v1/pathways/search",
            "{\"patient\": \"%s\", \"organisation\": \"910000012\"}".formatted(patient),
            ENGLISH);
    assertThat(both.reason()).isEqualTo("PATIENT_OR_ORGANISATION");
    assertThat(both.text())
        .isEqualTo("Give exactly one of the parameters \"patient\" and \"organisation\".");
  }

  @Test
  void the_patient_is_written_as_the_plain_number_and_described_as_a_string() {
    var patient = TestPatients.next();
    var created = create(patient, "colorectal", "910000012");
    var id = created.json().get("id").asString();

    assertThat(created.json().get("patient").asString()).isEqualTo(patient);
    assertThat(get("/api/v1/pathways/" + id).json().get("patient").asString()).isEqualTo(patient);
    assertThat(pathwaysOf(patient).json().get(0).get("patient").asString()).isEqualTo(patient);
    var schema =
        get("/v3/api-docs")
            .json()
            .get("components")
            .get("schemas")
            .get("PathwayView")
            .get("properties")
            .get("patient");
    assertThat(schema.get("type").asString()).as(schema.toString()).isEqualTo("string");
  }

  @Test
  void every_read_and_write_of_a_patients_pathway_is_audited() {
    var patient = TestPatients.next();
    var id =
        post(
                "/api/v1/pathways",
                "{\"patient\": \"%s\", \"pathway\": \"A12\", \"organisation\": \"910000012\"}"
                    .formatted(patient),
                AS,
                "kari")
            .json()
            .get("id")
            .asString();
    post(
        "/api/v1/pathways/" + id + "/codes",
        "{\"code\": \"A12A\", \"date\": \"2024-03-04\"}",
        AS,
        "kari",
        "X-Forlop-Purpose",
        "COORDINATION");
    get("/api/v1/pathways/" + id);

    var audit = auditTrail(patient).json();

    assertThat(audit).hasSize(3);
    assertThat(audit.get(0).get("action").asString()).isEqualTo("CREATE");
    assertThat(audit.get(0).get("actor").asString()).isEqualTo("kari");
    assertThat(audit.get(1).get("action").asString()).isEqualTo("UPDATE");
    assertThat(audit.get(1).get("purpose").asString()).isEqualTo("COORDINATION");
    assertThat(audit.get(2).get("action").asString()).isEqualTo("READ");
    assertThat(audit.get(2).get("actor").asString()).isEqualTo(DEFAULT_USER);
    // reading the audit log is itself recorded
    assertThat(auditTrail(patient).json()).hasSize(4);
  }

  /** The patient's audit trail as the administrator (of both demo units) reads it. */
  private ApplicationTest.Response auditTrail(String patient) {
    return post("/api/v1/audit/search", "{\"patient\": \"%s\"}".formatted(patient));
  }

  @Test
  void a_body_of_the_wrong_media_type_is_an_operation_outcome() {
    var response = post("/api/v1/pathways", "text/csv", "patient,pathway".getBytes());
    assertThat(response.status()).isEqualTo(415);
    assertThat(response.reason()).isEqualTo("MEDIA_TYPE_NOT_SUPPORTED");
  }

  @Test
  void without_signing_in_the_api_answers_401_with_an_operation_outcome() {
    var response = pathwaysOf("12036110072", AS, "nobody");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.reason()).isEqualTo("NOT_SIGNED_IN");
  }

  @Test
  void a_wrong_password_is_refused() {
    var response =
        pathwaysOf("12036110072", AS, "nobody", "Authorization", "Basic a2FyaTp3cm9uZw==");
    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void a_user_cannot_open_a_pathway_outside_their_units() {
    var id = open(TestPatients.next(), "colorectal");
    var forbidden = get("/api/v1/pathways/" + id, AS, "nina");
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.reason()).isEqualTo("OUTSIDE_UNITS");
    assertThat(forbidden.text()).isEqualTo("Forløpet tilhører en enhet du ikke arbeider i.");
    var english = get("/api/v1/pathways/" + id, AS, "nina", ENGLISH[0], ENGLISH[1]);
    assertThat(english.reason()).isEqualTo("OUTSIDE_UNITS");
    assertThat(english.text()).isEqualTo("This pathway belongs to a unit you do not work in.");
    assertThat(get("/api/v1/pathways/" + id, AS, "kari").status()).isEqualTo(200);
  }

  @Test
  void a_patients_pathways_outside_the_users_units_are_not_listed() {
    var patient = TestPatients.next();
    open(patient, "colorectal");
    assertThat(pathwaysOf(patient, AS, "nina").json()).isEmpty();
    assertThat(pathwaysOf(patient, AS, "kari").json()).hasSize(1);
  }

  @Test
  void a_leader_reads_but_does_not_register_codes() {
    var id = open(TestPatients.next(), "colorectal");
    assertThat(get("/api/v1/pathways/" + id, AS, "lise").status()).isEqualTo(200);
    var refused =
        post(
            "/api/v1/pathways/" + id + "/codes",
            "{\"code\": \"A12A\", \"date\": \"2024-03-04\"}",
            AS,
            "lise");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.reason()).isEqualTo("NOT_ALLOWED");
  }

  @Test
  void an_integration_user_sees_no_pathways() {
    assertThat(pathwaysOf("12036110072", AS, "ehr").status()).isEqualTo(403);
  }
}

package no.forlop.mdt;

import static no.forlop.mdt.TestPathways.FJORDBY;
import static no.forlop.mdt.TestPathways.NORDVIK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.audit.AuditAction;
import no.forlop.audit.AuditLog;
import no.forlop.ingest.IntakeService;
import no.forlop.mdt.Agenda.Item;
import no.forlop.pathway.CodeFact;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.PathwayId;
import no.forlop.pathway.PathwayService;
import no.forlop.pathway.PathwayState;
import no.forlop.pathway.PathwayView;
import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * MDT meetings through the pages (a signed-in session with CSRF, by MockMvc on the running
 * application): planning, the agenda's proposals, decisions and the codes that follow, refusals,
 * roles and units. Today is 2024-12-31 (the application clock).
 */
class MdtIT extends ApplicationTest {

  static final Map<String, String[]> ROLES =
      Map.of(
          "kari", new String[] {"COORDINATOR"},
          "ola", new String[] {"CLINICIAN"},
          "nina", new String[] {"COORDINATOR"},
          "lise", new String[] {"LEADER"},
          "admin", new String[] {"ADMINISTRATOR", "COORDINATOR"});
  static final Actor KARI = new Actor("kari", Actor.DEFAULT_PURPOSE, Set.of(FJORDBY));

  @Autowired WebApplicationContext context;
  @Autowired PathwayService pathways;
  @Autowired IntakeService intake;
  @Autowired MdtService mdt;
  @Autowired AuditLog audit;

  MockMvc mvc;
  TestPathways make;

  @BeforeEach
  void setUp() {
    mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    make = new TestPathways(pathways, intake);
  }

  // ------------------------------------------------------------------------------------ helpers

  static RequestPostProcessor as(String username) {
    return user(username).roles(ROLES.get(username));
  }

  MockHttpServletResponse page(String path, String username) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get(path).with(as(username)))
        .andReturn()
        .getResponse();
  }

  static String html(MockHttpServletResponse response) throws Exception {
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  MvcResult submit(String username, String path, String... params) throws Exception {
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.post(path).with(as(username)).with(csrf());
    for (int i = 0; i + 1 < params.length; i += 2) {
      request = request.param(params[i], params[i + 1]);
    }
    return mvc.perform(request).andReturn();
  }

  /** Plans a meeting through the page and returns its id. */
  UUID plan(String username, String date, String team, String unit, String... covered)
      throws Exception {
    var params =
        new java.util.ArrayList<String>(
            java.util.List.of("date", date, "team", team, "unit", unit));
    for (var pathway : covered) {
      params.add("pathways");
      params.add(pathway);
    }
    var result = submit(username, "/mdt", params.toArray(String[]::new));
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    var location = result.getResponse().getRedirectedUrl();
    assertThat(location).startsWith("/mdt/");
    return UUID.fromString(location.substring("/mdt/".length()));
  }

  MvcResult decide(String username, UUID meeting, UUID pathway, String outcome, String discussedOn)
      throws Exception {
    return submit(
        username,
        "/mdt/" + meeting + "/agenda/" + pathway + "/decision",
        "outcome",
        outcome,
        "intention",
        "CURATIVE",
        "discussed",
        discussedOn == null ? "no" : "yes",
        "discussedOn",
        discussedOn == null ? "2024-12-31" : discussedOn);
  }

  PathwayView.Code decisionCode(UUID pathway) {
    return pathways.get(new PathwayId(pathway), null, TestPathways.SETUP).codes().stream()
        .filter(c -> c.milestone() == no.forlop.catalog.Milestone.CLINICAL_DECISION)
        .filter(c -> "DERIVED".equals(c.origin()))
        .findFirst()
        .orElseThrow();
  }

  // ------------------------------------------------------------------------------------ tests

  @Test
  void a_coordinator_plans_a_meeting_and_it_is_listed_for_her_units_newest_first()
      throws Exception {
    var older =
        plan("kari", "2024-12-02", "Tykktarm eldre " + UUID.randomUUID(), FJORDBY, "colorectal");
    var newer =
        plan(
            "kari",
            "2024-12-20",
            "Tykktarm nyere " + UUID.randomUUID(),
            FJORDBY,
            "colorectal",
            "metastases");

    var list = html(page("/mdt", "kari"));

    assertThat(list).contains(mdt.meeting(newer, KARI).team(), mdt.meeting(older, KARI).team());
    assertThat(list.indexOf(newer.toString())).isLessThan(list.indexOf(older.toString()));
    assertThat(list)
        .contains("20.12.2024", "Pakkeforløp for tykk- og endetarmskreft", "Fjordby sykehus HF");
    var meeting = mdt.meeting(newer, KARI);
    assertThat(meeting.date()).isEqualTo(LocalDate.parse("2024-12-20"));
    assertThat(meeting.organisation()).isEqualTo(FJORDBY);
    assertThat(meeting.pathways()).containsExactly("colorectal", "metastases");
    assertThat(meeting.plannedBy()).isEqualTo("kari");
  }

  @Test
  void a_meeting_without_team_or_pathways_is_not_planned_and_the_form_says_why() throws Exception {
    var noTeam =
        submit(
            "kari",
            "/mdt",
            "date",
            "2024-12-20",
            "team",
            " ",
            "unit",
            FJORDBY,
            "pathways",
            "colorectal");
    var noPathway = submit("kari", "/mdt", "date", "2024-12-20", "team", "Lunge", "unit", FJORDBY);

    assertThat(noTeam.getResponse().getStatus()).isEqualTo(400);
    assertThat(html(noTeam.getResponse())).contains("Oppgi navnet på teamet.");
    assertThat(html(noPathway.getResponse())).contains("Velg minst ett forløp møtet gjelder.");
  }

  @Test
  void the_agenda_proposes_exactly_the_pathways_in_work_up_of_its_unit_and_pathways_due_first()
      throws Exception {
    var overdue = make.inWorkup("colorectal", FJORDBY, "2024-12-01");
    var running = make.inWorkup("colorectal", FJORDBY, "2024-12-27");
    var metastases = make.inWorkup("metastases", FJORDBY, "2024-12-20");
    var decided =
        make.pathway(
            "colorectal", FJORDBY, "A", "2024-12-01", "S", "2024-12-03", "CK", "2024-12-10");
    var awaiting = make.pathway("colorectal", FJORDBY, "A", "2024-12-28");
    var otherUnit = make.inWorkup("colorectal", NORDVIK, "2024-12-20");
    var otherPathway = make.inWorkup("prostate", FJORDBY, "2024-12-20");

    var id = plan("kari", "2024-12-30", "Tykk- og endetarm", FJORDBY, "colorectal", "metastases");
    var agenda = mdt.agenda(id, KARI);

    var ids = agenda.items().stream().map(Item::id).toList();
    assertThat(ids).contains(overdue.id(), running.id(), metastases.id());
    assertThat(ids).doesNotContain(decided.id(), awaiting.id(), otherUnit.id(), otherPathway.id());
    assertThat(agenda.items())
        .allSatisfy(
            item -> {
              assertThat(item.pathway().organisation().value()).isEqualTo(FJORDBY);
              assertThat(item.pathway().pathway().value()).isIn("colorectal", "metastases");
              assertThat(item.pathway().state()).isEqualTo(PathwayState.IN_WORKUP);
              assertThat(item.proposed()).isTrue();
            });
    // ordered by the OF2 due date; a pathway without a verified norm after those with one
    assertThat(ids.indexOf(overdue.id())).isLessThan(ids.indexOf(running.id()));
    assertThat(ids.indexOf(running.id())).isLessThan(ids.indexOf(metastases.id()));
    var first = agenda.items().get(ids.indexOf(overdue.id()));
    assertThat(first.overdue()).isTrue();
    assertThat(first.decisionDue().dueDate()).isEqualTo(LocalDate.parse("2024-12-13"));
    assertThat(first.firstAttendance()).isEqualTo(LocalDate.parse("2024-12-01"));
    var second = agenda.items().get(ids.indexOf(running.id()));
    assertThat(second.overdue()).isFalse();
    assertThat(second.daysLeft()).isEqualTo(8L);

    var page = html(page("/mdt/" + id, "kari"));
    assertThat(page)
        .contains(overdue.name(), running.name(), metastases.name())
        .doesNotContain(decided.name(), awaiting.name(), otherUnit.name(), otherPathway.name())
        .contains("Over fristen med 18 dager", "8 dager igjen", "Ingen verifisert norm")
        .contains("13.12.2024", "01.12.2024", "I utredning");
    // the read of the agenda's patients is audited with the meeting
    assertThat(audit.forPatient(overdue.patient()))
        .anyMatch(
            e ->
                e.action() == AuditAction.READ
                    && e.actor().equals("kari")
                    && e.resource().equals("MdtMeeting/" + id));
  }

  @Test
  void a_decision_discussed_with_the_patient_registers_the_code_on_the_day_of_the_conversation()
      throws Exception {
    var patient = make.inWorkup("colorectal", FJORDBY, "2024-12-16");
    var id = plan("kari", "2024-12-27", "Tykktarm", FJORDBY, "colorectal");

    var result = decide("ola", id, patient.id(), "CK", "2024-12-30");

    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    assertThat(result.getFlashMap().get("notice"))
        .isEqualTo("Beslutningen er lagret. A12CK er registrert med dato 30.12.2024.");
    var pathway = get("/api/v1/pathways/" + patient.id()).json();
    tools.jackson.databind.JsonNode code = null;
    for (var c : pathway.get("codes")) {
      if (c.get("code").asString().equals("A12CK")) {
        code = c;
      }
    }
    assertThat(code).isNotNull();
    assertThat(code.get("date").asString()).isEqualTo("2024-12-30");
    assertThat(code.get("state").asString()).isEqualTo("REGISTERED");
    assertThat(code.get("origin").asString()).isEqualTo("DERIVED");
    assertThat(code.get("rule").asString()).isEqualTo("MDT-DECISION");
    assertThat(code.get("rulesetVersion").asString()).isEqualTo("mdt-1");
    assertThat(code.get("sources").get(0).asString()).isEqualTo("MdtMeeting/" + id);
    assertThat(code.get("recordedBy").asString()).isEqualTo("ola");
    assertThat(pathway.get("state").asString()).isEqualTo("DECIDED");

    var page = html(page("/mdt/" + id, "ola"));
    assertThat(page).contains("A12CK", "registrert", "Kurativ", "30.12.2024", "Ola Hansen");
    assertThat(audit.forPatient(patient.patient()))
        .anyMatch(
            e ->
                e.action() == AuditAction.CREATE
                    && e.actor().equals("ola")
                    && e.resource().equals("MdtMeeting/" + id)
                    && e.details().equals("DECISION CK CURATIVE"))
        .anyMatch(e -> e.action() == AuditAction.UPDATE && e.details().equals("REGISTERED A12CK"));
  }

  @Test
  void a_decision_not_yet_discussed_is_proposed_and_registered_when_the_conversation_is_recorded()
      throws Exception {
    var patient = make.inWorkup("colorectal", FJORDBY, "2024-12-16");
    var id = plan("kari", "2024-12-27", "Tykktarm", FJORDBY, "colorectal");

    var decided = decide("ola", id, patient.id(), "CK", null);

    assertThat(decided.getFlashMap().get("notice").toString())
        .startsWith("Beslutningen er lagret. A12CK er foreslått med dato 27.12.2024");
    var proposed = decisionCode(patient.id());
    assertThat(proposed.state()).isEqualTo(CodeState.PROPOSED);
    assertThat(proposed.date()).isEqualTo(LocalDate.parse("2024-12-27"));
    assertThat(proposed.rule()).isEqualTo("MDT-DECISION");
    assertThat(proposed.sources()).containsExactly("MdtMeeting/" + id);
    var history = pathways.get(new PathwayId(patient.id()), null, TestPathways.SETUP).history();
    assertThat(history.get(history.size() - 1).reason().english())
        .contains("Awaits the conversation with the patient");
    assertThat(html(page("/mdt/" + id, "ola")))
        .contains("foreslått, venter på samtalen med pasienten", "Ikke ennå", "Lagre samtalen");

    var discussed =
        submit(
            "kari",
            "/mdt/" + id + "/agenda/" + patient.id() + "/conversation",
            "discussedOn",
            "2024-12-30");

    assertThat(discussed.getFlashMap().get("notice"))
        .isEqualTo("Samtalen med pasienten er lagret. A12CK er registrert med dato 30.12.2024.");
    var registered = decisionCode(patient.id());
    assertThat(registered.registration()).isEqualTo(proposed.registration());
    assertThat(registered.state()).isEqualTo(CodeState.REGISTERED);
    assertThat(registered.date()).isEqualTo(LocalDate.parse("2024-12-30"));
    assertThat(pathways.get(new PathwayId(patient.id()), null, TestPathways.SETUP).history())
        .filteredOn(f -> f.registration().equals(proposed.registration()))
        .extracting(PathwayView.Fact::kind)
        .containsExactly(
            CodeFact.Kind.REGISTERED, CodeFact.Kind.CORRECTED, CodeFact.Kind.CONFIRMED);
    var item =
        mdt.agenda(id, KARI).items().stream()
            .filter(i -> i.id().equals(patient.id()))
            .findFirst()
            .orElseThrow();
    assertThat(item.decision().discussedOn()).isEqualTo(LocalDate.parse("2024-12-30"));
    assertThat(item.decision().awaitsConversation()).isFalse();
    // recorded once
    var again =
        submit(
            "kari",
            "/mdt/" + id + "/agenda/" + patient.id() + "/conversation",
            "discussedOn",
            "2024-12-31");
    assertThat(again.getFlashMap().get("error"))
        .isEqualTo("Samtalen med pasienten er allerede registrert.");
  }

  @Test
  void a_decision_the_pathway_engine_refuses_is_kept_and_the_reason_shown_in_norwegian()
      throws Exception {
    var patient =
        make.pathway(
            "colorectal", FJORDBY, "A", "2024-12-01", "S", "2024-12-03", "CK", "2024-12-10");
    var id = plan("kari", "2024-12-27", "Tykktarm", FJORDBY, "colorectal");
    var added = submit("kari", "/mdt/" + id + "/agenda", "patient", patient.patient());
    assertThat(added.getFlashMap().get("notice")).isEqualTo("Pasienten er lagt til på agendaen.");

    var result = decide("ola", id, patient.id(), "CM", "2024-12-30");

    assertThat(result.getFlashMap().get("error"))
        .isEqualTo(
            "Beslutningen er lagret, men forløpsmotoren avviste koden: A12CM (30.12.2024):"
                + " høyst 1 klinisk(e) beslutning(er) i dette forløpet.");
    var item =
        mdt.agenda(id, KARI).items().stream()
            .filter(i -> i.id().equals(patient.id()))
            .findFirst()
            .orElseThrow();
    assertThat(item.proposed()).isFalse();
    assertThat(item.decision().decision().outcome()).isEqualTo("CM");
    assertThat(item.decision().code()).isNull();
    assertThat(item.decision().refusal().reason().name()).isEqualTo("TOO_MANY_DECISIONS");
    assertThat(html(page("/mdt/" + id, "ola")))
        .contains("Forløpsmotoren avviste koden: A12CM (30.12.2024): høyst 1 klinisk(e)")
        .contains("påvist eller mistanke om annen kreftsykdom");
  }

  @Test
  void a_decision_is_recorded_once_and_not_before_the_meeting_nor_with_a_conversation_before_it()
      throws Exception {
    var patient = make.inWorkup("colorectal", FJORDBY, "2024-12-16");
    var held = plan("kari", "2024-12-27", "Tykktarm", FJORDBY, "colorectal");
    var future = plan("kari", "2025-01-07", "Tykktarm", FJORDBY, "colorectal");

    assertThat(decide("ola", future, patient.id(), "CK", null).getFlashMap().get("error"))
        .isEqualTo(
            "Møtet er 07.01.2025; beslutninger kan registreres fra møtedagen (i dag er 31.12.2024).");
    assertThat(decide("ola", held, patient.id(), "CK", "2024-12-20").getFlashMap().get("error"))
        .isEqualTo("Samtalen med pasienten kan ikke være før møtet (27.12.2024).");
    assertThat(decide("ola", held, patient.id(), "XX", null).getFlashMap().get("error"))
        .isEqualTo("Velg et utfall for den kliniske beslutningen.");
    assertThat(decide("ola", held, patient.id(), "CK", null).getFlashMap().get("error")).isNull();
    assertThat(decide("ola", held, patient.id(), "CI", null).getFlashMap().get("error"))
        .isEqualTo("En beslutning for denne pasienten er allerede registrert i dette møtet.");
    assertThat(
            pathways.get(new PathwayId(patient.id()), null, TestPathways.SETUP).codes().stream()
                .filter(c -> c.milestone() == no.forlop.catalog.Milestone.CLINICAL_DECISION))
        .hasSize(1);
  }

  @Test
  void a_coordinator_removes_a_patient_who_is_not_proposed_again_and_can_put_them_back()
      throws Exception {
    var patient = make.inWorkup("colorectal", FJORDBY, "2024-12-16");
    var id = plan("kari", "2024-12-30", "Tykktarm", FJORDBY, "colorectal");

    submit("kari", "/mdt/" + id + "/agenda/" + patient.id() + "/removal");
    var later = make.inWorkup("colorectal", FJORDBY, "2024-12-29");
    var proposed = submit("kari", "/mdt/" + id + "/proposals");

    assertThat(proposed.getFlashMap().get("notice").toString()).contains("foreslått");
    var agenda = mdt.agenda(id, KARI);
    assertThat(agenda.items())
        .extracting(Item::id)
        .contains(later.id())
        .doesNotContain(patient.id());
    assertThat(agenda.removed()).extracting(Item::id).containsExactly(patient.id());
    assertThat(html(page("/mdt/" + id, "kari"))).contains("Tatt av agendaen", patient.name());

    submit("kari", "/mdt/" + id + "/agenda/" + patient.id() + "/restoration");

    assertThat(mdt.agenda(id, KARI).items()).extracting(Item::id).contains(patient.id());
    assertThat(mdt.agenda(id, KARI).removed()).isEmpty();
  }

  @Test
  void a_user_of_another_unit_can_neither_see_nor_plan_meetings_of_a_unit_not_theirs()
      throws Exception {
    var patient = make.inWorkup("colorectal", FJORDBY, "2024-12-16");
    var team = "Fjordby tykktarm " + UUID.randomUUID();
    var id = plan("kari", "2024-12-27", team, FJORDBY, "colorectal");

    var meeting = page("/mdt/" + id, "nina");
    assertThat(meeting.getStatus()).isEqualTo(403);
    assertThat(html(meeting))
        .contains("Ingen tilgang", "Møtet hører til en enhet du ikke arbeider i.")
        .doesNotContain(team, patient.name());
    assertThat(html(page("/mdt", "nina"))).doesNotContain(team);

    var planned =
        submit(
            "nina",
            "/mdt",
            "date",
            "2024-12-30",
            "team",
            "Fremmed",
            "unit",
            FJORDBY,
            "pathways",
            "colorectal");
    assertThat(planned.getResponse().getStatus()).isEqualTo(403);
    assertThat(html(planned.getResponse())).contains("Ingen tilgang");

    var decided = decide("nina", id, patient.id(), "CK", null);
    assertThat(decided.getResponse().getStatus()).isEqualTo(403);
    var unknown = page("/mdt/" + UUID.randomUUID(), "nina");
    assertThat(unknown.getStatus()).isEqualTo(404);
    assertThat(html(unknown)).contains("Fant ikke møtet");
    assertThat(pathways.get(new PathwayId(patient.id()), null, TestPathways.SETUP).state())
        .isEqualTo(PathwayState.IN_WORKUP);
  }

  @Test
  void leaders_read_clinicians_decide_and_only_coordinators_plan_and_edit_the_agenda()
      throws Exception {
    var patient = make.inWorkup("colorectal", FJORDBY, "2024-12-16");
    var id = plan("kari", "2024-12-27", "Tykktarm", FJORDBY, "colorectal");

    var leaderPage = page("/mdt/" + id, "lise");
    assertThat(leaderPage.getStatus()).isEqualTo(200);
    assertThat(html(leaderPage))
        .contains(patient.name())
        .doesNotContain("record-decision", "add-patient");
    assertThat(decide("lise", id, patient.id(), "CK", null).getResponse().getStatus())
        .isEqualTo(403);
    assertThat(html(page("/mdt", "lise"))).doesNotContain("plan-meeting");

    var clinicianPage = html(page("/mdt/" + id, "ola"));
    assertThat(clinicianPage).contains("record-decision").doesNotContain("add-patient");
    var planned =
        submit(
            "ola",
            "/mdt",
            "date",
            "2024-12-30",
            "team",
            "Ola",
            "unit",
            FJORDBY,
            "pathways",
            "colorectal");
    assertThat(planned.getResponse().getStatus()).isEqualTo(403);
    assertThat(html(planned.getResponse())).contains("Rollen din gir ikke lov til dette.");
    assertThat(
            submit("ola", "/mdt/" + id + "/agenda/" + patient.id() + "/removal")
                .getResponse()
                .getStatus())
        .isEqualTo(403);
  }

  @Test
  void the_pages_speak_english_on_request() throws Exception {
    make.inWorkup("colorectal", FJORDBY, "2024-12-16");
    var id = plan("kari", "2024-12-27", "Colorectal", FJORDBY, "colorectal");

    var page = html(page("/mdt/" + id + "?lang=en", "kari"));

    assertThat(page)
        .contains(
            "MDT meeting",
            "Clinical decision due",
            "In work-up",
            "Record the decision",
            "27 Dec 2024");
  }
}

package no.forlop.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import no.forlop.deploy.GrafanaDashboard;
import no.forlop.ingest.IntakeService;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.ColorectalHistory;
import no.forlop.testing.TestPatients;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The pull connector end to end: a real FHIR server (HAPI's RestfulServer in its own Tomcat) holds
 * the EHR's resources; Forløp polls it through {@code POST /api/v1/ingest/pull} and the pathways
 * are read through Forløp's REST API. Pages of two resources, so every search has next links.
 * Before each test a poll has taken everything the server held, so each test sees only its own
 * changes.
 *
 * <p>It has an application context of its own, unlike the other integration tests: the pull
 * settings are fixed at start-up and must name this server's port, known only when it runs, while
 * the shared application has no server to pull from (ApiErrorsIT checks what a poll then answers).
 */
@TestPropertySource(properties = "forlop.pull.page-size=2")
class PullConnectorIT extends ApplicationTest {

  private static final FhirTestServer SERVER = FhirTestServer.start();
  private static final String ORGANISATION = "pull-org-hf1";

  static {
    SERVER.put(ColorectalHistory.organisation(ORGANISATION));
  }

  @DynamicPropertySource
  static void fhirServer(DynamicPropertyRegistry registry) {
    registry.add("forlop.pull.base-url", SERVER::baseUrl);
  }

  @AfterAll
  static void stopServer() throws Exception {
    SERVER.close();
  }

  @Autowired ApplicationContext context;
  @Autowired IntakeService intake;
  @Autowired PullCursors cursors;
  @Autowired PullSettings settings;
  @Autowired Clock clock;

  @BeforeEach
  void everything_on_the_server_has_been_fetched() {
    SERVER.failing("Encounter", false);
    assertThat(poll().get("complete").asBoolean()).isTrue();
  }

  private JsonNode poll() {
    var response = post("/api/v1/ingest/pull", "{}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  private static JsonNode type(JsonNode report, String type) {
    for (var result : report.get("types")) {
      if (result.get("resourceType").asString().equals(type)) {
        return result;
      }
    }
    throw new AssertionError("no " + type + " in " + report);
  }

  private JsonNode pathwayOf(String patient) {
    var pathways = pathwaysOf(patient).json();
    assertThat(pathways).as("pathways of the patient").hasSize(1);
    return pathways.get(0);
  }

  private static Map<String, String> codes(JsonNode pathway) {
    var codes = new HashMap<String, String>();
    pathway
        .get("codes")
        .forEach(c -> codes.put(c.get("code").asString(), c.get("date").asString()));
    return codes;
  }

  private static String onServer(String patient) {
    var resources = ColorectalHistory.of(patient, ORGANISATION);
    SERVER.put(resources.toArray(org.hl7.fhir.r4.model.Resource[]::new));
    return patient;
  }

  @Test
  void prometheus_reads_the_pull_connectors_lag_per_source_as_the_dashboard_shows_it() {
    // given: the poll before each test fetched every type, at the fixed clock's instant

    // when
    var scrape = get("/actuator/prometheus");

    // then: every pull metric the Grafana dashboard shows, tagged with the source
    assertThat(scrape.status()).isEqualTo(200);
    var names =
        GrafanaDashboard.metricNames().stream().filter(GrafanaDashboard::ofPullConnector).toList();
    assertThat(names).isNotEmpty();
    var source = "source=\"" + SERVER.baseUrl() + "\"";
    for (var name : names) {
      assertThat(scrape.body()).as(name).contains(name + "{" + source + "}");
    }
    assertThat(scrape.body())
        .contains("forlop_pull_since_success_seconds{" + source + "} 0.0")
        .contains("forlop_intake_lag_seconds_count{channel=\"pull\"}")
        .contains("forlop_intake_resources_received_total{channel=\"pull\"");
  }

  @Test
  void the_first_poll_fetches_everything_page_by_page_and_the_pathways_get_their_codes() {
    // given: three patients' pathways in the EHR, seven resources each
    var patients = List.of(TestPatients.next(), TestPatients.next(), TestPatients.next());
    patients.forEach(PullConnectorIT::onServer);

    // when
    var report = poll();

    // then
    assertThat(report.get("fetched").asInt()).isEqualTo(21);
    assertThat(report.get("accepted").asInt()).isEqualTo(21);
    assertThat(report.get("rejected").asInt()).isZero();
    assertThat(report.get("patientsDerived").asInt()).isEqualTo(3);
    var encounters = type(report, "Encounter");
    assertThat(encounters.get("fetched").asInt()).isEqualTo(6);
    assertThat(encounters.get("pages").asInt()).as("six encounters, two a page").isEqualTo(3);
    for (var patient : patients) {
      assertThat(codes(pathwayOf(patient)))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "A12A", "2024-03-04",
                  "A12S", "2024-03-11",
                  "A12CK", "2024-03-20",
                  "A12FK", "2024-04-05"));
    }
  }

  @Test
  void a_second_poll_fetches_nothing_new_and_changes_nothing() {
    // given
    var patient = onServer(TestPatients.next());
    poll();
    var before = pathwayOf(patient);

    // when
    var again = poll();

    // then
    assertThat(again.get("fetched").asInt()).isZero();
    assertThat(again.get("patientsDerived").asInt()).isZero();
    var after = pathwayOf(patient);
    assertThat(after.get("history")).hasSameSizeAs(before.get("history"));
    assertThat(after.get("codes")).isEqualTo(before.get("codes"));
    // and it asked only for what changed after the newest lastUpdated the server had returned
    var newestEncounter = SERVER.lastUpdated("Encounter", ColorectalHistory.id(patient, "e2"));
    assertThat(last(SERVER.searchesOf("Encounter")))
        .contains("_lastUpdated=gt" + encoded(newestEncounter))
        .contains("_count=2");
  }

  @Test
  void an_encounter_marked_entered_in_error_on_the_server_moves_the_first_attendance() {
    // given: first attendance 2024-03-11 (e1), another visit 2024-03-13 (e2)
    var patient = onServer(TestPatients.next());
    poll();
    assertThat(codes(pathwayOf(patient))).containsEntry("A12S", "2024-03-11");

    // when: the EHR marks e1 entered-in-error (a new version with a newer lastUpdated)
    var withdrawn =
        ColorectalHistory.encounter(patient, "e1", ORGANISATION, "2024-03-11T08:30:00+01:00");
    withdrawn.setStatus(Encounter.EncounterStatus.ENTEREDINERROR);
    SERVER.put(withdrawn);
    var report = poll();

    // then: only that encounter is fetched, and the first attendance is now e2's day
    assertThat(report.get("fetched").asInt()).isEqualTo(1);
    assertThat(type(report, "Encounter").get("fetched").asInt()).isEqualTo(1);
    var pathway = pathwayOf(patient);
    assertThat(codes(pathway))
        .containsEntry("A12S", "2024-03-13")
        .containsEntry("A12A", "2024-03-04");
  }

  @Test
  void the_cursor_is_the_servers_last_updated_and_survives_a_restart_of_the_connector() {
    // given
    var patient = onServer(TestPatients.next());
    poll();
    var newest = SERVER.lastUpdated("Procedure", ColorectalHistory.id(patient, "op"));

    // then: the cursor kept is the server's own value (its clock is in 2025; Forløp's says
    // 2024-12-31)
    var status = get("/api/v1/ingest/pull").json();
    var procedure = cursorOf(status, "Procedure");
    assertThat(procedure).isEqualTo(newest);
    assertThat(procedure).startsWith("2025-01-01");

    // when: a new connector (as after a restart) polls
    var restarted = new PullConnector(intake, cursors, settings, clock);
    var report = restarted.poll(PullConnector.PULL).orElseThrow();

    // then: it read the cursors from the table, so nothing is fetched again
    assertThat(report.fetched()).isZero();
    assertThat(last(SERVER.searchesOf("Procedure"))).contains("_lastUpdated=gt" + encoded(newest));

    // and what changes afterwards is fetched by the restarted connector
    var later =
        ColorectalHistory.encounter(patient, "e3", ORGANISATION, "2024-04-20T09:00:00+02:00");
    SERVER.put(later);
    assertThat(restarted.poll(PullConnector.PULL).orElseThrow().fetched()).isEqualTo(1);
  }

  @Test
  void a_type_the_server_fails_to_search_keeps_its_cursor_and_is_fetched_on_the_next_poll() {
    // given: the server's encounter search fails for a while
    var patient = onServer(TestPatients.next());
    SERVER.failing("Encounter", true);
    var before = cursorOf(get("/api/v1/ingest/pull").json(), "Encounter");

    // when
    var failed = poll();

    // then: the other types are in, the encounters are not, and their cursor stayed
    assertThat(failed.get("complete").asBoolean()).isFalse();
    assertThat(type(failed, "Encounter").get("failure").asString()).contains("500");
    assertThat(cursorOf(get("/api/v1/ingest/pull").json(), "Encounter")).isEqualTo(before);
    assertThat(codes(pathwayOf(patient))).containsKey("A12A").doesNotContainKey("A12S");

    // when the server is well again
    SERVER.failing("Encounter", false);
    var next = poll();

    // then the milestone is not lost
    assertThat(type(next, "Encounter").get("fetched").asInt()).isEqualTo(2);
    assertThat(codes(pathwayOf(patient))).containsEntry("A12S", "2024-03-11");
  }

  /**
   * A connector whose intake fails as if the database were away while {@code away} is set: its
   * receiving ({@code receiving}) or its deriving ({@code deriving}).
   */
  private PullConnector connectorWithDatabase(AtomicBoolean receiving, AtomicBoolean deriving) {
    var failing = Mockito.spy(intake);
    Mockito.doAnswer(
            call -> {
              if (receiving.get()) {
                throw new CannotGetJdbcConnectionException(
                    "test", new java.sql.SQLTransientConnectionException("pool timed out"));
              }
              return call.callRealMethod();
            })
        .when(failing)
        .receive(
            Mockito.any(byte[].class), Mockito.anyString(), Mockito.any(), Mockito.anyBoolean());
    Mockito.doAnswer(
            call -> {
              if (deriving.get()) {
                throw new CannotGetJdbcConnectionException(
                    "test", new java.sql.SQLException("Connection refused", "08001"));
              }
              return call.callRealMethod();
            })
        .when(failing)
        .derive(Mockito.any());
    return new PullConnector(failing, cursors, settings, clock);
  }

  @Test
  void while_the_database_is_away_polls_back_off_and_then_go_on_from_their_cursors() {
    // given: a patient's pathway on the server, and a connector whose database is away
    var patient = onServer(TestPatients.next());
    var away = new AtomicBoolean(true);
    var connector = connectorWithDatabase(away, new AtomicBoolean(false));
    var patientCursor = cursorOf(get("/api/v1/ingest/pull").json(), "Patient");
    assertThat(connector.health().pause()).isEqualTo(settings.interval());

    // when
    var failed = connector.poll(PullConnector.PULL).orElseThrow();

    // then: the poll stopped at the first type, no cursor moved, and the next poll waits longer
    assertThat(failed.complete()).isFalse();
    assertThat(failed.types()).hasSize(1);
    assertThat(failed.types().get(0).failure()).contains("database cannot be reached");
    assertThat(cursorOf(get("/api/v1/ingest/pull").json(), "Patient")).isEqualTo(patientCursor);
    var health = connector.health();
    assertThat(health.failuresInARow()).isEqualTo(1);
    assertThat(health.pause()).isEqualTo(settings.interval().multipliedBy(2));
    assertThat(health.lastFailure()).contains("database cannot be reached");
    assertThat(health.lastFailureAt()).isEqualTo(clock.instant());

    // and each failure in a row doubles the pause, up to the longest
    connector.poll(PullConnector.PULL);
    assertThat(connector.health().pause()).isEqualTo(settings.interval().multipliedBy(4));
    for (int i = 0; i < 10; i++) {
      connector.poll(PullConnector.PULL);
    }
    assertThat(connector.health().failuresInARow()).isEqualTo(12);
    assertThat(connector.health().pause()).isEqualTo(settings.maxBackoff());

    // when the database is back
    away.set(false);
    var next = connector.poll(PullConnector.PULL).orElseThrow();

    // then: everything since the cursors is fetched, the pathway has its codes, the pause is back
    assertThat(next.complete()).isTrue();
    assertThat(next.fetched()).isEqualTo(7);
    assertThat(codes(pathwayOf(patient))).containsEntry("A12FK", "2024-04-05");
    assertThat(connector.health().failuresInARow()).isZero();
    assertThat(connector.health().pause()).isEqualTo(settings.interval());
    assertThat(connector.health().lastSuccessAt()).isEqualTo(clock.instant());
  }

  @Test
  void patients_stored_by_a_poll_whose_derivation_failed_are_derived_at_the_next_poll() {
    // given: a poll that stores a patient's facts, and cannot derive them (the database went)
    var patient = onServer(TestPatients.next());
    var deriving = new AtomicBoolean(true);
    var connector = connectorWithDatabase(new AtomicBoolean(false), deriving);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> connector.poll(PullConnector.PULL))
        .isInstanceOf(CannotGetJdbcConnectionException.class);
    assertThat(connector.health().failuresInARow()).isEqualTo(1);
    assertThat(pathwaysOf(patient).json()).isEmpty();

    // when: the next poll, with the database back, fetches the same facts again (no cursor moved)
    deriving.set(false);
    var next = connector.poll(PullConnector.PULL).orElseThrow();

    // then: receiving them again changed nothing, yet the patient is derived
    assertThat(next.fetched()).isEqualTo(7);
    assertThat(next.patientsDerived()).isEqualTo(1);
    assertThat(codes(pathwayOf(patient))).containsEntry("A12S", "2024-03-11");
    assertThat(connector.health().failuresInARow()).isZero();
  }

  @Test
  void the_status_shows_how_the_polls_have_gone() {
    var status = get("/api/v1/ingest/pull").json();
    assertThat(status.get("maxBackoff").asString()).isEqualTo("PT15M");
    var health = status.get("health");
    assertThat(health.get("failuresInARow").asInt()).isZero();
    assertThat(health.get("pause").asString()).isEqualTo("PT1M");
    assertThat(health.get("lastSuccessAt")).isNotNull();
  }

  @Test
  void the_schedule_is_off_unless_enabled() {
    assertThat(context.getBeansOfType(PullSchedule.class)).isEmpty();
    assertThat(get("/api/v1/ingest/pull").json().get("scheduled").asBoolean()).isFalse();
  }

  private static String cursorOf(JsonNode status, String type) {
    for (var cursor : status.get("cursors")) {
      if (cursor.get("resourceType").asString().equals(type)) {
        return cursor.get("lastUpdated").asString();
      }
    }
    return null;
  }

  private static String last(List<String> searches) {
    assertThat(searches).isNotEmpty();
    return searches.get(searches.size() - 1);
  }

  private static String encoded(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }
}

package no.forlop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import no.forlop.testing.ApplicationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What the database still refuses after every check costs one resource, never its neighbours: a
 * trigger made for this test refuses one fact (as a constraint would), and the batch, the bulk
 * chunk and the transaction around it behave as promised.
 */
class IntakeIsolationIT extends ApplicationTest {

  private static final String MARKER = "poison-marker";

  @Autowired JdbcClient jdbc;

  @BeforeEach
  void a_database_that_refuses_one_fact() {
    jdbc.sql(
            """
            create or replace function test_refuse_poison() returns trigger language plpgsql as $$
            begin
              if new.payload like '%%%s%%' then
                raise exception 'refused for the test' using errcode = '23514';
              end if;
              return new;
            end $$
            """
                .formatted(MARKER))
        .update();
    jdbc.sql(
            "create trigger test_refuse_poison before insert on clinical_event"
                + " for each row execute function test_refuse_poison()")
        .update();
  }

  @AfterEach
  void the_database_as_it_was() {
    jdbc.sql("drop trigger if exists test_refuse_poison on clinical_event").update();
    jdbc.sql("drop function if exists test_refuse_poison()").update();
  }

  private static String encounter(String id) {
    return """
        {"resourceType":"Encounter","id":"%s","status":"finished",\
        "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},\
        "subject":{"reference":"Patient/p-isolation"},"period":{"start":"2024-03-11T09:00:00+01:00"}}"""
        .formatted(id);
  }

  private static String bundle(String type, List<String> resources) {
    var entries = new ArrayList<String>();
    for (var resource : resources) {
      var id = resource.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
      entries.add(
          "{\"resource\":"
              + resource
              + ",\"request\":{\"method\":\"PUT\",\"url\":\"Encounter/"
              + id
              + "\"}}");
    }
    return "{\"resourceType\":\"Bundle\",\"type\":\""
        + type
        + "\",\"entry\":["
        + String.join(",", entries)
        + "]}";
  }

  private Response fhir(String json) {
    return post("/fhir", "application/fhir+json", json.getBytes(StandardCharsets.UTF_8), AS, "ehr");
  }

  private long stored(String id) {
    return jdbc.sql("select count(*) from clinical_event where source_key = :key")
        .param("key", "Encounter/" + id)
        .query(Long.class)
        .single();
  }

  private static String code(JsonNode entry) {
    return entry.at("/response/outcome/issue/0/details/coding/0/code").asString();
  }

  @Test
  void a_batch_stores_every_entry_but_the_one_the_database_refuses() {
    var answer =
        fhir(
            bundle(
                "batch",
                List.of(encounter("iso-a"), encounter("iso-" + MARKER), encounter("iso-c"))));

    assertThat(answer.status()).isEqualTo(200);
    var entries = answer.json().get("entry");
    assertThat(entries.get(0).at("/response/status").asString()).isEqualTo("200 OK");
    assertThat(entries.get(1).at("/response/status").asString()).isEqualTo("400 Bad Request");
    assertThat(code(entries.get(1))).isEqualTo("STORAGE_FAILED");
    assertThat(entries.get(2).at("/response/status").asString()).isEqualTo("200 OK");
    assertThat(stored("iso-a")).isEqualTo(1);
    assertThat(stored("iso-c")).isEqualTo(1);
    assertThat(stored("iso-" + MARKER)).isZero();
  }

  @Test
  void a_transaction_with_a_refused_resource_stores_nothing() {
    var answer =
        fhir(
            bundle(
                "transaction",
                List.of(encounter("iso-t1"), encounter("iso-t-" + MARKER), encounter("iso-t3"))));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.reason()).isEqualTo("STORAGE_FAILED");
    assertThat(stored("iso-t1")).isZero();
    assertThat(stored("iso-t3")).isZero();
  }

  @Test
  void a_bulk_chunk_keeps_every_line_but_the_one_the_database_refuses() throws Exception {
    var ndjson =
        String.join("\n", encounter("iso-b1"), encounter("iso-b-" + MARKER), encounter("iso-b3"))
            + "\n";
    var started =
        post(
            "/api/v1/ingest/bulk",
            "application/fhir+ndjson",
            ndjson.getBytes(StandardCharsets.UTF_8),
            AS,
            "ehr");
    assertThat(started.status()).isEqualTo(202);
    JsonNode job = started.json();
    for (int i = 0; i < 400 && job.get("status").asString().equals("RUNNING"); i++) {
      Thread.sleep(50);
      job = get(started.location(), AS, "ehr").json();
    }

    assertThat(job.get("status").asString()).isEqualTo("DONE");
    assertThat(job.get("accepted").asLong()).isEqualTo(2);
    assertThat(job.get("rejected").asLong()).isEqualTo(1);
    var report = get(started.location() + "/report", AS, "admin").json();
    assertThat(report.get("rejectedByReason").get("STORAGE_FAILED").asLong()).isEqualTo(1);
    assertThat(report.get("rejected").get(0).get("location").asString()).isEqualTo("line 2");
    assertThat(stored("iso-b1")).isEqualTo(1);
    assertThat(stored("iso-b3")).isEqualTo(1);
  }
}

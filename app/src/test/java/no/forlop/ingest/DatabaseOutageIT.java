package no.forlop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import no.forlop.testing.BulkFile;
import no.forlop.testing.ColorectalHistory;
import no.forlop.testing.ForlopProcess;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Forløp while its database is away: the embedded PostgreSQL of a Forløp in a JVM of its own is
 * stopped under it (fast shutdown, as a restart of the database server) and started again on the
 * same port. Meanwhile readiness is DOWN (503) and liveness UP, the FHIR endpoint and the bulk
 * endpoint answer 503 with {@code Retry-After} and an OperationOutcome, nothing is half-stored, and
 * a bulk job that was running waits; when the database is back the same request succeeds and the
 * job finishes, everything stored once.
 */
class DatabaseOutageIT {

  private static final String NDJSON = "application/fhir+ndjson";
  private static final String FHIR_JSON = "application/fhir+json";
  private static final String ORGANISATION = "outage-org-hf1";

  @TempDir Path folder;
  private ForlopProcess forlop;

  @AfterEach
  void stop() {
    if (forlop != null) {
      forlop.close();
    }
  }

  @Test
  void while_the_database_is_away_intake_answers_503_and_goes_on_by_itself_when_it_is_back() {
    // given: a Forløp working through a bulk import
    forlop =
        ForlopProcess.start(
            folder.resolve("pg"),
            "--forlop.bulk.chunk-lines=20",
            "--forlop.clock.fixed=2024-12-31T10:00:00Z");
    var file = BulkFile.of(400, ORGANISATION);
    var started =
        forlop.post("ehr", "/api/v1/ingest/bulk?name=history.ndjson", NDJSON, file.bytes());
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    var job = started.json().get("id").asString();
    awaitChunksDone(job, 3);
    var patient = TestPatients.next();
    var bundle = batch(patient);

    // when: its database stops
    var database = forlop.database();
    var options = database.stop();

    // then: Forløp is not ready (the load balancer sends nothing), but alive (a restart would not
    // bring the database back); the metrics are still served (ADR 0045)
    var notReady = forlop.get("admin", "/actuator/health/readiness");
    assertThat(notReady.status()).as(notReady.body()).isEqualTo(503);
    assertThat(notReady.json().get("status").asString()).isEqualTo("DOWN");
    var alive = forlop.get("admin", "/actuator/health/liveness");
    assertThat(alive.status()).as(alive.body()).isEqualTo(200);
    var metrics = forlop.get("admin", "/actuator/prometheus");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("forlop_bulk_jobs{state=\"running\"}");

    // and a FHIR batch is answered 503, with Retry-After, as an OperationOutcome in Norwegian
    var fhir = forlop.post("ehr", "/fhir", FHIR_JSON, bundle);
    assertThat(fhir.status()).as(fhir.body()).isEqualTo(503);
    assertThat(fhir.retryAfter()).contains("10");
    assertThat(fhir.contentType()).startsWith(FHIR_JSON);
    assertThat(fhir.json().get("resourceType").asString()).isEqualTo("OperationOutcome");
    assertThat(fhir.json().get("issue").get(0).get("code").asString()).isEqualTo("transient");
    assertThat(fhir.reason()).isEqualTo("DATABASE_UNAVAILABLE");
    assertThat(fhir.text())
        .isEqualTo(
            "Forløp får ikke kontakt med databasen akkurat nå. Send forespørselen på nytt om 10"
                + " sekunder; det som alt er lagret, blir ikke lagret to ganger.");
    var fhirEnglish = forlop.post("ehr", "/fhir", FHIR_JSON, bundle, ForlopProcess.ENGLISH);
    assertThat(fhirEnglish.status()).isEqualTo(503);
    assertThat(fhirEnglish.text())
        .isEqualTo(
            "Forløp cannot reach its database right now. Send the request again in 10 seconds;"
                + " what is stored already is not stored twice.");

    // and so is a bulk upload, and the progress of the running job
    var small = BulkFile.of(2, ORGANISATION);
    var bulk = forlop.post("ehr", "/api/v1/ingest/bulk", NDJSON, small.bytes());
    assertThat(bulk.status()).as(bulk.body()).isEqualTo(503);
    assertThat(bulk.retryAfter()).contains("10");
    assertThat(bulk.contentType()).startsWith(FHIR_JSON);
    assertThat(bulk.reason()).isEqualTo("DATABASE_UNAVAILABLE");
    assertThat(bulk.text()).startsWith("Forløp får ikke kontakt med databasen");
    var bulkEnglish =
        forlop.post("ehr", "/api/v1/ingest/bulk", NDJSON, small.bytes(), ForlopProcess.ENGLISH);
    assertThat(bulkEnglish.status()).isEqualTo(503);
    assertThat(bulkEnglish.text()).startsWith("Forløp cannot reach its database right now.");
    var progress = forlop.get("ehr", "/api/v1/ingest/bulk/" + job);
    assertThat(progress.status()).isEqualTo(503);
    assertThat(progress.reason()).isEqualTo("DATABASE_UNAVAILABLE");

    // when: the database is back (same folder, same port)
    database.start(options);

    // then: the same batch, sent again as Retry-After says (the pool may take a moment to
    // reconnect), is taken in, and the pathway is there at once
    var again = forlop.post("ehr", "/fhir", FHIR_JSON, bundle);
    for (int i = 0; i < 10 && again.status() == 503; i++) {
      ForlopProcess.sleep(Duration.ofSeconds(1));
      again = forlop.post("ehr", "/fhir", FHIR_JSON, bundle);
    }
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    var ready = forlop.get("admin", "/actuator/health/readiness");
    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    assertThat(ready.json().get("status").asString()).isEqualTo("UP");
    var pathways = forlop.pathwaysOf("admin", patient);
    assertThat(pathways).hasSize(1);
    assertThat(codes(pathways.get(0))).containsEntry("A12FK", "2024-04-05");

    // and nothing was half-stored while the database was away: one batch delivery, one job
    assertThat(database.count("select count(*) from delivery where channel = 'fhir:batch'"))
        .isEqualTo(1);
    assertThat(database.count("select count(*) from bulk_job")).isEqualTo(1);

    // and the job that was running finishes by itself, every line stored once, not failed
    var done = awaitDone(job);
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.has("failure")).isFalse();
    assertThat(done.has("resumed")).as("no restart of Forløp").isFalse();
    assertThat(done.get("linesRead").asInt()).isEqualTo(file.lines());
    assertThat(
            done.get("accepted").asInt()
                + done.get("rejected").asInt()
                + done.get("ignored").asInt())
        .isEqualTo(file.resources());
    assertThat(done.get("accepted").asInt()).isEqualTo(file.accepted());
    assertThat(database.count("select count(*) from delivery where channel = ?", "bulk:" + job))
        .isEqualTo(done.get("chunksTotal").asLong());
    assertThat(
            database.count(
                "select count(*) from received_resource r join delivery d on d.id = r.delivery"
                    + " where d.channel = ?",
                "bulk:" + job))
        .isEqualTo(file.resources());
    assertThat(
            database.count(
                "select count(distinct patient) from pathway where patient = any(?)",
                (Object) file.patients().toArray(String[]::new)))
        .isEqualTo(file.patients().size());
    assertThat(forlop.output()).contains("cannot reach the database").doesNotContain(patient);
    forlop.stop();
  }

  private void awaitChunksDone(String job, int chunks) {
    var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var progress = forlop.json("ehr", "/api/v1/ingest/bulk/" + job);
      assertThat(progress.get("status").asString()).as(progress.toString()).isEqualTo("RUNNING");
      assertThat(progress.get("chunksDone").asInt())
          .as("the job went too fast to be interrupted: " + progress)
          .isLessThan(progress.get("chunksTotal").asInt() / 2);
      if (progress.get("chunksDone").asInt() >= chunks) {
        return;
      }
      ForlopProcess.sleep(Duration.ofMillis(20));
    }
    throw new AssertionError("the job did not start");
  }

  private JsonNode awaitDone(String job) {
    var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonNode progress = null;
    while (System.nanoTime() < deadline) {
      progress = forlop.json("ehr", "/api/v1/ingest/bulk/" + job);
      if (!progress.get("status").asString().equals("RUNNING")) {
        return progress;
      }
      ForlopProcess.sleep(Duration.ofMillis(200));
    }
    throw new AssertionError("the job did not finish: " + progress);
  }

  /** A batch Bundle of one patient's colorectal pathway and the hospital. */
  private static byte[] batch(String patient) {
    var resources = new java.util.ArrayList<org.hl7.fhir.r4.model.Resource>();
    resources.add(ColorectalHistory.organisation(ORGANISATION));
    resources.addAll(ColorectalHistory.of(patient, ORGANISATION));
    return ColorectalHistory.batch(resources);
  }

  private static java.util.Map<String, String> codes(JsonNode pathway) {
    var codes = new HashMap<String, String>();
    pathway
        .get("codes")
        .forEach(c -> codes.put(c.get("code").asString(), c.get("date").asString()));
    return codes;
  }
}

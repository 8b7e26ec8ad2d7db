package no.forlop.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.forlop.testing.BulkFile;
import no.forlop.testing.ForlopProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Bulk imports survive {@code kill -9}: a Forløp in a JVM of its own is killed in the middle of a
 * job and started again on the same data folder; the job goes on from its last stored chunk, stores
 * nothing twice, and says that it resumed. Twice: once with the embedded PostgreSQL left running,
 * orphaned, as after {@code kill -9} of the JVM alone (the next start must stop it), and once with
 * PostgreSQL killed too, as when the machine goes down (PostgreSQL recovers as it starts). Then the
 * first file sent again stores nothing.
 */
class BulkResumeIT {

  private static final int PATIENTS = 400;
  private static final String ORGANISATION = "resume-org-hf1";
  private static final String[] SETTINGS = {
    "--forlop.bulk.chunk-lines=20", "--forlop.clock.fixed=2024-12-31T10:00:00Z"
  };

  @TempDir Path folder;
  private final List<ForlopProcess> started = new ArrayList<>();

  @AfterEach
  void stopWhatRuns() {
    for (var forlop : started) {
      forlop.close();
    }
  }

  private ForlopProcess start(Path data) {
    var forlop = ForlopProcess.start(data, SETTINGS);
    started.add(forlop);
    return forlop;
  }

  @Test
  void a_job_cut_short_by_kill_9_goes_on_from_its_last_stored_chunk_and_stores_nothing_twice()
      throws Exception {
    var data = folder.resolve("pg");
    var first = BulkFile.of(PATIENTS, ORGANISATION);
    var second = BulkFile.of(PATIENTS, ORGANISATION);

    // given: a Forløp working through a bulk import, killed in the middle (kill -9 of its JVM;
    // its PostgreSQL runs on, orphaned)
    var a = start(data);
    var job1 = upload(a, first);
    var cutAt = partlyDone(a, job1);
    a.kill();
    assertThat(a.database().pid().flatMap(ProcessHandle::of)).as("orphaned PostgreSQL").isPresent();
    var storedAtKill = storedChunks(a, job1);
    assertThat(storedAtKill).isPositive().isLessThan(cutAt.get("chunksTotal").asInt());

    // when: Forløp starts again on the same folder
    var startedAgain = System.nanoTime();
    var b = start(data);

    // then: it stopped the orphan instead of waiting for it, and the job goes on to its end
    assertThat(b.output()).contains("is still running on").contains("stopping it");
    assertThat(Duration.ofNanos(System.nanoTime() - startedAgain))
        .isLessThan(Duration.ofSeconds(100));
    var done1 = done(b, job1);
    assertStoredOnce(b, job1, done1, first);
    assertThat(done1.get("resumed").get("count").asInt()).isEqualTo(1);
    assertThat(done1.get("resumed").get("atLine").asLong())
        .isEqualTo(1 + storedAtKill * 20L)
        .isGreaterThan(cutAt.get("linesRead").asLong() - 1);
    assertThat(ImportCommand.progress(done1))
        .contains(
            "resumed at line "
                + String.format(java.util.Locale.ROOT, "%,d", 1 + storedAtKill * 20L));
    assertPathways(b, first);

    // given: a second job, and the machine going down under it (Forløp and PostgreSQL killed)
    var job2 = upload(b, second);
    partlyDone(b, job2);
    b.kill();
    b.database().killOutright();
    assertThat(Files.exists(data.resolve("postmaster.pid"))).as("a stale postmaster.pid").isTrue();

    // when
    var c = start(data);

    // then: PostgreSQL recovered, and the second job goes on to its end as well
    var done2 = done(c, job2);
    assertStoredOnce(c, job2, done2, second);
    assertThat(done2.get("resumed").get("count").asInt()).isEqualTo(1);
    assertPathways(c, second);
    // and the first job did not move
    assertThat(c.json("ehr", "/api/v1/ingest/bulk/" + job1).get("resumed").get("count").asInt())
        .isEqualTo(1);

    // when: the first file is sent again
    var db = c.database();
    var deliveries = db.count("select count(*) from delivery");
    var facts = db.count("select count(*) from clinical_event");
    var jobs = db.count("select count(*) from bulk_job");
    var again =
        c.post(
            "ehr",
            "/api/v1/ingest/bulk?name=again.ndjson",
            BulkImportController.NDJSON,
            first.bytes());

    // then: nothing to do, and nothing new is stored
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("id").asString()).isEqualTo(job1);
    assertThat(again.json().get("duplicate").asBoolean()).isTrue();
    assertThat(again.json().get("status").asString()).isEqualTo("DONE");
    assertThat(db.count("select count(*) from delivery")).isEqualTo(deliveries);
    assertThat(db.count("select count(*) from clinical_event")).isEqualTo(facts);
    assertThat(db.count("select count(*) from bulk_job")).isEqualTo(jobs);
    c.stop();
  }

  private static String upload(ForlopProcess forlop, BulkFile file) {
    var answer =
        forlop.post(
            "ehr",
            "/api/v1/ingest/bulk?name=history.ndjson",
            BulkImportController.NDJSON,
            file.bytes());
    assertThat(answer.status()).as(answer.body()).isEqualTo(202);
    return answer.json().get("id").asString();
  }

  /** Waits until some chunks of the job are done, but well under half of them, and answers it. */
  private static JsonNode partlyDone(ForlopProcess forlop, String job) {
    var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var progress = forlop.json("ehr", "/api/v1/ingest/bulk/" + job);
      var done = progress.get("chunksDone").asInt();
      var total = progress.get("chunksTotal").asInt();
      assertThat(progress.get("status").asString())
          .as("the job must still be running to be cut short: " + progress)
          .isEqualTo("RUNNING");
      assertThat(done)
          .as("the job went too fast to be cut short: " + progress)
          .isLessThan(total / 2);
      if (done >= 3) {
        return progress;
      }
      ForlopProcess.sleep(Duration.ofMillis(20));
    }
    throw new AssertionError("the job did not start");
  }

  private static long storedChunks(ForlopProcess forlop, String job) {
    return forlop
        .database()
        .count("select count(*) from bulk_chunk where job = ?::uuid and delivery is not null", job);
  }

  private static JsonNode done(ForlopProcess forlop, String job) {
    var deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonNode progress = null;
    while (System.nanoTime() < deadline) {
      progress = forlop.json("ehr", "/api/v1/ingest/bulk/" + job);
      if (!progress.get("status").asString().equals("RUNNING")) {
        assertThat(progress.get("status").asString()).as(progress.toString()).isEqualTo("DONE");
        return progress;
      }
      ForlopProcess.sleep(Duration.ofMillis(200));
    }
    throw new AssertionError("the job did not finish: " + progress);
  }

  /** Every line counted once, each chunk one delivery, each resource received once. */
  private static void assertStoredOnce(
      ForlopProcess forlop, String job, JsonNode done, BulkFile file) {
    assertThat(done.get("linesRead").asInt()).isEqualTo(file.lines());
    assertThat(done.get("chunksDone").asInt()).isEqualTo(done.get("chunksTotal").asInt());
    assertThat(
            done.get("accepted").asInt()
                + done.get("rejected").asInt()
                + done.get("ignored").asInt())
        .isEqualTo(file.resources());
    assertThat(done.get("accepted").asInt()).isEqualTo(file.accepted());
    assertThat(done.get("rejected").asInt()).isEqualTo(file.rejected());
    var db = forlop.database();
    var channel = "bulk:" + job;
    assertThat(db.count("select count(*) from delivery where channel = ?", channel))
        .as("one delivery per chunk")
        .isEqualTo(done.get("chunksTotal").asLong());
    assertThat(
            db.count(
                "select count(distinct delivery) from bulk_chunk where job = ?::uuid and derived",
                job))
        .isEqualTo(done.get("chunksTotal").asLong());
    assertThat(
            db.count(
                "select count(*) from received_resource r join delivery d on d.id = r.delivery"
                    + " where d.channel = ?",
                channel))
        .as("each resource received once")
        .isEqualTo(file.resources());
    assertThat(
            db.count(
                "select count(*) from (select 1 from clinical_event group by source_key, checksum"
                    + " having count(*) > 1) twice"))
        .isZero();
    assertThat(
            db.count(
                "select count(*) from delivery_status s join delivery d on d.id = s.delivery"
                    + " where d.channel = ? and s.status = 'STORED'",
                channel))
        .isEqualTo(done.get("chunksTotal").asLong());
  }

  /** Every patient of the file has their pathway with its four codes. */
  private static void assertPathways(ForlopProcess forlop, BulkFile file) {
    var db = forlop.database();
    assertThat(
            db.count(
                "select count(distinct patient) from pathway where patient = any(?)",
                (Object) file.patients().toArray(String[]::new)))
        .isEqualTo(file.patients().size());
    for (int i = 0; i < file.patients().size(); i += 25) {
      var patient = file.patients().get(i);
      var pathways = forlop.pathwaysOf("admin", patient);
      assertThat(pathways).as(patient).hasSize(1);
      var codes = new HashMap<String, String>();
      pathways
          .get(0)
          .get("codes")
          .forEach(c -> codes.put(c.get("code").asString(), c.get("date").asString()));
      assertThat(codes)
          .as(patient)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "A12A", "2024-03-04",
                  "A12S", "2024-03-11",
                  "A12CK", "2024-03-20",
                  "A12FK", "2024-04-05"));
    }
  }
}

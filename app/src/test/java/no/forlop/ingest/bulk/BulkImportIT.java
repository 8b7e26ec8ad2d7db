package no.forlop.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeService;
import no.forlop.testing.ApplicationTest;
import no.forlop.testing.ColorectalHistory;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bulk import end to end: an NDJSON file of a few hundred resources (invented patients, each with a
 * colorectal pathway) and a few bad lines, sent to {@code POST /api/v1/ingest/bulk} and followed at
 * its job. Chunks of 100 lines (ApplicationTest's setting), so the job has several.
 */
class BulkImportIT extends ApplicationTest {

  private static final int PATIENTS = 50;
  private static final int RESOURCES_PER_PATIENT = 7;

  @TempDir Path folder;
  @Autowired ApplicationContext context;
  @Autowired BulkJobs jobs;
  @Autowired BulkImports imports;
  @Autowired Clock clock;
  @Autowired IntakeService intake;
  @Autowired JdbcClient jdbc;

  /** An NDJSON file with its patients, and where its bad lines are. */
  record History(String ndjson, List<String> patients, int lines, int resources, int badLine) {}

  /**
   * One organisation resource for every file: a second resource for the same organisasjonsnummer
   * under another id would be taken as the same organisation under the first id.
   */
  private static final String ORGANISATION = "bulk-org-hf1";

  private static History history() {
    var organisation = ORGANISATION;
    var lines = new ArrayList<String>();
    var patients = new ArrayList<String>();
    lines.add(ColorectalHistory.json(ColorectalHistory.organisation(organisation)));
    var badLine = 0;
    for (int i = 0; i < PATIENTS; i++) {
      var patient = TestPatients.next();
      patients.add(patient);
      ColorectalHistory.of(patient, organisation)
          .forEach(r -> lines.add(ColorectalHistory.json(r)));
      if (i == 10) {
        lines.add(""); // a blank line is no resource and no problem
      }
      if (i == 20) {
        lines.add("[1, 2, 3]");
      }
      if (i == 30) {
        lines.add(
            "{\"resourceType\":\"Encounter\",\"id\":\"bulk-broken-" + patient + "\",\"status\":");
        badLine = lines.size();
      }
      if (i == 40) {
        lines.add(
            "{\"resourceType\":\"Encounter\",\"id\":\"bulk-nostatus-"
                + patient
                + "\",\"class\":{\"code\":\"AMB\"},\"subject\":{\"reference\":\"Patient/"
                + ColorectalHistory.id(patient, "p")
                + "\"}}");
      }
    }
    return new History(
        String.join("\n", lines) + "\n",
        patients,
        lines.size(),
        1 + PATIENTS * RESOURCES_PER_PATIENT,
        badLine);
  }

  private ApplicationTest.Response upload(String ndjson, String contentType) {
    return post(
        "/api/v1/ingest/bulk?name=history.ndjson",
        contentType,
        ndjson.getBytes(StandardCharsets.UTF_8));
  }

  /** Follows a job to its end, and answers every state it was seen in. */
  private List<JsonNode> follow(String location) throws InterruptedException {
    var seen = new ArrayList<JsonNode>();
    for (int i = 0; i < 600; i++) {
      var job = get(location).json();
      seen.add(job);
      if (!job.get("status").asString().equals("RUNNING")) {
        return seen;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the job did not finish: " + seen.get(seen.size() - 1));
  }

  private JsonNode pathwayOf(String patient) {
    var pathways = pathwaysOf(patient).json();
    assertThat(pathways).as("pathways of " + patient).hasSize(1);
    return pathways.get(0);
  }

  private static Map<String, String> codes(JsonNode pathway) {
    var codes = new HashMap<String, String>();
    pathway
        .get("codes")
        .forEach(c -> codes.put(c.get("code").asString(), c.get("date").asString()));
    return codes;
  }

  @Test
  void an_upload_is_worked_through_in_chunks_and_every_pathway_gets_its_codes()
      throws InterruptedException {
    // given
    var history = history();

    // when
    var started = upload(history.ndjson(), "application/fhir+ndjson");

    // then: accepted at once, with the job and where to follow it
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    var location = started.location();
    assertThat(location).startsWith("/api/v1/ingest/bulk/");
    var job = started.json();
    assertThat(job.get("status").asString()).isIn("RUNNING", "DONE");
    assertThat(job.get("linesTotal").asInt()).isEqualTo(history.lines());
    assertThat(job.get("chunksTotal").asInt()).isEqualTo((history.lines() + 99) / 100);
    assertThat(job.get("name").asString()).isEqualTo("history.ndjson");

    // and the progress only moves forward, to the whole file
    var seen = follow(location);
    var linesRead = seen.stream().map(j -> j.get("linesRead").asLong()).toList();
    assertThat(linesRead).isSorted();
    var done = seen.get(seen.size() - 1);
    assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("DONE");
    assertThat(done.get("linesRead").asInt()).isEqualTo(history.lines());
    assertThat(done.get("chunksDone").asInt()).isEqualTo(done.get("chunksTotal").asInt());
    assertThat(done.get("accepted").asInt()).isEqualTo(history.resources());
    assertThat(done.get("rejected").asInt()).isEqualTo(3);
    assertThat(done.get("ignored").asInt()).isZero();
    assertThat(done.get("patientsDerived").asInt()).isGreaterThanOrEqualTo(PATIENTS);
    assertThat(done.get("finishedAt")).isNotNull();

    // and every patient's pathway has its four codes
    for (var patient : history.patients()) {
      assertThat(codes(pathwayOf(patient)))
          .as(patient)
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "A12A", "2024-03-04",
                  "A12S", "2024-03-11",
                  "A12CK", "2024-03-20",
                  "A12FK", "2024-04-05"));
    }

    // and the bad lines are listed with their reasons, by their line in the whole file
    var rejections = get("/api/v1/ingest/rejections?limit=50", ENGLISH).json().get("rejected");
    var reasons = new ArrayList<String>();
    rejections.forEach(
        r -> reasons.add(r.get("source").asString() + ": " + r.get("reason").asString()));
    assertThat(reasons)
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith("Encounter/bulk-broken-")
                    .contains("Line " + history.badLine() + " ")
                    .contains("not valid JSON"))
        .anySatisfy(r -> assertThat(r).contains("a JSON array, not a FHIR resource"))
        .anySatisfy(r -> assertThat(r).startsWith("Encounter/bulk-nostatus-"));
    assertThat(history.badLine()).as("the broken line is past the first chunk").isGreaterThan(100);
    assertThat(rejections)
        .anySatisfy(
            r -> {
              assertThat(r.get("code").asString()).isEqualTo("NOT_JSON");
              assertThat(r.get("location").asString()).isEqualTo("line " + history.badLine());
              assertThat(r.get("outcome").asString()).isEqualTo("REJECTED");
            });
    // the job's own report counts them by reason, in Norwegian unless English is asked for
    var report = get("/api/v1/ingest/bulk/" + job.get("id").asString() + "/report").json();
    assertThat(report.get("rejectedByReason").get("NOT_JSON").asLong()).isEqualTo(1);
    assertThat(report.get("rejectedByReason").get("NOT_A_RESOURCE").asLong()).isEqualTo(1);
    assertThat(report.get("rejected"))
        .anySatisfy(
            r ->
                assertThat(r.get("reason").asString())
                    .matches("Linje \\d+ er en JSON-liste, ikke en FHIR-ressurs"));
    var channel = rejections.get(0).get("channel").asString();
    assertThat(channel).isEqualTo("bulk:" + job.get("id").asString());
  }

  @Test
  void the_same_file_sent_again_is_answered_with_its_job_and_nothing_is_stored()
      throws InterruptedException {
    // given
    var history = history();
    var started = upload(history.ndjson(), "application/x-ndjson");
    var first = follow(started.location());
    var done = first.get(first.size() - 1);
    assertThat(done.get("status").asString()).isEqualTo("DONE");
    assertThat(done.get("contentSha256").asString()).hasSize(64);
    assertThat(done.has("duplicate")).isFalse();
    var facts = new HashMap<String, Integer>();
    history.patients().forEach(p -> facts.put(p, pathwayOf(p).get("history").size()));
    var before = jobCount();

    // when: the same content again (another name, another media type)
    var again =
        post(
            "/api/v1/ingest/bulk?name=again.ndjson",
            "text/plain",
            history.ndjson().getBytes(StandardCharsets.UTF_8));

    // then: 200 with the first job, marked a duplicate, and no job, delivery or fact more
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.location()).isEqualTo(started.location());
    var job = again.json();
    assertThat(job.get("id").asString()).isEqualTo(done.get("id").asString());
    assertThat(job.get("duplicate").asBoolean()).isTrue();
    assertThat(job.get("status").asString()).isEqualTo("DONE");
    assertThat(job.get("name").asString()).isEqualTo("history.ndjson");
    assertThat(jobCount()).isEqualTo(before);
    assertThat(get(started.location()).json().has("duplicate")).isFalse();
    history
        .patients()
        .forEach(p -> assertThat(pathwayOf(p).get("history").size()).as(p).isEqualTo(facts.get(p)));
  }

  @Test
  void the_same_file_sent_again_after_its_job_failed_puts_that_job_back_to_work() {
    // given: a stored upload whose job failed before its first chunk
    var history = history();
    var content = history.ndjson().getBytes(StandardCharsets.UTF_8);
    var id = UUID.randomUUID();
    jobs.create(id, "failed.ndjson", Actor.system("test"), clock.instant());
    jobs.addChunk(id, 0, 1, history.lines(), content);
    jobs.uploaded(id, history.lines(), 1, sha256(content));
    jobs.fail(id, "Stopped before its first chunk (something)", clock.instant());

    // when
    var again = upload(history.ndjson(), "application/fhir+ndjson");

    // then: 202 with the failed job, which goes on and finishes
    assertThat(again.status()).as(again.body()).isEqualTo(202);
    assertThat(again.json().get("id").asString()).isEqualTo(id.toString());
    assertThat(again.json().get("duplicate").asBoolean()).isTrue();
    var seen = followQuietly(again.location());
    var done = seen.get(seen.size() - 1);
    assertThat(done.get("status").asString()).isEqualTo("DONE");
    assertThat(done.get("accepted").asInt()).isEqualTo(history.resources());
  }

  @Test
  void a_chunk_stored_when_forlop_stopped_is_derived_at_the_next_start_and_not_stored_again()
      throws InterruptedException {
    // given: a job of two chunks whose first chunk was stored (in one transaction with its mark)
    // but not derived when Forløp stopped
    var history = history();
    var id = UUID.randomUUID();
    var lines = history.ndjson().split("\n");
    var half = lines.length / 2;
    jobs.create(id, "stopped.ndjson", Actor.system("test"), clock.instant());
    jobs.addChunk(id, 0, 1, half, utf8(lines, 0, half));
    jobs.addChunk(id, 1, half + 1, lines.length - half, utf8(lines, half, lines.length));
    jobs.uploaded(id, lines.length, 2, null);
    var first = jobs.nextChunk(id).orElseThrow();
    intake.receiveLinesOnce(
        first.content(),
        first.firstLine(),
        "bulk:" + id,
        Actor.system("test"),
        report -> jobs.chunkStored(id, first, report));
    var stored = get("/api/v1/ingest/bulk/" + id).json();
    assertThat(stored.get("linesRead").asInt()).isEqualTo(half);
    assertThat(stored.get("chunksDone").asInt()).isZero();

    // when: Forløp is ready again
    imports.resumeRunningJobs();

    // then: done, each chunk one delivery, every line counted once, and the progress says where it
    // went on
    var seen = follow("/api/v1/ingest/bulk/" + id);
    var done = seen.get(seen.size() - 1);
    assertThat(done.get("status").asString()).isEqualTo("DONE");
    assertThat(done.get("linesRead").asInt()).isEqualTo(history.lines());
    assertThat(done.get("chunksDone").asInt()).isEqualTo(2);
    assertThat(done.get("accepted").asInt()).isEqualTo(history.resources());
    assertThat(done.get("rejected").asInt()).isEqualTo(3);
    assertThat(done.get("resumed").get("count").asInt()).isEqualTo(1);
    assertThat(done.get("resumed").get("atLine").asInt()).isEqualTo(half + 1);
    assertThat(
            jdbc.sql("select count(*) from delivery where channel = :c")
                .param("c", "bulk:" + id)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    assertThat(
            jdbc.sql("select count(distinct delivery) from bulk_chunk where job = :j and derived")
                .param("j", id)
                .query(Integer.class)
                .single())
        .isEqualTo(2);
    for (var patient : List.of(history.patients().get(0), history.patients().get(PATIENTS - 1))) {
      assertThat(codes(pathwayOf(patient))).containsEntry("A12FK", "2024-04-05");
    }
  }

  @Test
  void a_chunk_marked_stored_twice_rolls_the_second_storing_back() {
    // given: a chunk stored once
    var history = history();
    var id = UUID.randomUUID();
    jobs.create(id, "twice.ndjson", Actor.system("test"), clock.instant());
    jobs.addChunk(id, 0, 1, history.lines(), history.ndjson().getBytes(StandardCharsets.UTF_8));
    jobs.uploaded(id, history.lines(), 1, null);
    var chunk = jobs.nextChunk(id).orElseThrow();
    intake.receiveLinesOnce(
        chunk.content(),
        chunk.firstLine(),
        "bulk:" + id,
        Actor.system("test"),
        report -> jobs.chunkStored(id, chunk, report));

    // when: another worker stores it again
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                intake.receiveLinesOnce(
                    chunk.content(),
                    chunk.firstLine(),
                    "bulk:" + id,
                    Actor.system("test"),
                    report -> jobs.chunkStored(id, chunk, report)))
        .isInstanceOf(IllegalStateException.class);

    // then: its delivery and resources were rolled back with it
    assertThat(
            jdbc.sql("select count(*) from delivery where channel = :c")
                .param("c", "bulk:" + id)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    assertThat(get("/api/v1/ingest/bulk/" + id).json().get("accepted").asInt())
        .isEqualTo(history.resources());
  }

  private int jobCount() {
    return jdbc.sql("select count(*) from bulk_job").query(Integer.class).single();
  }

  private static String sha256(byte[] content) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private List<JsonNode> followQuietly(String location) {
    try {
      return follow(location);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void the_import_command_sends_a_file_prints_progress_and_exits_0_when_done() throws IOException {
    // given
    var history = history();
    var file = folder.resolve("history.ndjson");
    Files.writeString(file, history.ndjson());
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();

    // when
    var exit =
        ImportCommand.run(
            new String[] {"--url", "http://localhost:" + port, file.toString()},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Duration.ofMillis(100));

    // then
    var printed = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(printed)
        .contains("job ")
        .contains(
            "done: %d of %d lines, %d accepted, 3 rejected"
                .formatted(history.lines(), history.lines(), history.resources()))
        .contains("/api/v1/ingest/rejections");
    assertThat(codes(pathwayOf(history.patients().get(0)))).containsEntry("A12A", "2024-03-04");
  }

  @Test
  void the_import_command_exits_2_when_the_file_cannot_be_read() {
    var err = new ByteArrayOutputStream();
    var exit =
        ImportCommand.run(
            new String[] {
              "--url", "http://localhost:" + port, folder.resolve("nope.ndjson").toString()
            },
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Duration.ofMillis(100));
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("cannot read")
        .contains("nope.ndjson");
  }

  @Test
  void an_empty_upload_is_a_bad_request_and_starts_no_job() {
    var before = get("/api/v1/ingest/bulk?limit=1000").json().size();
    var response = upload("\n  \n", "application/fhir+ndjson");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("EMPTY_UPLOAD");
    assertThat(response.text())
        .isEqualTo(
            "Opplastingen inneholder ingen ressurser. Send NDJSON, én FHIR-ressurs per linje.");
    var english =
        post(
            "/api/v1/ingest/bulk",
            "application/fhir+ndjson",
            "\n".getBytes(StandardCharsets.UTF_8),
            ENGLISH);
    assertThat(english.reason()).isEqualTo("EMPTY_UPLOAD");
    assertThat(english.text())
        .isEqualTo("The upload holds no resources. Send NDJSON, one FHIR resource a line.");
    assertThat(get("/api/v1/ingest/bulk?limit=1000").json().size()).isEqualTo(before);
  }

  @Test
  void a_json_body_is_not_an_ndjson_upload() {
    var response = upload("{\"resourceType\":\"Bundle\"}", "application/json");
    assertThat(response.status()).isEqualTo(415);
    assertThat(response.reason()).isEqualTo("MEDIA_TYPE_NOT_SUPPORTED");
    assertThat(response.text())
        .isEqualTo(
            "En masseimport er NDJSON, én FHIR-ressurs per linje. Send den som"
                + " application/fhir+ndjson, application/x-ndjson, text/plain, ikke"
                + " application/json.");
    var english =
        post(
            "/api/v1/ingest/bulk",
            "application/json",
            "{}".getBytes(StandardCharsets.UTF_8),
            ENGLISH);
    assertThat(english.reason()).isEqualTo("MEDIA_TYPE_NOT_SUPPORTED");
    assertThat(english.text())
        .isEqualTo(
            "A bulk import is NDJSON, one FHIR resource a line. Send it as"
                + " application/fhir+ndjson, application/x-ndjson, text/plain, not"
                + " application/json.");
  }

  @Test
  void an_unknown_job_is_not_found() {
    var response = get("/api/v1/ingest/bulk/00000000-0000-0000-0000-000000000000");
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.reason()).isEqualTo("BULK_JOB_NOT_FOUND");
    assertThat(response.text())
        .isEqualTo(
            "Det finnes ingen masseimport med ID 00000000-0000-0000-0000-000000000000."
                + " Kontroller ID-en.");
    var english = get("/api/v1/ingest/bulk/00000000-0000-0000-0000-000000000000", ENGLISH);
    assertThat(english.reason()).isEqualTo("BULK_JOB_NOT_FOUND");
    assertThat(english.text())
        .isEqualTo(
            "There is no bulk import with id 00000000-0000-0000-0000-000000000000. Check the id.");
  }

  @Test
  void a_job_that_was_running_when_forlop_stopped_goes_on_at_the_next_start()
      throws InterruptedException {
    // given: a stored upload in two chunks whose job never got to run (Forløp stopped)
    var history = history();
    var id = UUID.randomUUID();
    var lines = history.ndjson().split("\n");
    var half = lines.length / 2;
    jobs.create(id, "cut-short.ndjson", Actor.system("test"), clock.instant());
    jobs.addChunk(id, 0, 1, half, utf8(lines, 0, half));
    jobs.addChunk(id, 1, half + 1, lines.length - half, utf8(lines, half, lines.length));
    jobs.uploaded(id, lines.length, 2, null);

    // when: Forløp is ready again
    imports.resumeRunningJobs();

    // then
    var seen = follow("/api/v1/ingest/bulk/" + id);
    var done = seen.get(seen.size() - 1);
    assertThat(done.get("status").asString()).isEqualTo("DONE");
    assertThat(done.get("linesRead").asInt()).isEqualTo(history.lines());
    assertThat(done.get("accepted").asInt()).isEqualTo(history.resources());
    assertThat(done.get("resumed").get("atLine").asInt()).isEqualTo(1);
    assertThat(codes(pathwayOf(history.patients().get(PATIENTS - 1))))
        .containsEntry("A12FK", "2024-04-05");
  }

  @Test
  void a_failed_job_is_retried_from_where_it_stopped_and_a_done_one_is_not()
      throws InterruptedException {
    // given: a job that failed before its first chunk
    var history = history();
    var id = UUID.randomUUID();
    jobs.create(id, "failed.ndjson", Actor.system("test"), clock.instant());
    jobs.addChunk(id, 0, 1, history.lines(), history.ndjson().getBytes(StandardCharsets.UTF_8));
    jobs.uploaded(id, history.lines(), 1, null);
    jobs.fail(
        id, "Stopped before its first chunk (CannotGetJdbcConnectionException)", clock.instant());
    assertThat(get("/api/v1/ingest/bulk/" + id).json().get("failure").asString())
        .contains("CannotGetJdbcConnectionException");

    // when
    var retried = post("/api/v1/ingest/bulk/" + id + "/retry", "{}");

    // then
    assertThat(retried.status()).isEqualTo(202);
    var seen = follow(retried.location());
    var done = seen.get(seen.size() - 1);
    assertThat(done.get("status").asString()).isEqualTo("DONE");
    assertThat(done.get("accepted").asInt()).isEqualTo(history.resources());
    assertThat(done.has("failure")).isFalse();
    // and a job that is done is not retried
    var again = post("/api/v1/ingest/bulk/" + id + "/retry", "{}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.reason()).isEqualTo("BULK_JOB_NOT_FAILED");
    assertThat(again.text())
        .isEqualTo(
            "Bare en masseimport som har feilet, kan startes på nytt. Denne har status DONE.");
    var againEnglish = post("/api/v1/ingest/bulk/" + id + "/retry", "{}", ENGLISH);
    assertThat(againEnglish.reason()).isEqualTo("BULK_JOB_NOT_FAILED");
    assertThat(againEnglish.text())
        .isEqualTo("Only a failed bulk import can be retried. This one is DONE.");
  }

  private static byte[] utf8(String[] lines, int from, int to) {
    var text = new StringBuilder();
    for (int i = from; i < to; i++) {
      text.append(lines[i]).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void the_bulk_executor_leaves_spring_boots_own_task_executor_in_place() {
    assertThat(context.containsBean("applicationTaskExecutor")).isTrue();
    assertThat(context.containsBean(BulkImportConfiguration.EXECUTOR)).isTrue();
  }

  @Test
  void a_limit_out_of_range_is_a_bad_request() {
    var response = get("/api/v1/ingest/rejections?limit=0");
    assertThat(response.status()).isEqualTo(400);
    assertThat(response.reason()).isEqualTo("INVALID_LIMIT");
    assertThat(response.text()).isEqualTo("Parameteren «limit» må være mellom 1 og 1000.");
    var english = get("/api/v1/ingest/rejections?limit=0", ENGLISH);
    assertThat(english.reason()).isEqualTo("INVALID_LIMIT");
    assertThat(english.text()).isEqualTo("The parameter \"limit\" must be between 1 and 1000.");
  }
}

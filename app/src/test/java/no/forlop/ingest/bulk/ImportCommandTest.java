package no.forlop.ingest.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/forlop import}'s exit codes when there is no job to follow, and how it follows a job
 * through answers of a stand-in Forløp (the JDK's HTTP server): the same file sent again, a job
 * resumed after a restart, a database away for a while.
 */
class ImportCommandTest {

  @TempDir Path folder;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ImportCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Duration.ofMillis(10));
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void a_missing_file_exits_2_naming_it() {
    assertThat(run(folder.resolve("missing.ndjson").toString())).isEqualTo(2);
    assertThat(errors()).contains("cannot read").contains("missing.ndjson: no such file");
  }

  @Test
  void a_folder_is_not_a_file_to_send() {
    assertThat(run(folder.toString())).isEqualTo(2);
    assertThat(errors()).contains("not a readable file");
  }

  @Test
  void no_file_exits_2_with_the_usage() {
    assertThat(run()).isEqualTo(2);
    assertThat(errors()).contains(ImportCommand.USAGE);
  }

  @Test
  void an_unknown_option_exits_2() {
    assertThat(run("--fast", "x.ndjson")).isEqualTo(2);
    assertThat(errors()).contains("unknown option --fast");
  }

  @Test
  void an_address_that_is_not_http_exits_2() {
    assertThat(run("--url", "ftp://example", "x.ndjson")).isEqualTo(2);
  }

  @Test
  void forlop_unreachable_exits_1() throws IOException {
    // given: a port nobody listens on
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var file =
        Files.writeString(folder.resolve("history.ndjson"), "{\"resourceType\":\"Patient\"}\n");

    // when
    var exit = run("--url=http://localhost:" + port, file.toString());

    // then
    assertThat(exit).isEqualTo(1);
    assertThat(errors()).contains("cannot reach Forløp at http://localhost:" + port);
  }

  @Test
  void help_exits_0() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains(ImportCommand.USAGE);
  }

  /** A stand-in Forløp: the upload's answer, then the job's progress answers in turn. */
  private static com.sun.net.httpserver.HttpServer forlop(
      int uploadStatus, String upload, java.util.List<Object[]> progress) throws IOException {
    return forlop(java.util.List.<Object[]>of(new Object[] {uploadStatus, upload}), progress);
  }

  /** A stand-in Forløp whose uploads are answered in turn too (a 503 with Retry-After: 0). */
  private static com.sun.net.httpserver.HttpServer forlop(
      java.util.List<Object[]> uploads, java.util.List<Object[]> progress) throws IOException {
    var server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("localhost", 0), 0);
    var next = new java.util.concurrent.atomic.AtomicInteger();
    var nextUpload = new java.util.concurrent.atomic.AtomicInteger();
    server.createContext(
        "/api/v1/ingest/bulk",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          int status;
          String body;
          Object[] answer;
          if (exchange.getRequestMethod().equals("POST")) {
            answer = uploads.get(Math.min(nextUpload.getAndIncrement(), uploads.size() - 1));
            exchange.getResponseHeaders().add("Location", "/api/v1/ingest/bulk/j1");
          } else {
            answer = progress.get(Math.min(next.getAndIncrement(), progress.size() - 1));
          }
          status = (int) answer[0];
          body = (String) answer[1];
          if (status == 503) {
            exchange.getResponseHeaders().add("Retry-After", "0");
          }
          var bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return server;
  }

  private static String job(String status, int linesRead, String more) {
    return "{\"id\":\"j1\",\"status\":\""
        + status
        + "\",\"linesTotal\":100,\"linesRead\":"
        + linesRead
        + ",\"accepted\":"
        + linesRead
        + ",\"rejected\":0,\"ignored\":0,\"patientsDerived\":3"
        + more
        + "}";
  }

  private String sendTo(com.sun.net.httpserver.HttpServer server) throws IOException {
    var file =
        Files.writeString(folder.resolve("history.ndjson"), "{\"resourceType\":\"Patient\"}\n");
    var exit = run("--url=http://localhost:" + server.getAddress().getPort(), file.toString());
    return exit + "\n" + out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void a_file_imported_before_is_nothing_to_do_and_exits_0() throws IOException {
    var server =
        forlop(
            200,
            job("DONE", 100, ",\"finishedAt\":\"2024-12-31T10:00:00Z\",\"duplicate\":true"),
            java.util.List.of());
    try {
      var printed = sendTo(server);
      assertThat(printed)
          .startsWith("0\n")
          .contains("nothing to do: this file was imported before (job j1")
          .contains("nothing new was stored");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void a_job_whose_database_is_away_for_a_while_is_followed_to_its_end() throws IOException {
    var unavailable =
        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"details\":{\"text\":\"Forløp cannot"
            + " reach its database right now.\"}}]}";
    var server =
        forlop(
            202,
            job("RUNNING", 0, ""),
            java.util.List.of(
                new Object[] {503, unavailable},
                new Object[] {503, unavailable},
                new Object[] {
                  200, job("RUNNING", 60, ",\"resumed\":{\"count\":1,\"at\":\"x\",\"atLine\":41}")
                },
                new Object[] {
                  200, job("DONE", 100, ",\"resumed\":{\"count\":1,\"at\":\"x\",\"atLine\":41}")
                }));
    try {
      var printed = sendTo(server);
      assertThat(printed)
          .startsWith("0\n")
          .contains("Forløp does not answer (503: Forløp cannot reach its database right now.)")
          .contains("Forløp answers again")
          .contains("60 of 100 lines, 60 accepted, 0 rejected (resumed at line 41 after a restart)")
          .contains("done: 100 of 100 lines");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void an_upload_answered_503_is_sent_again_when_forlop_says() throws IOException {
    var unavailable =
        "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"details\":{\"text\":\"Forløp cannot"
            + " reach its database right now.\"}}]}";
    var server =
        forlop(
            java.util.List.of(
                new Object[] {503, unavailable}, new Object[] {202, job("RUNNING", 0, "")}),
            java.util.List.<Object[]>of(new Object[] {200, job("DONE", 100, "")}));
    try {
      var printed = sendTo(server);
      assertThat(printed)
          .startsWith("0\n")
          .contains("(503: Forløp cannot reach its database right now.)")
          .contains("history.ndjson again")
          .contains("job j1 started")
          .contains("done: 100 of 100 lines");
    } finally {
      server.stop(0);
    }
  }
}

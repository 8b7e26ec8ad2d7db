package no.forlop.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/forlop codelist} against a stand-in Forløp (the JDK's HTTP server): what it sends,
 * what it prints, and its exit codes.
 */
class CodeListCommandTest {

  @TempDir Path folder;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private HttpServer server;
  private final AtomicReference<String> query = new AtomicReference<>();
  private final AtomicReference<String> contentType = new AtomicReference<>();
  private final AtomicReference<String> body = new AtomicReference<>();

  private int run(String... args) {
    return CodeListCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String forlop(int status, String answer) throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/api/v1/catalogue/code-lists",
        exchange -> {
          query.set(exchange.getRequestURI().getRawQuery());
          contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
          body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          var bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return "http://localhost:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void a_code_list_is_sent_with_its_declaration_and_the_new_version_is_reported()
      throws IOException {
    var url =
        forlop(
            201,
            """
            {"catalogue": {"version": "2027.01.1"}, "basedOn": "2026.12.2", "verified": true,
             "filled": [{"pathway": "breast", "prefix": "Z91"}],
             "confirmed": [{"pathway": "colorectal", "prefix": "A12"}],
             "findings": [{"kind": "NO_PATHWAY_NAMED", "detail": "no pathway of the catalogue is named in the texts of Z93"}]}
            """);
    var file = Files.writeString(folder.resolve("8480.csv"), "Z91A;Pakkeforløp for brystkreft\n");

    var exit =
        run(
            "--url",
            url,
            "--version",
            "2027.01.1",
            "--official",
            "--source",
            "https://example.test/8480",
            file.toString());

    assertThat(exit).isZero();
    assertThat(query.get())
        .isEqualTo(
            "version=2027.01.1&name=8480.csv&source=https%3A%2F%2Fexample.test%2F8480&official=true");
    assertThat(contentType.get()).isEqualTo("text/csv");
    assertThat(body.get()).isEqualTo("Z91A;Pakkeforløp for brystkreft\n");
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "catalogue version 2027.01.1 made from 2026.12.2 and put in force (prefixes verified)")
        .contains("filled:    breast Z91")
        .contains("confirmed: colorectal A12")
        .contains("reported:  NO_PATHWAY_NAMED: no pathway of the catalogue is named");
  }

  @Test
  void a_refusal_exits_1_with_every_problem() throws IOException {
    var url =
        forlop(
            400,
            """
            {"resourceType": "OperationOutcome", "issue": [
              {"details": {"text": "The code list cannot be read."}, "diagnostics": "line 2: 'z91a' is not a pathway code"},
              {"details": {"text": "The code list cannot be read."}, "diagnostics": "line 3: Z91A again"}]}
            """);
    var file = Files.writeString(folder.resolve("8480.json"), "{}");

    assertThat(run("--url", url, "--version", "x1", file.toString())).isEqualTo(1);
    assertThat(contentType.get()).isEqualTo("application/fhir+json");
    assertThat(query.get()).isEqualTo("version=x1&name=8480.json");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Forløp refused the file (400): The code list cannot be read.")
        .contains("line 2: 'z91a' is not a pathway code", "line 3: Z91A again");
  }

  @Test
  void a_wrong_command_exits_2_and_sends_nothing() throws IOException {
    var file = Files.writeString(folder.resolve("8480.csv"), "Z91A;x\n");

    assertThat(run(file.toString())).isEqualTo(2);
    assertThat(run("--version", "x1", "--official", file.toString())).isEqualTo(2);
    assertThat(run("--version", "x1", folder.resolve("missing.csv").toString())).isEqualTo(2);
    assertThat(run("--fast", "--version", "x1", file.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(CodeListCommand.USAGE)
        .contains("--official needs --source")
        .contains("cannot read")
        .contains("unknown option --fast");
  }
}

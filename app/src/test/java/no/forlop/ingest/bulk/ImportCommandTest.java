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

/** {@code bin/forlop import}'s exit codes when there is no job to follow. */
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
}

package no.forlop.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL starts on a data folder that a killed Forløp left its server running on:
 * the leftover server is stopped first. The leftover here is a real PostgreSQL on the folder,
 * started with {@code pg_ctl} as zonky starts it, so detached from this JVM as it is from a killed
 * one. (The whole story, with a Forløp killed in a JVM of its own: {@code
 * no.forlop.ingest.bulk.BulkResumeIT}.)
 */
class LeftoverPostmasterIT {

  private Path dataDir;
  private Path postgres;

  @BeforeEach
  void aDataFolderWithADatabase() throws IOException {
    dataDir = Files.createTempDirectory("forlop-leftover");
    try (var first =
        EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start()) {
      postgres = Path.of(ProcessHandle.of(pid()).orElseThrow().info().command().orElseThrow());
    }
    assertThat(Files.exists(dataDir.resolve(LeftoverPostmaster.PID_FILE))).isFalse();
  }

  @AfterEach
  void removeDataDir() throws Exception {
    if (Files.exists(dataDir.resolve(LeftoverPostmaster.PID_FILE))) {
      pgCtl("stop", "-m", "immediate").waitFor(30, TimeUnit.SECONDS);
    }
    try (var files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void a_server_left_running_on_the_folder_is_stopped_and_the_embedded_database_starts()
      throws Exception {
    // given: a server running on the folder that no JVM holds (as after kill -9 of Forløp)
    var leftover = startLeftover();
    assertThat(leftover.isAlive()).isTrue();

    // when
    long started = System.nanoTime();
    try (var embedded = start()) {

      // then: the leftover is gone, and the embedded database answers, soon
      assertThat(leftover.isAlive()).isFalse();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
      try (var connection = embedded.getPostgresDatabase().getConnection();
          var result = connection.createStatement().executeQuery("select 1")) {
        assertThat(result.next()).isTrue();
      }
    }
  }

  @Test
  void a_pid_file_whose_process_is_gone_is_left_to_postgres() throws Exception {
    // given: a server on the folder killed outright, with its processes (as when the machine went
    // down)
    killOutright(startLeftover());
    assertThat(Files.exists(dataDir.resolve(LeftoverPostmaster.PID_FILE))).isTrue();

    // when
    assertThat(LeftoverPostmaster.stopIfRunning(dataDir, Duration.ofSeconds(30))).isFalse();

    // then: PostgreSQL recovers by itself as it starts
    try (var embedded = start()) {
      try (var connection = embedded.getPostgresDatabase().getConnection()) {
        assertThat(connection.isValid(5)).isTrue();
      }
    }
  }

  @Test
  void a_pid_file_naming_a_process_that_is_not_postgres_is_removed() throws Exception {
    // given: a postmaster.pid whose process number now belongs to another program
    var other = new ProcessBuilder("sleep", "60").start();
    try {
      Files.writeString(
          dataDir.resolve(LeftoverPostmaster.PID_FILE),
          other.pid() + "\n" + dataDir + "\n1700000000\n5432\n/tmp\nlocalhost\n",
          StandardCharsets.UTF_8);

      // when
      var stopped = LeftoverPostmaster.stopIfRunning(dataDir, Duration.ofSeconds(30));

      // then: the other program runs on, and the stale file is gone
      assertThat(stopped).isFalse();
      assertThat(other.isAlive()).isTrue();
      assertThat(Files.exists(dataDir.resolve(LeftoverPostmaster.PID_FILE))).isFalse();
    } finally {
      other.destroyForcibly();
    }
  }

  @Test
  void a_folder_in_use_by_a_running_forlop_is_not_touched() throws Exception {
    // given: the embedded database running on the folder (it holds zonky's lock)
    try (var running = start()) {
      var server = ProcessHandle.of(pid()).orElseThrow();

      // when / then
      assertThatThrownBy(() -> LeftoverPostmaster.stopIfRunning(dataDir, Duration.ofSeconds(30)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another running Forløp");
      assertThat(server.isAlive()).isTrue();
    }
  }

  /** Starts the embedded database as Forløp's configuration does. */
  private EmbeddedPostgres start() throws IOException {
    return new EmbeddedDatabaseConfiguration()
        .embeddedPostgres(
            new EmbeddedDatabaseSettings(dataDir, false, 0),
            EmbeddedDatabaseConfiguration.TemplateCopy.NONE);
  }

  /** PostgreSQL on the folder, started detached with pg_ctl, as zonky does. */
  private ProcessHandle startLeftover() throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var start = pgCtl("start", "-w", "-t", "60", "-o", "-p " + port + " -F");
    assertThat(start.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(start.exitValue()).as("pg_ctl start").isZero();
    return ProcessHandle.of(pid()).orElseThrow();
  }

  private Process pgCtl(String... args) throws IOException {
    var command = new java.util.ArrayList<String>();
    if ("root".equals(System.getProperty("user.name"))) {
      // PostgreSQL does not run as root; zonky runs it in a user namespace of its own, so do we
      command.addAll(java.util.List.of("unshare", "-U"));
    }
    command.add(postgres.resolveSibling("pg_ctl").toString());
    command.add("-D");
    command.add(dataDir.toString());
    command.add("-l");
    command.add(dataDir.resolveSibling(dataDir.getFileName() + ".log").toString());
    command.addAll(java.util.List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private long pid() throws IOException {
    return Long.parseLong(
        Files.readAllLines(dataDir.resolve(LeftoverPostmaster.PID_FILE)).get(0).strip());
  }

  /** SIGKILL to the server and every process of it, and wait until they are gone. */
  static void killOutright(ProcessHandle server) throws Exception {
    var all = new java.util.ArrayList<ProcessHandle>();
    all.add(server);
    server.descendants().forEach(all::add);
    all.forEach(ProcessHandle::destroyForcibly);
    for (var process : all) {
      process.onExit().get(30, TimeUnit.SECONDS);
    }
  }
}

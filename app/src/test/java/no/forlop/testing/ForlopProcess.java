package no.forlop.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Forløp in a JVM of its own ({@code java -jar app/target/forlop-exec.jar}, built by {@code
 * package} before failsafe runs), on a data folder the test chooses, so that a test can do to it
 * what happens in production: kill it ({@code kill -9}), start it again on the same folder, stop
 * its embedded PostgreSQL under it and start that again. It speaks HTTP as the demo users ({@code
 * ehr}, {@code admin}; password {@code demo}), and opens JDBC connections to its database for
 * checks. No Spring test context: everything goes through the process, its port and its folder.
 *
 * <p>Its output goes to {@code <folder>/../forlop.log} (appended across restarts); a failure to
 * start says the last lines of it.
 */
public final class ForlopProcess implements AutoCloseable {

  private static final Pattern RUNNING_AT =
      Pattern.compile("Forløp is running at http://localhost:(\\d+)/");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The header that asks for English texts. */
  public static final String[] ENGLISH = {"Accept-Language", "en"};

  private final Path dataDir;
  private final Path log;
  private final Process process;
  private final int port;

  private ForlopProcess(Path dataDir, Path log, Process process, int port) {
    this.dataDir = dataDir;
    this.log = log;
    this.process = process;
    this.port = port;
  }

  /** The runnable jar that {@code package} builds. */
  public static Path jar() {
    for (var candidate :
        List.of(
            Path.of("target", "forlop-exec.jar"), Path.of("app", "target", "forlop-exec.jar"))) {
      if (Files.isRegularFile(candidate)) {
        return candidate.toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "app/target/forlop-exec.jar is missing: run the separate-JVM tests with ./mvnw verify"
            + " (package builds it first)");
  }

  /**
   * Starts Forløp on the data folder (without the demo hospital, on a free port) and waits until it
   * answers.
   *
   * @param settings more settings, e.g. {@code --forlop.bulk.chunk-lines=50}
   */
  public static ForlopProcess start(Path dataDir, String... settings) {
    var log = dataDir.resolveSibling("forlop.log");
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // a quick start matters more here than the speed of a long run
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx768m"));
    command.addAll(List.of("-jar", jar().toString()));
    command.add("--server.port=0");
    command.add("--forlop.database.embedded.data-dir=" + dataDir);
    command.addAll(List.of(settings));
    var builder = new ProcessBuilder(command);
    builder.environment().put("FORLOP_DEMO", "false");
    builder.environment().put("FORLOP_DATA_DIR", dataDir.toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    long from;
    try {
      from = Files.exists(log) ? Files.size(log) : 0;
      var process = builder.start();
      return new ForlopProcess(dataDir, log, process, awaitPort(process, log, from));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int awaitPort(Process process, Path log, long from) throws IOException {
    var deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
    while (System.nanoTime() < deadline) {
      var output = read(log, from);
      var running = RUNNING_AT.matcher(output);
      if (running.find()) {
        return Integer.parseInt(running.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("Forløp did not start:\n" + tail(output));
      }
      sleep(Duration.ofMillis(200));
    }
    process.destroyForcibly();
    throw new IllegalStateException("Forløp did not start in time:\n" + tail(read(log, from)));
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** What Forløp has written since it started (all its runs on this folder). */
  public String output() {
    return read(log, 0);
  }

  /** {@code kill -9}: the JVM ends at once; its embedded PostgreSQL runs on, orphaned. */
  public void kill() {
    process.destroyForcibly();
    await(process.toHandle());
  }

  /** A normal stop (SIGTERM): Spring shuts down, and stops the embedded PostgreSQL. */
  public void stop() {
    process.destroy();
    await(process.toHandle());
  }

  /**
   * Stops Forløp if it runs, and any PostgreSQL left on its folder; keeps its output in {@code
   * target/separate-jvm/} for a look after the test.
   */
  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
    try {
      var kept = Path.of("target", "separate-jvm");
      Files.createDirectories(kept);
      Files.copy(
          log,
          kept.resolve(dataDir.getParent().getFileName() + "-forlop.log"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // only for looking at afterwards
    }
    var database = database();
    if (database.pid().flatMap(ProcessHandle::of).isPresent()) {
      try {
        database.pgCtl("stop", "-m", "immediate", "-w", "-t", "30");
      } catch (RuntimeException e) {
        database.killOutright();
      }
    }
  }

  /** The embedded PostgreSQL on this Forløp's folder. */
  public EmbeddedDatabase database() {
    return new EmbeddedDatabase(dataDir);
  }

  /** An answer: status, the headers a test needs, and the body. */
  public record Answer(int status, String contentType, Optional<String> retryAfter, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** The reason code of an OperationOutcome's first issue. */
    public String reason() {
      return json()
          .path("issue")
          .path(0)
          .path("details")
          .path("coding")
          .path(0)
          .path("code")
          .asString();
    }

    /** The text of an OperationOutcome's first issue. */
    public String text() {
      return json().path("issue").path(0).path("details").path("text").asString();
    }
  }

  /** GET as a demo user. */
  public Answer get(String user, String path, String... headers) {
    return send(user, HttpRequest.newBuilder(uri(path)).GET(), headers);
  }

  /** POST as a demo user. */
  public Answer post(String user, String path, String contentType, byte[] body, String... headers) {
    return send(
        user,
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        headers);
  }

  /** GET a JSON answer that must be 200. */
  public JsonNode json(String user, String path) {
    var answer = get(user, path);
    if (answer.status() != 200) {
      throw new AssertionError(
          "GET " + path + " answered " + answer.status() + ": " + answer.body());
    }
    return answer.json();
  }

  /**
   * The pathways of one patient as a demo user sees them (must be 200), searched by POST with the
   * fødselsnummer in the body, never in the address.
   */
  public JsonNode pathwaysOf(String user, String patient) {
    var body = "{\"patient\": \"" + patient + "\"}";
    var answer =
        post(
            user,
            "/api/v1/pathways/search",
            "application/json",
            body.getBytes(StandardCharsets.UTF_8));
    if (answer.status() != 200) {
      throw new AssertionError(
          "POST /api/v1/pathways/search answered " + answer.status() + ": " + answer.body());
    }
    return answer.json();
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static Answer send(String user, HttpRequest.Builder request, String... headers) {
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    request.header(
        "Authorization",
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    request.timeout(Duration.ofSeconds(60));
    try {
      var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Retry-After"),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The embedded PostgreSQL of a Forløp, found by its data folder ({@code postmaster.pid}, {@code
   * postmaster.opts}): a test stops it under a running Forløp and starts it again on the same port
   * with the same options, or kills it outright as a crash of the machine would.
   */
  public static final class EmbeddedDatabase {

    private final Path dataDir;

    EmbeddedDatabase(Path dataDir) {
      this.dataDir = dataDir;
    }

    /** The server's process number, while its {@code postmaster.pid} is there. */
    public Optional<Long> pid() {
      return pidFileLine(0).map(Long::parseLong);
    }

    public int port() {
      return pidFileLine(3).map(Integer::parseInt).orElseThrow();
    }

    /** A connection to its database {@code postgres}, as Forløp's own. */
    public Connection connect() throws SQLException {
      return DriverManager.getConnection(
          "jdbc:postgresql://localhost:" + port() + "/postgres?user=postgres");
    }

    /** One number from a query; a {@code String[]} argument is a {@code text[]}. */
    public long count(String sql, Object... args) {
      try (var connection = connect();
          var statement = connection.prepareStatement(sql)) {
        for (int i = 0; i < args.length; i++) {
          if (args[i] instanceof String[] texts) {
            statement.setArray(i + 1, connection.createArrayOf("text", texts));
          } else {
            statement.setObject(i + 1, args[i]);
          }
        }
        try (var result = statement.executeQuery()) {
          result.next();
          return result.getLong(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(sql, e);
      }
    }

    /**
     * Stops the server (fast shutdown: its sessions end, Forløp's connections break) and returns
     * the options it ran with, for {@link #start(List)}.
     */
    public List<String> stop() {
      var options = options();
      pgCtl("stop", "-m", "fast", "-w", "-t", "60");
      return options;
    }

    /** Starts the server again on the folder, with the options it ran with (the same port). */
    public void start(List<String> options) {
      pgCtl(
          "start",
          "-w",
          "-t",
          "60",
          "-l",
          dataDir.resolveSibling("postgres.log").toString(),
          "-o",
          String.join(" ", options));
    }

    /** SIGKILL to the server and all its processes, as when the machine goes down. */
    public void killOutright() {
      pid()
          .flatMap(ProcessHandle::of)
          .ifPresent(
              server -> {
                var all = new ArrayList<ProcessHandle>();
                all.add(server);
                server.descendants().forEach(all::add);
                all.forEach(ProcessHandle::destroyForcibly);
                all.forEach(ForlopProcess::await);
              });
    }

    /** The server's options after its data folder, from {@code postmaster.opts}. */
    private List<String> options() {
      try {
        var text = Files.readString(dataDir.resolve("postmaster.opts"), StandardCharsets.UTF_8);
        var quoted = Pattern.compile("\"([^\"]*)\"").matcher(text);
        var arguments = new ArrayList<String>();
        while (quoted.find()) {
          arguments.add(quoted.group(1));
        }
        var folder = arguments.indexOf("-D");
        return List.copyOf(arguments.subList(folder + 2, arguments.size()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void pgCtl(String... arguments) {
      var command = new ArrayList<String>();
      if ("root".equals(System.getProperty("user.name"))) {
        // PostgreSQL does not run as root; zonky runs it in a user namespace of its own, so do we
        command.addAll(List.of("unshare", "-U"));
      }
      command.add(binaries().resolve("pg_ctl").toString());
      command.addAll(List.of("-D", dataDir.toString()));
      command.addAll(List.of(arguments));
      try {
        var process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                    ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling("pg_ctl.log").toFile()))
                .start();
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
          throw new IllegalStateException(
              "pg_ctl " + String.join(" ", arguments) + " failed; see pg_ctl.log");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** zonky's binaries, as {@code postmaster.opts} names them. */
    private Path binaries() {
      try {
        var text = Files.readString(dataDir.resolve("postmaster.opts"), StandardCharsets.UTF_8);
        var program = text.strip().split(" \"", 2)[0].strip();
        return Path.of(program).getParent();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private Optional<String> pidFileLine(int line) {
      try {
        var lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
        return lines.size() > line ? Optional.of(lines.get(line).strip()) : Optional.empty();
      } catch (IOException e) {
        return Optional.empty();
      }
    }
  }

  private static void await(ProcessHandle process) {
    try {
      process.onExit().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("process " + process.pid() + " did not end", e);
    }
  }

  private static String read(Path log, long from) {
    try {
      var bytes = Files.readAllBytes(log);
      var start = (int) Math.min(from, bytes.length);
      return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(String output) {
    var lines = output.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  /** Sleeps, for polling loops in tests. */
  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

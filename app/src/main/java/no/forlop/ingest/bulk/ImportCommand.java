package no.forlop.ingest.bulk;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code bin/forlop import [--url http://localhost:8080] FILE.ndjson}: sends the file to a
 * running Forløp as a bulk import and prints the job's progress until it is done. Exit 0 when the
 * job is DONE (even with rejected lines: they are listed at {@code GET /api/v1/ingest/rejections}),
 * 1 when it FAILED, Forløp cannot be reached or refuses the file, 2 when the file cannot be read or
 * the command is wrong. Needs no Spring context and no database: only HTTP.
 */
public final class ImportCommand {

  static final String USAGE =
      "usage: bin/forlop import [--url http://localhost:8080] [--user NAME] FILE.ndjson"
          + " (password: FORLOP_PASSWORD; user: FORLOP_USER, default ehr)";
  static final String DEFAULT_URL = "http://localhost:8080";

  private static final Duration POLL_EVERY = Duration.ofSeconds(2);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * How long the command keeps following a job while Forløp does not answer or its database is
   * unavailable (503): a restart of Forløp, or of its database, is over well within it, and the job
   * goes on by itself.
   */
  static final Duration PATIENCE = Duration.ofMinutes(5);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final PrintStream out;
  private final PrintStream err;
  private final Duration pollEvery;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  private final String credentials;

  private ImportCommand(PrintStream out, PrintStream err, Duration pollEvery, String credentials) {
    this.out = out;
    this.err = err;
    this.pollEvery = pollEvery;
    this.credentials = credentials;
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, POLL_EVERY);
  }

  static int run(String[] args, PrintStream out, PrintStream err, Duration pollEvery) {
    String url = DEFAULT_URL;
    String user = System.getenv().getOrDefault("FORLOP_USER", "ehr");
    String password = System.getenv().getOrDefault("FORLOP_PASSWORD", "demo");
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      var arg = args[i];
      if (arg.equals("-h") || arg.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (arg.equals("--url") && i + 1 < args.length) {
        url = args[++i];
      } else if (arg.startsWith("--url=")) {
        url = arg.substring("--url=".length());
      } else if (arg.equals("--user") && i + 1 < args.length) {
        user = args[++i];
      } else if (arg.startsWith("--user=")) {
        user = arg.substring("--user=".length());
      } else if (arg.startsWith("-")) {
        err.println("forlop import: unknown option " + arg);
        err.println(USAGE);
        return 2;
      } else if (file == null) {
        file = Path.of(arg);
      } else {
        err.println("forlop import: one file at a time");
        err.println(USAGE);
        return 2;
      }
    }
    if (file == null) {
      err.println(USAGE);
      return 2;
    }
    URI base;
    try {
      base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      err.println("forlop import: --url is not an address: " + url);
      return 2;
    }
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      err.println("forlop import: --url needs http:// or https://, not " + url);
      return 2;
    }
    var credentials =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new ImportCommand(out, err, pollEvery, credentials).send(base, file);
  }

  private int send(URI base, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      err.println(
          "forlop import: cannot read "
              + file
              + (Files.exists(file) ? ": not a readable file" : ": no such file"));
      return 2;
    }
    HttpRequest request;
    long size;
    try {
      size = Files.size(file);
      var name = URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8);
      request =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest/bulk?name=" + name))
              .header("Content-Type", BulkImportController.NDJSON)
              .header("Accept", "application/json")
              .header("X-Forlop-Purpose", "ADMINISTRATION")
              // the command line speaks English; Forløp's refusals in the same language
              .header("Accept-Language", "en")
              .header("Authorization", credentials)
              .POST(HttpRequest.BodyPublishers.ofFile(file))
              .build();
    } catch (IOException e) {
      err.println("forlop import: cannot read " + file + ": " + e.getMessage());
      return 2;
    }
    out.println("forlop import: sending " + file + " (" + bytes(size) + ") to " + base);
    HttpResponse<String> answer;
    long unavailableSince = -1;
    while (true) {
      try {
        answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (!Files.isReadable(file)) {
          err.println("forlop import: cannot read " + file + ": " + e.getMessage());
          return 2;
        }
        err.println("forlop import: cannot reach Forløp at " + base + " (" + describe(e) + ")");
        return 1;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
      if (answer.statusCode() != 503) {
        break;
      }
      // the database is away: nothing was stored, and the same file sent again is never stored
      // twice, so send it again when Forløp says
      unavailableSince = unavailable(unavailableSince, base, "503: " + outcomeText(answer.body()));
      if (unavailableSince < 0) {
        return 1;
      }
      try {
        Thread.sleep(retryAfter(answer).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
      out.println("forlop import: sending " + file + " again");
    }
    if (answer.statusCode() != 202 && answer.statusCode() != 200) {
      err.println(
          "forlop import: Forløp refused the file ("
              + answer.statusCode()
              + "): "
              + outcomeText(answer.body()));
      return 1;
    }
    var job = json(answer.body());
    if (job == null) {
      err.println("forlop import: Forløp's answer is not a job: " + firstLine(answer.body()));
      return 1;
    }
    var where =
        answer
            .headers()
            .firstValue("Location")
            .map(l -> l.startsWith("/") ? URI.create(base + l) : base.resolve(l))
            .orElse(URI.create(base + "/api/v1/ingest/bulk/" + job.path("id").asString()));
    var id = job.path("id").asString();
    if (job.path("duplicate").asBoolean(false)) {
      var status = job.path("status").asString();
      if ("DONE".equals(status)) {
        out.println(
            "forlop import: nothing to do: this file was imported before (job "
                + id
                + ", done "
                + job.path("finishedAt").asString("")
                + "); nothing new was stored");
        out.println("done: " + progress(job));
        return 0;
      }
      out.println(
          "forlop import: this file was sent before (job "
              + id
              + ")"
              + (answer.statusCode() == 202
                  ? ": that job had failed, and goes on from where it stopped"
                  : ": its job is still running")
              + "; nothing of it is stored twice; progress at "
              + where);
      return follow(base, where, job);
    }
    out.println(
        "forlop import: job "
            + id
            + " started, "
            + count(job.path("linesTotal").asLong())
            + " lines; progress at "
            + where);
    return follow(base, where, job);
  }

  /** Polls the job until it is done or failed, printing a line whenever it has moved. */
  private int follow(URI base, URI where, JsonNode job) {
    long unavailableSince = -1;
    String last = null;
    while (true) {
      var status = job.path("status").asString();
      var line = progress(job);
      if (!line.equals(last) && !"DONE".equals(status)) {
        out.println(line);
        last = line;
      }
      if ("DONE".equals(status)) {
        out.println(
            "done: "
                + line
                + ", "
                + count(job.path("ignored").asLong())
                + " ignored, "
                + count(job.path("patientsDerived").asLong())
                + (job.path("patientsDerived").asLong() == 1 ? " patient" : " patients")
                + " derived");
        if (job.path("rejected").asLong() > 0) {
          out.println("the rejected resources and why: GET " + base + "/api/v1/ingest/rejections");
        }
        return 0;
      }
      if ("FAILED".equals(status)) {
        err.println("forlop import: the job failed: " + job.path("failure").asString(""));
        return 1;
      }
      try {
        Thread.sleep(pollEvery.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
      try {
        var answer =
            http.send(
                HttpRequest.newBuilder(where)
                    .header("Accept", "application/json")
                    .header("Accept-Language", "en")
                    .header("Authorization", credentials)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 503) {
          // the database is away (a restart, an outage): the job waits for it, and so do we
          unavailableSince =
              unavailable(unavailableSince, where, "503: " + outcomeText(answer.body()));
          if (unavailableSince < 0) {
            return 1;
          }
          continue;
        }
        var next = answer.statusCode() == 200 ? json(answer.body()) : null;
        if (next == null) {
          err.println(
              "forlop import: cannot follow the job ("
                  + answer.statusCode()
                  + "): "
                  + outcomeText(answer.body()));
          return 1;
        }
        if (unavailableSince >= 0) {
          out.println("forlop import: Forløp answers again");
        }
        job = next;
        unavailableSince = -1;
      } catch (IOException e) {
        unavailableSince = unavailable(unavailableSince, where, describe(e));
        if (unavailableSince < 0) {
          return 1;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
    }
  }

  /**
   * Forløp did not answer the job's progress: says so the first time, and gives up after {@link
   * #PATIENCE}.
   *
   * @return when it stopped answering (a {@link System#nanoTime()}), or -1 to give up
   */
  private long unavailable(long since, URI where, String why) {
    var now = System.nanoTime();
    if (since < 0) {
      out.println(
          "forlop import: Forløp does not answer ("
              + why
              + "); the job goes on by itself when Forløp and its database are back; waiting up to "
              + PATIENCE.toMinutes()
              + " minutes");
      return now;
    }
    if (now - since > PATIENCE.toNanos()) {
      err.println(
          "forlop import: lost Forløp at " + where + " (" + why + "); the job goes on there");
      return -1;
    }
    return since;
  }

  /**
   * {@code 12,000 of 48,000 lines, 11,990 accepted, 10 rejected}, and {@code (resumed at line
   * 12,001 after a restart)} when the job went on after Forløp was restarted.
   */
  static String progress(JsonNode job) {
    var line =
        count(job.path("linesRead").asLong())
            + " of "
            + count(job.path("linesTotal").asLong())
            + " lines, "
            + count(job.path("accepted").asLong())
            + " accepted, "
            + count(job.path("rejected").asLong())
            + " rejected";
    var resumed = job.path("resumed");
    if (resumed.isObject()) {
      var times = resumed.path("count").asInt();
      line +=
          " (resumed at line "
              + count(resumed.path("atLine").asLong())
              + " after a restart"
              + (times > 1 ? "; " + times + " restarts" : "")
              + ")";
    }
    return line;
  }

  /**
   * How long Forløp asks to wait before sending again (its {@code Retry-After}, at most a minute).
   */
  private Duration retryAfter(HttpResponse<?> answer) {
    try {
      var seconds = Long.parseLong(answer.headers().firstValue("Retry-After").orElse("").strip());
      return Duration.ofSeconds(Math.max(0, Math.min(60, seconds)));
    } catch (NumberFormatException e) {
      return pollEvery;
    }
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String bytes(long size) {
    if (size < 1024 * 1024) {
      return count(size) + " bytes";
    }
    return String.format(Locale.ROOT, "%,.1f MB", size / (1024.0 * 1024.0));
  }

  private static @Nullable JsonNode json(String body) {
    try {
      var node = JSON.readTree(body);
      return node.isObject() && node.has("id") && node.has("status") ? node : null;
    } catch (JacksonException e) {
      return null;
    }
  }

  /** The text of an OperationOutcome, or the first line of whatever came. */
  private static String outcomeText(String body) {
    try {
      var node = JSON.readTree(body);
      var text = node.path("issue").path(0).path("details").path("text").asString("");
      if (!text.isBlank()) {
        return text;
      }
    } catch (JacksonException e) {
      // not JSON
    }
    return firstLine(body);
  }

  private static String firstLine(String text) {
    var line = text.lines().findFirst().orElse("").strip();
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private static String describe(IOException e) {
    var message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}

package no.forlop.reporting.cli;

import java.io.IOException;
import java.io.OutputStream;
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
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code bin/forlop report --from YYYY-MM-DD --to YYYY-MM-DD [--pathway ID] [--org ORG]...
 * [--age-band BAND] [--sex FEMALE|MALE] --format csv|json|xlsx [--out FILE] [--lang nb|en]} for
 * scheduled runs: asks a running Forløp for the indicators (GET /api/v1/indicators, as the user
 * named, within that user's units, small numbers suppressed) and writes them to the file or
 * standard output, its tables and Forløp's refusals in Norwegian bokmål as the dashboard's
 * downloads (English with {@code --lang en}). Like {@code import}, it needs no database of its own:
 * the server may keep running. Exit 0 when written, 1 when Forløp cannot be reached or refuses the
 * request, 2 when the command is wrong or the file cannot be written.
 */
public final class ReportCommand {

  static final String USAGE =
      "usage: bin/forlop report --from YYYY-MM-DD --to YYYY-MM-DD [--pathway ID] [--org ORG]..."
          + " [--age-band AGE_70_79] [--sex FEMALE|MALE] --format csv|json|xlsx [--out FILE]"
          + " [--lang nb|en] [--url http://localhost:8080] [--user NAME] (password:"
          + " FORLOP_PASSWORD; user: FORLOP_USER)";
  static final String DEFAULT_URL = "http://localhost:8080";
  static final Set<String> FORMATS = Set.of("csv", "json", "xlsx");

  /** The languages of the tables: Norwegian bokmål (the default, as on the dashboard), English. */
  static final Set<String> LANGUAGES = Set.of("nb", "en");

  static final String DEFAULT_LANGUAGE = "nb";
  static final Set<String> AGE_BANDS =
      Set.of("AGE_0_17", "AGE_18_39", "AGE_40_59", "AGE_60_69", "AGE_70_79", "AGE_80_PLUS");

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private ReportCommand() {}

  /** What the command line asks for. */
  record Request(
      LocalDate from,
      LocalDate to,
      @Nullable String pathway,
      List<String> organisations,
      @Nullable String ageBand,
      @Nullable String sex,
      String format,
      @Nullable Path out,
      URI base,
      String user,
      String language) {

    /** The API address with the query. */
    URI uri() {
      var query = new StringBuilder();
      query.append("from=").append(from).append("&to=").append(to);
      if (pathway != null) {
        query.append("&pathway=").append(encode(pathway));
      }
      organisations.forEach(o -> query.append("&organisation=").append(encode(o)));
      if (ageBand != null) {
        query.append("&ageBand=").append(ageBand);
      }
      if (sex != null) {
        query.append("&sex=").append(sex);
      }
      query.append("&format=").append(format);
      return URI.create(base + "/api/v1/indicators?" + query);
    }
  }

  /** A command line that cannot be run, with the reason. */
  static final class UsageException extends Exception {
    UsageException(String message) {
      super(message);
    }
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, System.getenv());
  }

  static int run(
      String[] args, PrintStream out, PrintStream err, java.util.Map<String, String> env) {
    Request request;
    try {
      request = parse(args, env.get("FORLOP_USER"));
    } catch (UsageException e) {
      if (e.getMessage().isEmpty()) {
        out.println(USAGE);
        return 0;
      }
      err.println("forlop report: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    var password = env.getOrDefault("FORLOP_PASSWORD", "");
    return fetch(request, password, out, err);
  }

  static Request parse(String[] args, @Nullable String userFromEnvironment) throws UsageException {
    LocalDate from = null;
    LocalDate to = null;
    String pathway = null;
    var organisations = new ArrayList<String>();
    String ageBand = null;
    String sex = null;
    String format = null;
    Path out = null;
    String url = DEFAULT_URL;
    String user = userFromEnvironment;
    String language = DEFAULT_LANGUAGE;
    for (int i = 0; i < args.length; i++) {
      var arg = args[i];
      if (arg.equals("-h") || arg.equals("--help")) {
        throw new UsageException("");
      }
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument " + arg);
      }
      String name;
      String value;
      if (arg.contains("=")) {
        name = arg.substring(0, arg.indexOf('='));
        value = arg.substring(arg.indexOf('=') + 1);
      } else {
        name = arg;
        if (i + 1 >= args.length) {
          throw new UsageException(name + " needs a value");
        }
        value = args[++i];
      }
      switch (name) {
        case "--from" -> from = date(name, value);
        case "--to" -> to = date(name, value);
        case "--pathway" -> pathway = value;
        case "--org", "--organisation" -> organisations.add(value);
        case "--age-band" -> {
          if (!AGE_BANDS.contains(value)) {
            throw new UsageException("--age-band is one of " + new java.util.TreeSet<>(AGE_BANDS));
          }
          ageBand = value;
        }
        case "--sex" -> {
          if (!value.equals("FEMALE") && !value.equals("MALE")) {
            throw new UsageException("--sex is FEMALE or MALE");
          }
          sex = value;
        }
        case "--format" -> {
          if (!FORMATS.contains(value)) {
            throw new UsageException("--format is csv, json or xlsx, not " + value);
          }
          format = value;
        }
        case "--out" -> out = Path.of(value);
        case "--url" -> url = value;
        case "--user" -> user = value;
        case "--lang" -> {
          if (!LANGUAGES.contains(value)) {
            throw new UsageException("--lang is nb or en, not " + value);
          }
          language = value;
        }
        default -> throw new UsageException("unknown option " + name);
      }
    }
    if (from == null || to == null) {
      throw new UsageException("--from and --to are required");
    }
    if (to.isBefore(from)) {
      throw new UsageException("--to (" + to + ") is before --from (" + from + ")");
    }
    if (format == null) {
      throw new UsageException("--format is required (csv, json or xlsx)");
    }
    if (user == null || user.isBlank()) {
      throw new UsageException("name the user with --user or FORLOP_USER");
    }
    URI base;
    try {
      base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--url is not an address: " + url);
    }
    if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
      throw new UsageException("--url needs http:// or https://, not " + url);
    }
    return new Request(
        from,
        to,
        pathway,
        List.copyOf(organisations),
        ageBand,
        sex,
        format,
        out,
        base,
        user,
        language);
  }

  private static LocalDate date(String name, String value) throws UsageException {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new UsageException(name + " needs a date as YYYY-MM-DD, not '" + value + "'");
    }
  }

  private static int fetch(Request request, String password, PrintStream out, PrintStream err) {
    var credentials =
        "Basic "
            + java.util.Base64.getEncoder()
                .encodeToString((request.user() + ":" + password).getBytes(StandardCharsets.UTF_8));
    var http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    HttpResponse<byte[]> answer;
    try {
      answer =
          http.send(
              HttpRequest.newBuilder(request.uri())
                  .timeout(TIMEOUT)
                  .header("Authorization", credentials)
                  .header("X-Forlop-Purpose", "STATISTICS")
                  // the tables' labels and Forløp's refusals in the language asked for
                  .header("Accept-Language", request.language())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      err.println(
          "forlop report: cannot reach Forløp at "
              + request.base()
              + " ("
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
              + ")");
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    if (answer.statusCode() != 200) {
      err.println(
          "forlop report: Forløp refused the request ("
              + answer.statusCode()
              + "): "
              + outcomeText(new String(answer.body(), StandardCharsets.UTF_8)));
      return 1;
    }
    try {
      if (request.out() == null) {
        write(answer.body(), out);
        out.flush();
      } else {
        Files.write(request.out(), answer.body());
        err.println(
            "forlop report: wrote " + request.out() + " (" + answer.body().length + " bytes)");
      }
      return 0;
    } catch (IOException e) {
      err.println("forlop report: cannot write " + request.out() + ": " + e.getMessage());
      return 2;
    }
  }

  private static void write(byte[] body, OutputStream out) throws IOException {
    out.write(body);
  }

  /** The text of a FHIR OperationOutcome, or the first line of whatever came back. */
  static String outcomeText(String body) {
    try {
      var node = JSON.readTree(body);
      var text = node.path("issue").path(0).path("details").path("text").asString("");
      if (!text.isEmpty()) {
        return text;
      }
      var diagnostics = node.path("issue").path(0).path("diagnostics").asString("");
      if (!diagnostics.isEmpty()) {
        return diagnostics;
      }
    } catch (JacksonException e) {
      // not JSON
    }
    var line = body.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

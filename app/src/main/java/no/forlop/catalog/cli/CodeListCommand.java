package no.forlop.catalog.cli;

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
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code bin/forlop codelist --version V [--official --source URL] FILE}: sends the official
 * code list (kodeverk 8480/9321, a FHIR CodeSystem {@code .json} or a {@code code;text} file) to a
 * running Forløp ({@code POST /api/v1/catalogue/code-lists}) and prints what it filled, confirmed
 * and reported. Exit 0 when a new catalogue version was made, 1 when Forløp refused the file or
 * cannot be reached, 2 when the command is wrong or the file cannot be read. Needs no Spring
 * context: only HTTP.
 */
public final class CodeListCommand {

  static final String USAGE =
      "usage: bin/forlop codelist --version V [--official --source URL] [--url"
          + " http://localhost:8080] [--user NAME] FILE (.json: FHIR CodeSystem; otherwise"
          + " code;text) (password: FORLOP_PASSWORD; user: FORLOP_USER, default admin)";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private CodeListCommand() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    String url = "http://localhost:8080";
    String user = System.getenv().getOrDefault("FORLOP_USER", "admin");
    String password = System.getenv().getOrDefault("FORLOP_PASSWORD", "demo");
    String version = null;
    String source = null;
    boolean official = false;
    Path file = null;
    for (int i = 0; i < args.length; i++) {
      var arg = args[i];
      var next = i + 1 < args.length ? args[i + 1] : null;
      if (arg.equals("-h") || arg.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (arg.equals("--official")) {
        official = true;
      } else if (next != null && arg.equals("--version")) {
        version = args[++i];
      } else if (next != null && arg.equals("--source")) {
        source = args[++i];
      } else if (next != null && arg.equals("--url")) {
        url = args[++i];
      } else if (next != null && arg.equals("--user")) {
        user = args[++i];
      } else if (arg.startsWith("-")) {
        err.println("forlop codelist: unknown option " + arg);
        err.println(USAGE);
        return 2;
      } else if (file == null) {
        file = Path.of(arg);
      } else {
        err.println("forlop codelist: one file at a time");
        return 2;
      }
    }
    if (file == null || version == null) {
      err.println(USAGE);
      return 2;
    }
    if (official && source == null) {
      err.println("forlop codelist: --official needs --source (where the file was published)");
      return 2;
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      err.println("forlop codelist: cannot read " + file);
      return 2;
    }
    URI base;
    try {
      base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      err.println("forlop codelist: --url is not an address: " + url);
      return 2;
    }
    var name = file.getFileName().toString();
    var query =
        "?version="
            + encode(version)
            + "&name="
            + encode(name)
            + (source == null ? "" : "&source=" + encode(source))
            + (official ? "&official=true" : "");
    var contentType =
        name.toLowerCase(Locale.ROOT).endsWith(".json") ? "application/fhir+json" : "text/csv";
    HttpResponse<String> answer;
    try {
      var request =
          HttpRequest.newBuilder(URI.create(base + "/api/v1/catalogue/code-lists" + query))
              .timeout(Duration.ofMinutes(2))
              .header("Content-Type", contentType)
              .header("Accept", "application/json")
              .header("Accept-Language", "en")
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofFile(file))
              .build();
      answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      err.println("forlop codelist: cannot reach Forløp at " + base + " (" + e.getMessage() + ")");
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
    var body = json(answer.body());
    if (answer.statusCode() != 201 || body == null) {
      err.println(
          "forlop codelist: Forløp refused the file ("
              + answer.statusCode()
              + "): "
              + refusal(body));
      return 1;
    }
    out.println(
        "forlop codelist: catalogue version "
            + body.path("catalogue").path("version").asString()
            + " made from "
            + body.path("basedOn").asString()
            + " and put in force"
            + (body.path("verified").asBoolean()
                ? " (prefixes verified)"
                : " (prefixes unverified)"));
    for (var f : body.path("filled")) {
      out.println("filled:    " + f.path("pathway").asString() + " " + f.path("prefix").asString());
    }
    for (var c : body.path("confirmed")) {
      out.println("confirmed: " + c.path("pathway").asString() + " " + c.path("prefix").asString());
    }
    for (var f : body.path("findings")) {
      out.println("reported:  " + f.path("kind").asString() + ": " + f.path("detail").asString());
    }
    return 0;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static @Nullable JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (JacksonException e) {
      return null;
    }
  }

  /** Every issue of an OperationOutcome: its text, and what exactly (diagnostics). */
  private static String refusal(@Nullable JsonNode body) {
    if (body == null || !body.path("issue").isArray()) {
      return "no OperationOutcome";
    }
    var text = new StringBuilder();
    for (var issue : body.path("issue")) {
      if (text.isEmpty()) {
        text.append(issue.path("details").path("text").asString(""));
      }
      var diagnostics = issue.path("diagnostics").asString("");
      if (!diagnostics.isBlank()) {
        text.append(System.lineSeparator()).append("  ").append(diagnostics);
      }
    }
    return text.toString();
  }
}

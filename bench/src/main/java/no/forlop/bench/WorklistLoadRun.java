package no.forlop.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import no.forlop.ForlopApplication;
import no.forlop.access.Actor;
import no.forlop.coordinator.worklist.Status;
import no.forlop.coordinator.worklist.Worklist;
import no.forlop.coordinator.worklist.WorklistQuery;
import no.forlop.ingest.IntakeService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The coordinator's worklist with many open pathways in one unit: loads {@code patients} open
 * colorectal pathways at every stage (through the real bulk intake, so the worklist's rows come
 * from the projection as in production), then measures reading the worklist (the query behind the
 * page, with and without filters and search), the whole page over HTTP as a signed-in coordinator,
 * and the CSV export of the whole list. Prints the median and 95th percentile of each. Usage:
 * {@code WorklistLoadRun [patients]}.
 */
public final class WorklistLoadRun {

  private static final int ROUNDS = 60;
  private static final LocalDate TODAY = LocalDate.of(2024, 6, 3);

  public static void main(String[] args) throws Exception {
    int patients = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    try (var context =
        new SpringApplicationBuilder(ForlopApplication.class)
            .run(
                "--spring.main.banner-mode=off",
                "--server.port=0",
                "--forlop.database.embedded.temporary=true",
                "--forlop.clock.fixed=" + TODAY + "T08:00:00Z",
                "--logging.level.root=WARN")) {
      var intake = context.getBean(IntakeService.class);
      var jdbc = context.getBean(JdbcClient.class);
      var worklist = context.getBean(Worklist.class);
      var port = ((WebServerApplicationContext) context).getWebServer().getPort();

      long loading = System.nanoTime();
      load(intake, patients);
      System.out.printf(
          "Loaded %,d patients in %.1f s: %,d open pathways in the worklist%n",
          patients,
          (System.nanoTime() - loading) / 1e9,
          jdbc.sql("select count(*) from worklist_entry where open").query(Long.class).single());

      var kari = new Actor("kari", "PATIENT_CARE", Set.of("910000012"));
      var searched = SyntheticEhr.fodselsnummer(patients / 2);
      measure(
          "worklist query: first page of 50, by due date",
          () -> worklist.read(query(null, null, null, 0), kari).total());
      measure(
          "worklist query: status red",
          () -> worklist.read(query(null, Status.RED, null, 0), kari).total());
      measure(
          "worklist query: pathway + status amber",
          () -> worklist.read(query("colorectal", Status.AMBER, null, 0), kari).total());
      measure(
          "worklist query: search by fødselsnummer",
          () -> worklist.read(query(null, null, searched, 0), kari).total());
      measure(
          "worklist query: search by part of a name",
          () -> worklist.read(query(null, null, "nordtest", 0), kari).total());
      measure(
          "worklist query: last page",
          () -> worklist.read(query(null, null, null, patients / 50 - 1), kari).rows().size());

      var http = signedIn(port, "kari");
      measure("GET /worklist (page, signed in)", () -> page(http, port, "/worklist"));
      measure(
          "GET /worklist?status=RED&sort=patient",
          () -> page(http, port, "/worklist?status=RED&sort=patient"));
      measure("GET /worklist?q=<fødselsnummer>", () -> page(http, port, "/worklist?q=" + searched));
      measureFew("GET /worklist.csv (every open pathway)", () -> page(http, port, "/worklist.csv"));
    }
  }

  /** Open pathways at every stage: referred 0-60 days ago, with 1-5 steps of their history. */
  private static void load(IntakeService intake, int patients) {
    var actor = new Actor("bench", "LOAD_RUN");
    intake.receive(
        SyntheticEhr.organisation().getBytes(StandardCharsets.UTF_8), "bench", actor, true);
    int perChunk = 150;
    for (int first = 0; first < patients; first += perChunk) {
      var chunk = new StringBuilder();
      int last = Math.min(patients, first + perChunk);
      for (int n = first; n < last; n++) {
        chunk.append(SyntheticEhr.patient(n, TODAY.minusDays(n % 61), 1 + n % 5));
      }
      var report =
          intake.receive(chunk.toString().getBytes(StandardCharsets.UTF_8), "bench", actor, false);
      intake.derive(new LinkedHashSet<>(report.patients()));
    }
  }

  private static WorklistQuery query(String pathway, Status status, String search, int page) {
    return new WorklistQuery(pathway, null, status, null, search, WorklistQuery.Sort.DUE, page, 50);
  }

  private static void measure(String what, Supplier<Object> action) {
    run(what, action, 10, ROUNDS);
  }

  private static void measureFew(String what, Supplier<Object> action) {
    run(what, action, 2, 10);
  }

  private static void run(String what, Supplier<Object> action, int warmUp, int rounds) {
    for (int i = 0; i < warmUp; i++) {
      action.get();
    }
    var millis = new double[rounds];
    Object result = null;
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      result = action.get();
      millis[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(millis);
    System.out.printf(
        "%-50s median %7.1f ms   p95 %7.1f ms   (%s)%n",
        what, millis[rounds / 2], millis[(int) Math.ceil(rounds * 0.95) - 1], result);
  }

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"\\s+(?:type=\"hidden\"\\s+)?value=\"([^\"]+)\"");

  private static HttpClient signedIn(int port, String user) throws Exception {
    var http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    var login =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
    var matcher = CSRF.matcher(login.body());
    if (!matcher.find()) {
      throw new IllegalStateException("No CSRF token on the sign-in page");
    }
    var form =
        "username="
            + user
            + "&password=demo&_csrf="
            + URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
    var signedIn =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    if (signedIn.statusCode() != 302
        || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("Sign-in failed: " + signedIn.statusCode());
    }
    return http;
  }

  private static Object page(HttpClient http, int port, String path) {
    try {
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
      return "%,d bytes".formatted(response.body().length);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private WorklistLoadRun() {}
}

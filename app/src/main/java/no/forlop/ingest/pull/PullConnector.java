package no.forlop.ingest.pull;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import no.forlop.audit.Actor;
import no.forlop.ingest.IntakeService;
import no.forlop.ingest.pull.PollReport.TypeResult;
import no.forlop.ingest.pull.PullCursors.Cursor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Polls the EHR's FHIR server for what changed: per resource type, a search {@code
 * _lastUpdated=gt<cursor>&_count=<page size>}, following the {@code next} links to the last page.
 * Each page goes to the intake service as it came (Forløp's strict reader decides what is
 * accepted); the patients whose facts changed are derived once, at the end of the poll; then each
 * type's cursor moves to the newest {@code meta.lastUpdated} the server returned — the server's
 * clock, never Forløp's. A type that fails keeps its cursor, so its resources are asked for again
 * next time; receiving a resource twice changes nothing.
 */
@Service
class PullConnector {

  static final Actor PULL = Actor.system("pull");

  private static final Logger log = LoggerFactory.getLogger(PullConnector.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
  private static final int MAX_PAGES = 100_000;

  private final IntakeService intake;
  private final PullCursors cursors;
  private final PullSettings settings;
  private final Clock clock;
  private final ReentrantLock polling = new ReentrantLock();
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

  PullConnector(IntakeService intake, PullCursors cursors, PullSettings settings, Clock clock) {
    this.intake = intake;
    this.cursors = cursors;
    this.settings = settings;
    this.clock = clock;
  }

  PullSettings settings() {
    return settings;
  }

  /** The cursors of the configured server, read from the table. */
  List<Cursor> cursors() {
    var source = settings.source();
    return source == null ? List.of() : cursors.all(source);
  }

  /**
   * Polls the server once, unless a poll is running already.
   *
   * @return what the poll did; empty if another poll was running
   * @throws IllegalStateException if no base URL is configured
   */
  Optional<PollReport> poll(Actor actor) {
    var source = settings.source();
    if (source == null) {
      throw new IllegalStateException("forlop.pull.base-url is not set");
    }
    if (!polling.tryLock()) {
      return Optional.empty();
    }
    try {
      return Optional.of(poll(source, actor));
    } finally {
      polling.unlock();
    }
  }

  private PollReport poll(String source, Actor actor) {
    var patients = new LinkedHashSet<String>();
    var results = new ArrayList<TypeResult>();
    var moves = new ArrayList<Cursor>();
    for (var type : settings.resourceTypes()) {
      var fetch = new TypeFetch(source, type, actor, patients);
      try {
        fetch.run();
        if (fetch.newest != null && !fetch.newest.equals(fetch.start)) {
          moves.add(fetch.newest);
        }
      } catch (PullFailed e) {
        log.warn("Pull from {}: {}", source, e.getMessage());
        fetch.failure = e.getMessage();
      } catch (RuntimeException e) {
        // what was stored of this type is still derived below; the type is asked for again
        log.error("Pull from {}: {} failed", source, type, e);
        fetch.failure =
            type + ": Forløp failed to take it in (" + e.getClass().getSimpleName() + ")";
      }
      results.add(fetch.result());
    }
    intake.derive(patients);
    for (var cursor : moves) {
      cursors.move(source, cursor);
    }
    var report = PollReport.of(source, results, patients.size());
    if (report.fetched() > 0 || !report.complete()) {
      log.info(
          "Pulled {} resources from {} ({} accepted, {} rejected, {} ignored), {} patients derived{}",
          report.fetched(),
          source,
          report.accepted(),
          report.rejected(),
          report.ignored(),
          report.patientsDerived(),
          report.complete() ? "" : "; some types failed and are asked for again next time");
    }
    return report;
  }

  /** Fetching one resource type to its last page. */
  private final class TypeFetch {

    private final String source;
    private final String type;
    private final Actor actor;
    private final Set<String> patients;
    private final @Nullable Cursor start;
    private @Nullable Cursor newest;
    private int pages;
    private int fetched;
    private int accepted;
    private int rejected;
    private int ignored;
    private @Nullable String failure;

    TypeFetch(String source, String type, Actor actor, Set<String> patients) {
      this.source = source;
      this.type = type;
      this.actor = actor;
      this.patients = patients;
      this.start = cursors.of(source, type).orElse(null);
      this.newest = start;
    }

    void run() {
      var query = "_count=" + settings.pageSize();
      if (start != null) {
        query +=
            "&_lastUpdated="
                + URLEncoder.encode("gt" + start.lastUpdated(), StandardCharsets.UTF_8);
      }
      URI next = URI.create(source + "/" + type + "?" + query);
      var seen = new HashSet<URI>();
      while (next != null) {
        if (!seen.add(next) || pages >= MAX_PAGES) {
          throw new PullFailed(type + ": the server's next links go round in a circle");
        }
        var body = get(next);
        var bundle = bundleOf(body);
        pages++;
        var inPage = 0;
        for (var entry : bundle.path("entry")) {
          var resource = entry.path("resource");
          if (!type.equals(resource.path("resourceType").asString(""))) {
            continue;
          }
          inPage++;
          newer(resource.path("meta").path("lastUpdated").asString(""));
        }
        if (bundle.path("entry").size() > 0) {
          var report = intake.receive(body, "pull:" + source, actor, false);
          accepted += report.accepted();
          rejected += report.rejected().size();
          ignored += report.ignored().size();
          patients.addAll(report.patients());
        }
        fetched += inPage;
        next = nextLink(bundle, next);
      }
    }

    /** Keeps the newest lastUpdated, as the server wrote it. */
    private void newer(String lastUpdated) {
      if (lastUpdated.isBlank()) {
        return;
      }
      Instant instant;
      try {
        instant = OffsetDateTime.parse(lastUpdated).toInstant();
      } catch (DateTimeException e) {
        return; // the strict reader rejects the resource and says why
      }
      if (newest == null || instant.isAfter(newest.instant())) {
        newest = new Cursor(type, lastUpdated, instant, clock.instant());
      }
    }

    private byte[] get(URI uri) {
      var request =
          HttpRequest.newBuilder(uri)
              .timeout(REQUEST_TIMEOUT)
              .header("Accept", "application/fhir+json")
              .GET()
              .build();
      HttpResponse<byte[]> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        throw new PullFailed(
            type + ": cannot reach " + source + " (" + e.getClass().getSimpleName() + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PullFailed(type + ": interrupted");
      }
      if (response.statusCode() != 200) {
        throw new PullFailed(
            type + ": the server answered " + response.statusCode() + outcomeText(response.body()));
      }
      return response.body();
    }

    private JsonNode bundleOf(byte[] body) {
      try {
        var node = JSON.readTree(body);
        if ("Bundle".equals(node.path("resourceType").asString(""))) {
          return node;
        }
      } catch (JacksonException e) {
        // below
      }
      throw new PullFailed(type + ": the server's answer is not a FHIR Bundle in JSON");
    }

    private @Nullable URI nextLink(JsonNode bundle, URI current) {
      for (var link : bundle.path("link")) {
        if ("next".equals(link.path("relation").asString(""))) {
          var url = link.path("url").asString("");
          if (url.isBlank()) {
            return null;
          }
          try {
            return current.resolve(url);
          } catch (IllegalArgumentException e) {
            throw new PullFailed(type + ": the server's next link is not an address");
          }
        }
      }
      return null;
    }

    TypeResult result() {
      return new TypeResult(
          type,
          pages,
          fetched,
          accepted,
          rejected,
          ignored,
          failure == null
              ? (newest == null ? null : newest.lastUpdated())
              : (start == null ? null : start.lastUpdated()),
          failure);
    }
  }

  /** The first issue's text of an OperationOutcome, if the body is one. */
  private static String outcomeText(byte[] body) {
    try {
      var issue = JSON.readTree(body).path("issue").path(0);
      var text =
          issue.path("diagnostics").asString(issue.path("details").path("text").asString(""));
      if (!text.isBlank()) {
        return ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
      }
    } catch (JacksonException e) {
      // not an OperationOutcome
    }
    return "";
  }

  /** Fetching one resource type could not go on. */
  static final class PullFailed extends RuntimeException {
    PullFailed(String message) {
      super(message);
    }
  }
}

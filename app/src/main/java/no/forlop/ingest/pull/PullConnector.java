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
import no.forlop.access.Actor;
import no.forlop.ingest.Backoff;
import no.forlop.ingest.IntakeService;
import no.forlop.ingest.pull.PollReport.TypeResult;
import no.forlop.ingest.pull.PullCursors.Cursor;
import no.forlop.web.DatabaseOutage;
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
 * next time; receiving a resource twice changes nothing. When Forløp's own database cannot be
 * reached the poll stops there, and the patients it stored are derived at the next poll. After a
 * failed poll the schedule waits longer (see {@link #pause()}).
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
  private final Backoff backoff;

  /** Patients whose facts a poll stored but could not derive; derived at the next poll. */
  private final Set<String> notDerived = new LinkedHashSet<>();

  private volatile @Nullable Instant lastSuccessAt;
  private volatile @Nullable Instant lastFailureAt;
  private volatile @Nullable String lastFailure;
  private volatile @Nullable Instant nextPollAt;
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
    this.backoff = new Backoff(settings.interval(), settings.maxBackoff());
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
   * How the polls have gone lately, and the pause before the next scheduled one.
   *
   * @param failuresInARow the polls in a row that did not fetch every type (the server failed, or
   *     Forløp's database could not be reached), since the last one that did
   * @param pause the pause after the current poll before the next scheduled one: {@code interval},
   *     doubled for each failure in a row, at most {@code max-backoff}
   * @param lastSuccessAt when a poll last fetched every type
   * @param lastFailureAt when a poll last failed
   * @param lastFailure why it failed
   * @param nextPollAt when the schedule polls next (when it is on)
   */
  record Health(
      int failuresInARow,
      Duration pause,
      @Nullable Instant lastSuccessAt,
      @Nullable Instant lastFailureAt,
      @Nullable String lastFailure,
      @Nullable Instant nextPollAt) {}

  Health health() {
    return new Health(
        backoff.failures(), backoff.pause(), lastSuccessAt, lastFailureAt, lastFailure, nextPollAt);
  }

  /**
   * The pause after the poll that ended last, before the next scheduled one: longer after failed
   * polls (exponential, capped at {@code forlop.pull.max-backoff}), back to the interval after one
   * that fetched every type.
   */
  Duration pause() {
    return backoff.pause();
  }

  /** The schedule says when it polls next (for {@link #health()}). */
  void nextPollAt(@Nullable Instant at) {
    this.nextPollAt = at;
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
      var report = poll(source, actor);
      if (report.complete()) {
        succeeded();
      } else {
        failed(
            report.types().stream()
                .map(TypeResult::failure)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse("a resource type failed"));
      }
      return Optional.of(report);
    } catch (RuntimeException e) {
      failed(
          DatabaseOutage.isCause(e)
              ? "Forløp's database cannot be reached"
              : "Forløp failed to take the poll in (" + e.getClass().getSimpleName() + ")");
      throw e;
    } finally {
      polling.unlock();
    }
  }

  private void succeeded() {
    backoff.succeeded();
    lastSuccessAt = clock.instant();
  }

  private void failed(String why) {
    var pause = backoff.failed();
    lastFailureAt = clock.instant();
    lastFailure = why;
    log.warn(
        "Poll of {} failed ({} in a row): {}; the next scheduled poll waits {}",
        settings.source(),
        backoff.failures(),
        why,
        pause);
  }

  private PollReport poll(String source, Actor actor) {
    // the patients of an earlier poll whose derivation failed: their facts are stored, so receiving
    // them again would not name them
    var patients = new LinkedHashSet<String>(notDerived);
    var startedAt = clock.instant();
    var results = new ArrayList<TypeResult>();
    var moves = new ArrayList<Cursor>();
    for (var type : settings.resourceTypes()) {
      @Nullable TypeFetch fetch = null;
      try {
        fetch = new TypeFetch(source, type, actor, patients);
        fetch.run();
        if (fetch.newest != null && !fetch.newest.equals(fetch.start)) {
          moves.add(fetch.newest);
        }
      } catch (PullFailed e) {
        log.warn("Pull from {}: {}", source, e.getMessage());
        fetch.failure = e.getMessage();
      } catch (RuntimeException e) {
        if (DatabaseOutage.isCause(e)) {
          // no use asking for more: the poll stops, no cursor moves, and what was stored of it is
          // derived at the next poll
          log.warn(
              "Pull from {}: {} not taken in, Forløp's database cannot be reached ({})",
              source,
              type,
              DatabaseOutage.describe(e));
          results.add(failed(fetch, type, type + ": Forløp's database cannot be reached"));
          notDerived.addAll(patients);
          return PollReport.of(source, results, 0);
        }
        // what was stored of this type is still derived below; the type is asked for again
        log.error("Pull from {}: {} failed", source, type, e);
        results.add(
            failed(
                fetch,
                type,
                type + ": Forløp failed to take it in (" + e.getClass().getSimpleName() + ")"));
        continue;
      }
      results.add(fetch.result());
    }
    try {
      var accepted = new java.util.TreeMap<String, Long>();
      results.forEach(r -> accepted.merge(r.resourceType(), (long) r.accepted(), Long::sum));
      intake.derive(patients, "pull:" + source, accepted, startedAt);
    } catch (RuntimeException e) {
      notDerived.addAll(patients);
      throw e;
    }
    notDerived.clear();
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

  /** The result of a type that failed (before its fetch began, if {@code fetch} is null). */
  private static TypeResult failed(@Nullable TypeFetch fetch, String type, String why) {
    if (fetch == null) {
      return new TypeResult(type, 0, 0, 0, 0, 0, null, why);
    }
    fetch.failure = why;
    return fetch.result();
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

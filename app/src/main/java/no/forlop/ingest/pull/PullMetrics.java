package no.forlop.ingest.pull;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import no.forlop.web.CachedReading;
import org.springframework.stereotype.Component;

/**
 * The pull connector's lag for Prometheus (ADR 0045), per source (the FHIR server's base URL, the
 * one configured): how long since a poll last fetched every type (since the start, while none has),
 * and how old the newest resource received is by its {@code meta.lastUpdated}. Nothing is
 * registered when no source is configured.
 */
@Component
class PullMetrics {

  static final String SINCE_SUCCESS = "forlop.pull.since.success";
  static final String NEWEST_RESOURCE_AGE = "forlop.pull.newest.resource.age";

  PullMetrics(PullConnector connector, PullCursors cursors, MeterRegistry registry, Clock clock) {
    var source = connector.settings().source();
    if (source == null) {
      return;
    }
    var started = clock.instant();
    Gauge.builder(
            SINCE_SUCCESS,
            () -> {
              var last = connector.health().lastSuccessAt();
              return seconds(last == null ? started : last, clock);
            })
        .description("Seconds since a poll last fetched every resource type (since start if none)")
        .baseUnit("seconds")
        .tag("source", source)
        .register(registry);
    var newest =
        new CachedReading<Optional<Instant>>(
            () ->
                cursors.all(source).stream()
                    .map(PullCursors.Cursor::instant)
                    .max(Instant::compareTo),
            Duration.ofSeconds(30),
            Optional.empty());
    Gauge.builder(
            NEWEST_RESOURCE_AGE,
            () -> newest.get().map(at -> seconds(at, clock)).orElse(Double.NaN))
        .description("Seconds from the newest resource received's meta.lastUpdated to now")
        .baseUnit("seconds")
        .tag("source", source)
        .register(registry);
  }

  private static double seconds(Instant from, Clock clock) {
    return Math.max(0, Duration.between(from, clock.instant()).toMillis() / 1000.0);
  }
}

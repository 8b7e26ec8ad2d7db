package no.forlop.ingest.bulk;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import no.forlop.web.CachedReading;
import org.springframework.stereotype.Component;

/**
 * The bulk imports' progress for Prometheus (ADR 0045): per job status, the jobs, their lines read
 * and in their files, their chunks derived and in all; and the age of the oldest running job (an
 * upload not yet derived to its end). One query over the job table, at most every {@link #PERIOD}.
 */
@Component
class BulkMetrics {

  static final Duration PERIOD = Duration.ofSeconds(15);

  BulkMetrics(BulkJobs jobs, MeterRegistry registry, Clock clock) {
    var progress = new CachedReading<List<BulkJobs.Progress>>(jobs::progress, PERIOD, List.of());
    for (var status : BulkJob.Status.values()) {
      var state = status.name().toLowerCase(Locale.ROOT);
      gauge(
          registry, "forlop.bulk.jobs", "Bulk import jobs", state, progress, status, p -> p.jobs());
      gauge(
          registry,
          "forlop.bulk.lines.read",
          "Lines of the jobs' files stored so far",
          state,
          progress,
          status,
          p -> p.linesRead());
      gauge(
          registry,
          "forlop.bulk.file.lines",
          "Lines in the jobs' files",
          state,
          progress,
          status,
          p -> p.linesTotal());
      gauge(
          registry,
          "forlop.bulk.chunks.derived",
          "Chunks of the jobs' files stored and derived",
          state,
          progress,
          status,
          p -> p.chunksDone());
      gauge(
          registry,
          "forlop.bulk.file.chunks",
          "Chunks in the jobs' files",
          state,
          progress,
          status,
          p -> p.chunksTotal());
    }
    Gauge.builder(
            "forlop.bulk.oldest.running.age",
            () ->
                of(progress.get(), BulkJob.Status.RUNNING)
                    .map(
                        p ->
                            Math.max(
                                0,
                                Duration.between(p.oldestStart(), clock.instant()).toMillis()
                                    / 1000.0))
                    .orElse(0.0))
        .description("Seconds since the oldest running bulk import was uploaded (0: none runs)")
        .baseUnit("seconds")
        .register(registry);
  }

  private static void gauge(
      MeterRegistry registry,
      String name,
      String description,
      String state,
      CachedReading<List<BulkJobs.Progress>> progress,
      BulkJob.Status status,
      ToDoubleFunction<BulkJobs.Progress> value) {
    Gauge.builder(name, () -> of(progress.get(), status).map(value::applyAsDouble).orElse(0.0))
        .description(description)
        .tag("state", state)
        .register(registry);
  }

  private static Optional<BulkJobs.Progress> of(
      List<BulkJobs.Progress> progress, BulkJob.Status status) {
    return progress.stream().filter(p -> p.status() == status).findFirst();
  }
}

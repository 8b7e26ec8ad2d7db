package no.forlop.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.ResourceType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts what the intake does, for Prometheus (ADR 0045, docs/operations.md §2): resources
 * received, rejected, ignored and derived, deliveries by what became of them, and the lag from a
 * delivery's receipt to its codes. Tags are few and fixed: the channel ({@code push}, {@code bulk},
 * {@code pull}, {@code file}), the FHIR resource type and an outcome; never a patient, a pathway or
 * a delivery.
 */
@Component
public class IntakeMetrics {

  public static final String RECEIVED = "forlop.intake.resources.received";
  public static final String REJECTED = "forlop.intake.resources.rejected";
  public static final String IGNORED = "forlop.intake.resources.ignored";
  public static final String DERIVED = "forlop.intake.resources.derived";
  public static final String DELIVERIES = "forlop.intake.deliveries";
  public static final String LAG = "forlop.intake.lag";

  private static final String UNKNOWN = "unknown";

  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          RECEIVED, "Resources received, whatever became of them",
          REJECTED, "Resources rejected (the reason is kept)",
          IGNORED, "Resources received but not used");

  /** The buckets of the lag's histogram: from a push (seconds) to a large bulk import (hours). */
  private static final Duration[] LAG_BUCKETS = {
    Duration.ofSeconds(1),
    Duration.ofSeconds(5),
    Duration.ofSeconds(15),
    Duration.ofMinutes(1),
    Duration.ofMinutes(5),
    Duration.ofMinutes(15),
    Duration.ofHours(1),
    Duration.ofHours(6),
    Duration.ofDays(1)
  };

  /** What became of a delivery as a whole. */
  public enum DeliveryOutcome {
    /** Stored (some resources may be rejected or ignored). */
    STORED,
    /** Refused as a whole (a FHIR transaction with a rejected resource). */
    REFUSED,
    /** Not JSON or NDJSON at all. */
    UNREADABLE;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final MeterRegistry registry;
  private final Clock clock;

  IntakeMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  /**
   * The channel's kind, for a tag: {@code push} (the FHIR endpoint), {@code bulk}, {@code pull}, or
   * {@code file} (a replay, the demo data). The channel itself names a job or a file.
   */
  public static String channelOf(String channel) {
    if (channel.startsWith("fhir")) {
      return "push";
    }
    if (channel.startsWith("bulk:")) {
      return "bulk";
    }
    if (channel.startsWith("pull:")) {
      return "pull";
    }
    return "file";
  }

  /**
   * The FHIR resource type of a resource as the intake names it ({@code Patient/p1}, {@code
   * Encounter in line 3}), or {@code unknown} when it is no R4 resource type (a line that is not
   * JSON, a made-up type): a tag's values must stay few whatever a sender sends.
   */
  public static String resourceTypeOf(String source) {
    var end = 0;
    while (end < source.length() && Character.isLetter(source.charAt(end))) {
      end++;
    }
    var type = source.substring(0, end);
    try {
      return !type.isEmpty() && ResourceType.fromCode(type) != null ? type : UNKNOWN;
    } catch (RuntimeException notAType) {
      return UNKNOWN;
    }
  }

  /** The accepted resources of a delivery, per resource type (what its derivation codes). */
  public static Map<String, Long> accepted(IntakeReport report) {
    var byType = new TreeMap<String, Long>();
    for (var item : report.items()) {
      if (item.outcome() == IntakeReport.Outcome.ACCEPTED) {
        byType.merge(resourceTypeOf(item.source()), 1L, Long::sum);
      }
    }
    return byType;
  }

  /**
   * Counts a delivery and what became of each of its resources; inside a transaction, once it is
   * committed (a bulk chunk rolled back and stored again counts once).
   */
  void received(String channel, IntakeReport report, DeliveryOutcome outcome) {
    afterCommit(() -> count(channelOf(channel), report, outcome));
  }

  /** Counts a delivery that was not JSON or NDJSON at all. */
  void unreadable(String channel) {
    afterCommit(() -> delivery(channelOf(channel), DeliveryOutcome.UNREADABLE).increment());
  }

  /**
   * Counts the resources whose codes were just derived, and the lag from their receipt to now;
   * nothing when no accepted resource was derived.
   *
   * @param acceptedByType the accepted resources derived, per type ({@link #accepted})
   * @param receivedAt when they were received (for a bulk import: when the file was uploaded)
   */
  public void derived(String channel, Map<String, Long> acceptedByType, Instant receivedAt) {
    if (acceptedByType.values().stream().mapToLong(Long::longValue).sum() == 0) {
      return; // nothing coded: no lag to measure (a poll that found nothing new)
    }
    var kind = channelOf(channel);
    acceptedByType.forEach(
        (type, n) ->
            Counter.builder(DERIVED)
                .description("Accepted resources whose patients' codes were derived")
                .tags("channel", kind, "resource_type", type)
                .register(registry)
                .increment(n));
    var lag = Duration.between(receivedAt, clock.instant());
    Timer.builder(LAG)
        .description("From a delivery's receipt to its patients' codes derived")
        .tags("channel", kind)
        .serviceLevelObjectives(LAG_BUCKETS)
        .register(registry)
        .record(lag.isNegative() ? Duration.ZERO : lag);
  }

  private void count(String kind, IntakeReport report, DeliveryOutcome outcome) {
    delivery(kind, outcome).increment();
    // per counter (name and resource type) how many: each counter is looked up once
    var counts = new LinkedHashMap<List<String>, Long>();
    for (var item : report.items()) {
      var type = resourceTypeOf(item.source());
      counts.merge(List.of(RECEIVED, type), 1L, Long::sum);
      var name =
          switch (item.outcome()) {
            case REJECTED -> REJECTED;
            case IGNORED -> IGNORED;
            case ACCEPTED -> null;
          };
      if (name != null) {
        counts.merge(List.of(name, type), 1L, Long::sum);
      }
    }
    counts.forEach((counter, n) -> resources(counter.get(0), kind, counter.get(1)).increment(n));
  }

  private Counter resources(String name, String channel, String type) {
    return Counter.builder(name)
        .description(DESCRIPTIONS.get(name))
        .tags("channel", channel, "resource_type", type)
        .register(registry);
  }

  private Counter delivery(String channel, DeliveryOutcome outcome) {
    return Counter.builder(DELIVERIES)
        .description("Deliveries received, by what became of them as a whole")
        .tags("channel", channel, "outcome", outcome.tag())
        .register(registry);
  }

  private static void afterCommit(Runnable count) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              count.run();
            }
          });
    } else {
      count.run();
    }
  }
}

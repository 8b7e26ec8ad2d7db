package no.forlop.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.forlop.ingest.fhir.IntakeReason;
import org.junit.jupiter.api.Test;

class IntakeMetricsTest {

  private static final Instant NOW = Instant.parse("2024-12-31T10:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final IntakeMetrics metrics =
      new IntakeMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void a_channel_is_tagged_by_its_kind_never_by_the_job_or_file_it_names() {
    assertThat(IntakeMetrics.channelOf("fhir:batch")).isEqualTo("push");
    assertThat(IntakeMetrics.channelOf("fhir:create")).isEqualTo("push");
    assertThat(IntakeMetrics.channelOf("bulk:" + UUID.randomUUID())).isEqualTo("bulk");
    assertThat(IntakeMetrics.channelOf("pull:https://ehr.example/fhir")).isEqualTo("pull");
    assertThat(IntakeMetrics.channelOf("replay:history.ndjson")).isEqualTo("file");
    assertThat(IntakeMetrics.channelOf("demo")).isEqualTo("file");
  }

  @Test
  void a_resource_is_tagged_by_its_fhir_type_and_anything_else_as_unknown() {
    assertThat(IntakeMetrics.resourceTypeOf("Patient/p1")).isEqualTo("Patient");
    assertThat(IntakeMetrics.resourceTypeOf("Encounter in line 3")).isEqualTo("Encounter");
    assertThat(IntakeMetrics.resourceTypeOf("line 3")).isEqualTo("unknown");
    assertThat(IntakeMetrics.resourceTypeOf("Patienten/p1")).isEqualTo("unknown");
    assertThat(IntakeMetrics.resourceTypeOf("12345678901")).isEqualTo("unknown");
    assertThat(IntakeMetrics.resourceTypeOf("")).isEqualTo("unknown");
  }

  @Test
  void a_delivery_counts_each_resource_as_received_and_by_its_outcome() {
    metrics.received("fhir:batch", report(), IntakeMetrics.DeliveryOutcome.STORED);

    assertThat(count("forlop.intake.resources.received", "Patient")).isEqualTo(2);
    assertThat(count("forlop.intake.resources.received", "Encounter")).isEqualTo(1);
    assertThat(count("forlop.intake.resources.rejected", "Encounter")).isEqualTo(1);
    assertThat(count("forlop.intake.resources.rejected", "Patient")).isZero();
    assertThat(count("forlop.intake.resources.ignored", "Patient")).isEqualTo(1);
    assertThat(
            registry
                .get("forlop.intake.deliveries")
                .tags("channel", "push", "outcome", "stored")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(IntakeMetrics.accepted(report())).isEqualTo(Map.of("Patient", 1L));
  }

  @Test
  void many_resources_of_one_type_and_outcome_add_up_across_deliveries() {
    var reason = IntakeReason.of("NOT_READ", "x");
    var items = new java.util.ArrayList<IntakeReport.Item>();
    for (var i = 0; i < 5; i++) {
      items.add(
          new IntakeReport.Item(
              "Encounter/e" + i, "line " + i, IntakeReport.Outcome.REJECTED, reason));
    }
    items.add(new IntakeReport.Item("line 9", "line 9", IntakeReport.Outcome.REJECTED, reason));
    var report = new IntakeReport(UUID.randomUUID(), 1, List.of(), List.of(), Set.of(), items);

    metrics.received("fhir:batch", report, IntakeMetrics.DeliveryOutcome.STORED);
    metrics.received("fhir:batch", report, IntakeMetrics.DeliveryOutcome.STORED);

    assertThat(count("forlop.intake.resources.received", "Encounter")).isEqualTo(10);
    assertThat(count("forlop.intake.resources.rejected", "Encounter")).isEqualTo(10);
    assertThat(count("forlop.intake.resources.rejected", "unknown")).isEqualTo(2);
    assertThat(count("forlop.intake.resources.ignored", "Encounter")).isZero();
    assertThat(registry.find("forlop.intake.resources.ignored").counters()).isEmpty();
  }

  @Test
  void the_lag_runs_from_receipt_to_now_and_is_never_negative() {
    metrics.derived("bulk:x", Map.of("Patient", 3L), NOW.minusSeconds(90));
    metrics.derived("bulk:x", Map.of("Patient", 1L), NOW.plusSeconds(5)); // a clock went back
    metrics.derived("bulk:x", Map.of(), NOW.minusSeconds(500)); // nothing derived: no lag

    var lag = registry.get("forlop.intake.lag").tags("channel", "bulk").timer();
    assertThat(lag.count()).isEqualTo(2);
    assertThat(lag.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(90);
    assertThat(
            registry
                .get("forlop.intake.resources.derived")
                .tags("channel", "bulk", "resource_type", "Patient")
                .counter()
                .count())
        .isEqualTo(4);
  }

  private double count(String name, String type) {
    var counter = registry.find(name).tags("channel", "push", "resource_type", type).counter();
    return counter == null ? 0 : counter.count();
  }

  private static IntakeReport report() {
    var reason = IntakeReason.of("NOT_READ", "x");
    return new IntakeReport(
        UUID.randomUUID(),
        1,
        List.of(),
        List.of(),
        Set.of(),
        List.of(
            new IntakeReport.Item("Patient/p1", "entry 1", IntakeReport.Outcome.ACCEPTED, null),
            new IntakeReport.Item("Encounter/e1", "entry 2", IntakeReport.Outcome.REJECTED, reason),
            new IntakeReport.Item("Patient/p2", "entry 3", IntakeReport.Outcome.IGNORED, reason)));
  }
}

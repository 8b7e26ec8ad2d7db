package no.forlop.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import no.forlop.ForlopApplication;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The push path's latency: one small FHIR transaction (a new patient's seven resources, as {@code
 * POST /fhir} hands them to the intake) received, stored and derived at once, one after the other.
 * Prints the median, the 95th and the 99th percentile. Usage: {@code PushLatencyRun [transactions]}
 * (default 400, after 50 to warm up).
 */
public final class PushLatencyRun {

  private static final int WARM_UP = 50;

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 400;
    try (var context =
        new SpringApplicationBuilder(ForlopApplication.class)
            .web(WebApplicationType.NONE)
            .run(
                "--spring.main.banner-mode=off",
                "--forlop.database.embedded.temporary=true",
                "--logging.level.root=WARN")) {
      var intake = context.getBean(IntakeService.class);
      var actor = new Actor("bench", "LOAD_RUN");
      intake.receive(
          SyntheticEhr.organisation().getBytes(StandardCharsets.UTF_8), "bench", actor, true);
      var millis = new ArrayList<Double>();
      for (int n = 0; n < WARM_UP + count; n++) {
        var bundle = transaction(n).getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        var report =
            intake.receive(
                bundle, "fhir", actor, Map.of(), Map.of(), IntakeService.Storing.ALL_OR_NOTHING);
        long took = System.nanoTime() - started;
        if (report.accepted() != SyntheticEhr.RESOURCES_PER_PATIENT) {
          throw new IllegalStateException("not all accepted: " + report.rejected());
        }
        if (n >= WARM_UP) {
          millis.add(took / 1e6);
        }
      }
      Collections.sort(millis);
      System.out.printf(
          "Push path, one transaction of %d resources, %d times: p50 %.1f ms, p95 %.1f ms, p99 %.1f"
              + " ms (load average %.1f)%n",
          SyntheticEhr.RESOURCES_PER_PATIENT,
          count,
          percentile(millis, 50),
          percentile(millis, 95),
          percentile(millis, 99),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static double percentile(java.util.List<Double> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
  }

  /** Patient number n's resources as a FHIR transaction of updates. */
  private static String transaction(int n) {
    var entries = new ArrayList<String>();
    for (var line : SyntheticEhr.patient(n).split("\n")) {
      var type = line.replaceAll("^\\{\"resourceType\":\"([A-Za-z]+)\".*", "$1");
      var id = line.replaceAll("^\\{\"resourceType\":\"[A-Za-z]+\",\"id\":\"([^\"]+)\".*", "$1");
      entries.add(
          "{\"fullUrl\":\"urn:uuid:%s\",\"resource\":%s,\"request\":{\"method\":\"PUT\",\"url\":\"%s/%s\"}}"
              .formatted(java.util.UUID.nameUUIDFromBytes(line.getBytes()), line, type, id));
    }
    return "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
        + String.join(",", entries)
        + "]}";
  }
}

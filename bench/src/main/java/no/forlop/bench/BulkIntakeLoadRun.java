package no.forlop.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import no.forlop.ForlopApplication;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The end-to-end bulk intake measured on this machine: NDJSON in chunks of 1,000 resources through
 * the real pipeline (store the delivery, translate, store the facts, derive, register the codes
 * through the pathway engine) into the embedded PostgreSQL. Prints resources per second, and where
 * the time goes (storing vs deriving). Usage: {@code BulkIntakeLoadRun [patients] [pipelined]};
 * {@code pipelined} derives one chunk while the next is stored, as the bulk import job does.
 */
public final class BulkIntakeLoadRun {

  public static void main(String[] args) {
    int patients = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    try (var context =
        new SpringApplicationBuilder(ForlopApplication.class)
            .web(WebApplicationType.NONE)
            .run(
                "--spring.main.banner-mode=off",
                "--forlop.database.embedded.temporary=true",
                "--logging.level.root=WARN")) {
      var intake = context.getBean(IntakeService.class);
      var jdbc = context.getBean(JdbcClient.class);
      var actor = new Actor("bench", "LOAD_RUN");
      intake.receive(
          SyntheticEhr.organisation().getBytes(StandardCharsets.UTF_8), "bench", actor, true);
      boolean pipelined = args.length > 1 && args[1].equals("pipelined");
      var deriver = java.util.concurrent.Executors.newSingleThreadExecutor();
      java.util.concurrent.Future<?> deriving =
          java.util.concurrent.CompletableFuture.completedFuture(null);
      int perChunk = 1000 / SyntheticEhr.RESOURCES_PER_PATIENT;
      long storeNanos = 0;
      long deriveNanos = 0;
      int resources = 0;
      long started = System.nanoTime();
      for (int first = 0; first < patients; first += perChunk) {
        var chunk = new StringBuilder();
        int last = Math.min(patients, first + perChunk);
        for (int n = first; n < last; n++) {
          chunk.append(SyntheticEhr.patient(n));
        }
        resources += (last - first) * SyntheticEhr.RESOURCES_PER_PATIENT;
        long t0 = System.nanoTime();
        var report =
            intake.receive(
                chunk.toString().getBytes(StandardCharsets.UTF_8), "bench", actor, false);
        long t1 = System.nanoTime();
        if (pipelined) {
          try {
            deriving.get();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          var patientsOfChunk = new LinkedHashSet<>(report.patients());
          deriving = deriver.submit(() -> intake.derive(patientsOfChunk));
        } else {
          intake.derive(new LinkedHashSet<>(report.patients()));
        }
        long t2 = System.nanoTime();
        storeNanos += t1 - t0;
        deriveNanos += t2 - t1;
        if ((first / perChunk) % 20 == 0) {
          System.out.printf(
              "%,d resources, %,.0f resources/s so far%n",
              resources, resources / seconds(System.nanoTime() - started));
        }
      }
      try {
        deriving.get();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      deriver.shutdown();
      long total = System.nanoTime() - started;
      var codes = jdbc.sql("select count(*) from pathway_fact").query(Long.class).single();
      var pathways = jdbc.sql("select count(*) from pathway").query(Long.class).single();
      System.out.printf(
          "%nBulk intake%s: %,d resources (%,d patients) in %s: %,.0f resources/s%n",
          pipelined ? " (storing and deriving in parallel)" : "",
          resources,
          patients,
          Duration.ofNanos(total),
          resources / seconds(total));
      System.out.printf(
          "  storing (read, translate, store facts): %,.1f s (%,.0f resources/s)%n",
          seconds(storeNanos), resources / seconds(storeNanos));
      System.out.printf(
          "  deriving (derive, register codes through the engine): %,.1f s (%,.0f patients/s)%n",
          seconds(deriveNanos), patients / seconds(deriveNanos));
      System.out.printf("  %,d pathways, %,d code facts%n", pathways, codes);
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}

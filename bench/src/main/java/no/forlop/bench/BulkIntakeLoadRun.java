package no.forlop.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import no.forlop.ForlopApplication;
import no.forlop.access.Actor;
import no.forlop.ingest.IntakeService;
import no.forlop.ingest.fhir.FhirDeliveryReader;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The end-to-end bulk intake measured on this machine: NDJSON in chunks of 1,000 resources through
 * the real pipeline (store the delivery, translate, store the facts, derive, register the codes
 * through the pathway engine, audit, read models) into the embedded PostgreSQL, and in the same run
 * the single-thread rate of parsing and translating the same NDJSON alone (as {@code
 * DerivationBenchmark.translate_a_delivery_of_7001_resources} measures it), and the ratio of the
 * two. The last line is the headline, ending in {@code resources/s}.
 *
 * <p>Usage: {@code BulkIntakeLoadRun [patients] [sequential|pipelined] [derive threads]}; {@code
 * pipelined} derives one chunk while the next is stored, as the bulk import job does; the derive
 * threads (default 2, as the job's {@code forlop.bulk.derive-threads}) each derive a disjoint part
 * of a chunk's patients.
 */
public final class BulkIntakeLoadRun {

  public static void main(String[] args) throws Exception {
    int patients = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    boolean pipelined = args.length > 1 && args[1].equals("pipelined");
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    var chunks = chunks(patients);
    int resources = patients * SyntheticEhr.RESOURCES_PER_PATIENT;
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
      int port =
          context.getBean(io.zonky.test.db.postgres.embedded.EmbeddedPostgres.class).getPort();
      // a daemon, so that a failure in the run ends it instead of leaving it waiting
      var deriver =
          Executors.newSingleThreadExecutor(
              task -> {
                var thread = new Thread(task, "deriver");
                thread.setDaemon(true);
                return thread;
              });
      var deriveNanos = new java.util.concurrent.atomic.AtomicLong();
      Future<?> deriving = CompletableFuture.completedFuture(null);
      long storeNanos = 0;
      int done = 0;
      long line = 1;
      var workBefore = DatabaseWork.settled(jdbc);
      var cpuBefore = CpuTime.now(port);
      CpuTime cpuHalf = null;
      int doneHalf = 0;
      long half = 0;
      long started = System.nanoTime();
      for (int i = 0; i < chunks.size(); i++) {
        var chunk = chunks.get(i);
        long t0 = System.nanoTime();
        var report = intake.receiveLines(chunk, line, "bench", actor, false);
        line += SyntheticEhr.RESOURCES_PER_PATIENT * (long) report.patients().size();
        long t1 = System.nanoTime();
        var patientsOfChunk = new LinkedHashSet<>(report.patients());
        Runnable derive =
            () -> {
              long from = System.nanoTime();
              intake.derive(patientsOfChunk, threads);
              deriveNanos.addAndGet(System.nanoTime() - from);
            };
        if (pipelined) {
          deriving.get();
          deriving = deriver.submit(derive);
        } else {
          derive.run();
        }
        storeNanos += t1 - t0;
        done += report.accepted();
        if (i == chunks.size() / 2) {
          // the second half, with the JIT warmed up: the steady state a long import runs in
          cpuHalf = CpuTime.now(port);
          doneHalf = done;
          half = System.nanoTime();
        }
        if (i % 20 == 0) {
          System.out.printf(
              "%,d resources, %,.0f resources/s so far%n",
              done, done / seconds(System.nanoTime() - started));
        }
      }
      deriving.get();
      deriver.shutdown();
      long ended = System.nanoTime();
      long total = ended - started;
      var cpuAtEnd = CpuTime.now(port);
      var cpu = cpuAtEnd.minus(cpuBefore);
      var work = DatabaseWork.settled(jdbc).minus(workBefore);
      var codes = jdbc.sql("select count(*) from pathway_fact").query(Long.class).single();
      var pathways = jdbc.sql("select count(*) from pathway").query(Long.class).single();
      double endToEnd = resources / seconds(total);
      System.out.printf(
          "%nBulk intake%s, deriving on %d thread(s): %,d resources (%,d patients) in %s: %,.0f"
              + " resources/s%n",
          pipelined ? " (storing and deriving in parallel)" : "",
          threads,
          resources,
          patients,
          Duration.ofNanos(total),
          endToEnd);
      System.out.printf(
          "  storing (read, translate, store facts): %,.1f s (%,.0f resources/s)%n",
          seconds(storeNanos), resources / seconds(storeNanos));
      System.out.printf(
          "  deriving (derive, register codes through the engine): %,.1f s (%,.0f patients/s)%n",
          seconds(deriveNanos.get()), patients / seconds(deriveNanos.get()));
      System.out.printf(
          "  CPU: Java %,.1f s (JIT compiler threads %,.1f s), PostgreSQL %,.1f s: %,.0f ms per"
              + " 1,000 resources (load average %.1f)%n",
          cpu.java(),
          cpu.jit(),
          cpu.postgres(),
          1000 * (cpu.java() + cpu.postgres()) / (resources / 1000.0),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.printf(
          "  PostgreSQL's work per 1,000 resources (its own counts, independent of the load): %s"
              + "%n",
          work.per(resources / 1000.0));
      if (cpuHalf != null) {
        var warm = cpuAtEnd.minus(cpuHalf);
        double thousands = (resources - doneHalf) / 1000.0;
        System.out.printf(
            "  second half (JIT warmed up): %,.0f resources/s%n",
            (resources - doneHalf) / seconds(ended - half));
        System.out.printf(
            "  CPU, second half (JIT warmed up): Java %,.0f ms (JIT %,.0f ms), PostgreSQL %,.0f ms:"
                + " %,.0f ms per 1,000 resources%n",
            1000 * warm.java() / thousands,
            1000 * warm.jit() / thousands,
            1000 * warm.postgres() / thousands,
            1000 * (warm.java() + warm.postgres()) / thousands);
      }
      System.out.printf("  %,d pathways, %,d code facts%n", pathways, codes);
      double translateOnly = translateOnly(chunks, resources);
      System.out.printf(
          "Translate only (parse and translate the same NDJSON, one thread): %,.0f resources/s%n",
          translateOnly);
      System.out.printf(
          "End to end at %.1f %% of translate-only (%,.0f resources/s): %,.0f resources/s%n",
          100 * endToEnd / translateOnly, translateOnly, endToEnd);
    }
  }

  /** The patients' NDJSON in chunks of (about) 1,000 resources, as a bulk import reads them. */
  private static List<byte[]> chunks(int patients) {
    int perChunk = 1000 / SyntheticEhr.RESOURCES_PER_PATIENT;
    var chunks = new ArrayList<byte[]>();
    for (int first = 0; first < patients; first += perChunk) {
      var chunk = new StringBuilder();
      for (int n = first; n < Math.min(patients, first + perChunk); n++) {
        chunk.append(SyntheticEhr.patient(n));
      }
      chunks.add(chunk.toString().getBytes(StandardCharsets.UTF_8));
    }
    return chunks;
  }

  /**
   * Resources per second that HAPI parsing and Forløp's translation alone reach on one thread over
   * the same chunks, after one pass to warm up.
   */
  private static double translateOnly(List<byte[]> chunks, int resources) {
    var reader = new FhirDeliveryReader();
    long best = Long.MAX_VALUE;
    for (int pass = 0; pass < 2; pass++) {
      long started = System.nanoTime();
      long line = 1;
      int read = 0;
      for (var chunk : chunks) {
        var delivery = reader.readLines(chunk, line);
        read += delivery.items().size();
        line += delivery.items().size();
      }
      if (read != resources) {
        throw new IllegalStateException(read + " resources read, not " + resources);
      }
      best = Math.min(best, System.nanoTime() - started);
    }
    return resources / seconds(best);
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}

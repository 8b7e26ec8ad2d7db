package no.forlop.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import no.forlop.ForlopApplication;
import no.forlop.testing.BulkFile;
import no.forlop.testing.ColorectalHistory;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes, one database (issue 15, item 3; ADR 0032): two application contexts of Forløp against
 * one embedded PostgreSQL, each with its own node id, short leases and the pull schedule on. The
 * same patients are delivered to both nodes at once through {@code /fhir}; every resource is stored
 * once, every patient has one pathway with each code once; one node polls the FHIR server, once per
 * interval; a bulk job whose holder stops renewing its lease is left alone until the lease runs out
 * and is then taken over by the other node, which stores every chunk once. The counts are printed
 * for docs/benchmarks.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(OutputCaptureExtension.class)
class TwoNodesIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ORGANISATION = "two-nodes-hf";
  private static final int PATIENTS = 30;
  private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
  private static final Duration LEASE = Duration.ofSeconds(3);

  private static EmbeddedPostgres postgres;
  private static JdbcClient db;
  private static HttpServer ehr;
  private static final AtomicInteger polls = new AtomicInteger();
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;
  private static int portA;
  private static int portB;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    db = JdbcClient.create(postgres.getPostgresDatabase());
    ehr = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    ehr.createContext(
        "/fhir/Patient",
        exchange -> {
          polls.incrementAndGet();
          var body =
              "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    ehr.start();
    a = node("node-a");
    b = node("node-b");
    portA = port(a);
    portB = port(b);
  }

  private static ConfigurableApplicationContext node(String id) {
    return new SpringApplicationBuilder(ForlopApplication.class)
        .run(
            "--server.port=0",
            "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
            "--spring.datasource.username=postgres",
            "--forlop.node.id=" + id,
            "--forlop.node.lease=" + LEASE,
            "--forlop.node.renew-every=PT0.5S",
            "--forlop.bulk.chunk-lines=20",
            "--forlop.pull.enabled=true",
            "--forlop.pull.base-url=http://localhost:" + ehr.getAddress().getPort() + "/fhir",
            "--forlop.pull.interval=" + POLL_INTERVAL,
            "--forlop.pull.resource-types=Patient");
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @AfterAll
  static void stop() throws IOException {
    for (var context : new ConfigurableApplicationContext[] {b, a}) {
      if (context != null) {
        context.close();
      }
    }
    if (ehr != null) {
      ehr.stop(0);
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  @Order(1)
  void the_same_patients_pushed_to_both_nodes_at_once_are_coded_once_and_nothing_is_lost()
      throws Exception {
    // given: every patient's seven resources in three deliveries, each sent to both nodes at the
    // same moment, on eight threads
    var random = new Random(15);
    var patients = new ArrayList<String>();
    var deliveries = new ArrayList<Map.Entry<Integer, byte[]>>();
    for (int i = 0; i < PATIENTS; i++) {
      var patient = TestPatients.next();
      patients.add(patient);
      var resources = new ArrayList<>(ColorectalHistory.of(patient, ORGANISATION));
      Collections.shuffle(resources, random);
      for (var group :
          List.of(resources.subList(0, 2), resources.subList(2, 5), resources.subList(5, 7))) {
        var bundle = ColorectalHistory.batch(group);
        deliveries.add(Map.entry(portA, bundle));
        deliveries.add(Map.entry(portB, bundle));
      }
    }
    assertThat(
            post(
                portA,
                "/fhir",
                "application/fhir+json",
                ColorectalHistory.batch(List.of(ColorectalHistory.organisation(ORGANISATION)))))
        .isEqualTo(200);
    var pollsBefore = polls.get();
    var began = System.nanoTime();

    // when
    var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
    var threads = Executors.newFixedThreadPool(8);
    try {
      var sent = new ArrayList<Future<?>>();
      for (var delivery : deliveries) {
        sent.add(
            threads.submit(
                () -> {
                  var status =
                      post(
                          delivery.getKey(), "/fhir", "application/fhir+json", delivery.getValue());
                  statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                  return status;
                }));
      }
      for (var future : sent) {
        future.get();
      }
    } finally {
      threads.shutdown();
    }
    var seconds = Duration.ofNanos(System.nanoTime() - began).toMillis() / 1000.0;
    var pollsDuring = polls.get() - pollsBefore;

    // then: every delivery taken, every resource stored once
    assertThat(statuses.keySet()).as(statuses.toString()).containsExactly(200);
    var events = db.sql("select count(*) from clinical_event").query(Long.class).single();
    var distinct =
        db.sql(
                "select count(distinct source_key) from clinical_event where patient_key is not null")
            .query(Long.class)
            .single();
    for (var patient : patients) {
      var stored =
          db.sql(
                  """
                  select count(distinct source_key) from clinical_event
                  where source_key like '%/c' || :p || '-%'
                  """)
              .param("p", patient)
              .query(Long.class)
              .single();
      assertThat(stored).as("the resources stored of " + patient).isEqualTo(7);
    }
    var versions =
        db.sql(
                """
                select source_key || ' ' || type || ' ' || coalesce(patient_key, '-') || ' '
                       || checksum || ' ' || coalesce(cast(delivery as text), '-')
                from clinical_event where source_key in
                  (select source_key from clinical_event group by source_key having count(*) > 1)
                order by source_key
                """)
            .query(String.class)
            .list();
    var twiceStored =
        db.sql(
                """
                select count(*) from (select 1 from clinical_event
                  group by source_key, checksum having count(*) > 1) t
                """)
            .query(Long.class)
            .single();
    assertThat(twiceStored).as("resources stored twice: " + versions).isZero();
    // one pathway per patient, each derived code registered once
    var pathways =
        db.sql("select count(*) from pathway where patient = any(:p)")
            .param("p", patients.toArray(String[]::new))
            .query(Long.class)
            .single();
    assertThat(pathways).isEqualTo(PATIENTS);
    var registered =
        db.sql(
                """
                select count(*) from pathway_fact f join pathway p on p.id = f.pathway_id
                where f.kind = 'REGISTERED' and p.patient = any(:p)
                """)
            .param("p", patients.toArray(String[]::new))
            .query(Long.class)
            .single();
    var twice =
        db.sql(
                """
                select count(*) from (select pathway_id, code_key from pathway_fact
                  where kind = 'REGISTERED' group by pathway_id, code_key having count(*) > 1) t
                """)
            .query(Long.class)
            .single();
    assertThat(twice).as("a code registered twice").isZero();
    assertThat(registered).isEqualTo(PATIENTS * 4L);
    // and each patient's current codes are the four of their history, on either node
    for (int i = 0; i < PATIENTS; i++) {
      var codes = codes(i % 2 == 0 ? portA : portB, patients.get(i));
      assertThat(codes)
          .as(patients.get(i))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  "A12A", "2024-03-04",
                  "A12S", "2024-03-11",
                  "A12CK", "2024-03-20",
                  "A12FK", "2024-04-05"));
    }

    // and one node polled the FHIR server meanwhile, once per interval (two would poll twice)
    var most = (long) Math.floor(seconds / POLL_INTERVAL.toMillis() * 1000) + 2;
    assertThat(pollsDuring).isPositive().isLessThanOrEqualTo((int) most);
    var holders =
        db.sql("select holder from node_lease where name like 'pull:%'").query(String.class).list();
    assertThat(holders).hasSize(1);
    if (!versions.isEmpty()) {
      System.out.println("Two nodes: resources with more than one version: " + versions);
    }
    System.out.printf(
        "Two nodes: %d deliveries of %d patients (each to both nodes, 8 threads) in %.1f s;"
            + " %d resources stored (%d distinct, %d twice), %d pathways, %d codes registered, %d twice;"
            + " %d polls in %.1f s at an interval of %s, by %s%n",
        deliveries.size(),
        PATIENTS,
        seconds,
        events,
        distinct,
        twiceStored,
        pathways,
        registered,
        twice,
        pollsDuring,
        seconds,
        POLL_INTERVAL,
        holders.get(0));
  }

  @Test
  @Order(2)
  void a_bulk_job_whose_holder_stops_renewing_is_taken_over_when_the_lease_runs_out(
      CapturedOutput output) throws Exception {
    // given: a bulk job at work on node A
    var file = BulkFile.of(100, "two-nodes-bulk-hf");
    var job = upload(portA, file);
    waitFor(() -> lines(job) > 0, "the job to store its first chunk");
    // when: its holder hangs (its database session lives on, it renews nothing) — the test
    // takes the place of such a node — and node A is gone
    try (Connection hung = postgres.getPostgresDatabase().getConnection()) {
      try (var lock = hung.prepareStatement("select pg_advisory_lock(?, ?)")) {
        lock.setInt(1, AdvisoryLocks.Space.NODE.key);
        lock.setInt(2, AdvisoryLocks.hash("node-hung"));
        lock.execute();
      }
      var until =
          db.sql(
                  """
                  update node_lease set holder = 'node-hung',
                         held_until = now() + make_interval(secs => :secs)
                  where name = :name returning held_until
                  """)
              .param("secs", LEASE.toSeconds())
              .param("name", "bulk:" + job)
              .query(java.time.OffsetDateTime.class)
              .single();
      var linesAtHang = lines(job);
      a.close();

      // then: nothing of it is worked while the lease lasts
      var beforeEnd = until.toInstant().minusMillis(700);
      while (java.time.Instant.now().isBefore(beforeEnd)) {
        Thread.sleep(100);
      }
      assertThat(holder("bulk:" + job)).isEqualTo("node-hung");
      assertThat(lines(job)).as("lines stored while the lease held").isEqualTo(linesAtHang);

      // and after it ran out, node B takes the job over and finishes it, every chunk once
      var done = done(portB, job);
      assertThat(output).contains("Node node-b takes over bulk:" + job);
      assertThat(done.get("linesRead").asInt()).isEqualTo(file.lines());
      assertThat(done.get("accepted").asInt()).isEqualTo(file.accepted());
      assertThat(done.get("resumed").get("count").asInt()).isPositive();
      var chunks = done.get("chunksTotal").asLong();
      var deliveries =
          db.sql("select count(*) from delivery where channel = :c")
              .param("c", "bulk:" + job)
              .query(Long.class)
              .single();
      var received =
          db.sql(
                  """
                  select count(*) from received_resource r join delivery d on d.id = r.delivery
                  where d.channel = :c
                  """)
              .param("c", "bulk:" + job)
              .query(Long.class)
              .single();
      assertThat(deliveries).as("one delivery per chunk").isEqualTo(chunks);
      assertThat(received).as("each resource received once").isEqualTo(file.resources());
      var pathways =
          db.sql("select count(*) from pathway where patient = any(:p)")
              .param("p", file.patients().toArray(String[]::new))
              .query(Long.class)
              .single();
      assertThat(pathways).isEqualTo(file.patients().size());
      assertThat(holder("bulk:" + job)).as("given back when done").isNull();

      // and the pull source, if node A held it, is polled by node B now
      waitFor(() -> "node-b".equals(holder(pullLease())), "node B to poll");
      var pollsNow = polls.get();
      waitFor(() -> polls.get() > pollsNow, "a poll by node B");
      System.out.printf(
          "Two nodes, bulk takeover: %d lines in %d chunks, %d stored before the hang, none while"
              + " the lease held, %d deliveries, %d resources received once, %d pathways;"
              + " resumed %d time(s) on node-b%n",
          file.lines(),
          chunks,
          linesAtHang,
          deliveries,
          received,
          pathways,
          done.get("resumed").get("count").asInt());
    }
  }

  private static String pullLease() {
    return db.sql("select name from node_lease where name like 'pull:%'")
        .query(String.class)
        .optional()
        .orElse("pull:none");
  }

  private static long lines(String job) {
    return db.sql("select lines_read from bulk_job where id = cast(:id as uuid)")
        .param("id", job)
        .query(Long.class)
        .single();
  }

  private static String holder(String lease) {
    return db.sql("select holder from node_lease where name = :n")
        .param("n", lease)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static String upload(int port, BulkFile file) {
    var answer =
        send(
            port,
            "/api/v1/ingest/bulk?name=two-nodes.ndjson",
            "application/fhir+ndjson",
            file.bytes());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    return JSON.readTree(answer.body()).get("id").asString();
  }

  @Test
  @Order(3)
  void a_node_with_the_id_of_a_live_node_is_refused_and_a_new_id_is_not() {
    var sameAsB = new NodeSettings("node-b", Duration.ofSeconds(30), Duration.ofSeconds(10));
    assertThatThrownBy(() -> new Node(sameAsB, postgres.getPostgresDatabase()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("node-b")
        .hasMessageContaining("in use by another live node");
    var third =
        new Node(
            new NodeSettings("node-c", Duration.ofSeconds(30), Duration.ofSeconds(10)),
            postgres.getPostgresDatabase());
    try {
      assertThat(third.id()).isEqualTo("node-c");
    } finally {
      third.stop();
    }
    // once node-c has stopped, its id is free again
    var again =
        new Node(
            new NodeSettings("node-c", Duration.ofSeconds(30), Duration.ofSeconds(10)),
            postgres.getPostgresDatabase());
    again.stop();
  }

  private static JsonNode done(int port, String job) throws InterruptedException {
    var deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode progress = null;
    while (System.nanoTime() < deadline) {
      progress = JSON.readTree(get(port, "/api/v1/ingest/bulk/" + job).body());
      if (!progress.get("status").asString().equals("RUNNING")) {
        assertThat(progress.get("status").asString()).as(progress.toString()).isEqualTo("DONE");
        return progress;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the job did not finish: " + progress);
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, String what)
      throws InterruptedException {
    var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited in vain for " + what);
      }
      Thread.sleep(50);
    }
  }

  private static Map<String, String> codes(int port, String patient) {
    var answer =
        send(
            port,
            "/api/v1/pathways/search",
            "application/json",
            ("{\"patient\": \"" + patient + "\"}").getBytes(StandardCharsets.UTF_8),
            "admin");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    var pathways = JSON.readTree(answer.body());
    assertThat(pathways).as(patient).hasSize(1);
    var codes = new HashMap<String, String>();
    pathways
        .get(0)
        .get("codes")
        .forEach(c -> codes.put(c.get("code").asString(), c.get("date").asString()));
    return codes;
  }

  private static int post(int port, String path, String type, byte[] body) {
    var answer = send(port, path, type, body);
    if (answer.statusCode() != 200) {
      System.out.println(answer.body());
    }
    return answer.statusCode();
  }

  private static HttpResponse<String> send(int port, String path, String type, byte[] body) {
    return send(port, path, type, body, "ehr");
  }

  private static HttpResponse<String> send(
      int port, String path, String type, byte[] body, String user) {
    return exchange(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", type)
            .header("Authorization", basic(user))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static HttpResponse<String> get(int port, String path) {
    return exchange(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", basic("ehr"))
            .GET());
  }

  private static HttpResponse<String> exchange(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }
}

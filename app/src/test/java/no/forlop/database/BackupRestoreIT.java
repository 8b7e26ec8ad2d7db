package no.forlop.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import no.forlop.ForlopApplication;
import no.forlop.testing.ColorectalHistory;
import no.forlop.testing.TestPatients;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backup and restore, proven (issue 18, item 3; docs/operations.md, "Backup and restore"): Forløp
 * runs on an embedded PostgreSQL whose data folder is its own ({@code FORLOP_DATA_DIR}), takes two
 * patients' histories through {@code /fhir}, and is stopped; the stopped folder is copied (the
 * backup) and the original deleted; a fresh embedded PostgreSQL server is started on the copy (the
 * restore) with a new Forløp on it, which validates the schema at start and serves the same
 * pathways, codes, lead times and audit entries as before.
 *
 * <p>The backup is the file-level copy of a stopped cluster, not {@code pg_dump}: zonky's embedded
 * binaries hold only {@code initdb}, {@code pg_ctl} and {@code postgres}, and the {@code pg_dump}
 * of this machine (Debian, PostgreSQL 15) refuses a newer server (17). The logical dump of an
 * external PostgreSQL is documented, not run here.
 */
class BackupRestoreIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ORGANISATION = "backup-restore-hf";

  /** The invented patient of docs/fhir/sample-transaction.json. */
  private static final String SAMPLE_PATIENT = "15065204182";

  /** The tables whose every row must come back: pathways, codes, facts, deliveries, audit. */
  private static final List<String> TABLES =
      List.of(
          "pathway",
          "pathway_fact",
          "clinical_event",
          "delivery",
          "received_resource",
          "audit_event",
          "report_pathway",
          "report_code",
          "report_interval",
          "flyway_schema_history");

  private Path folder;
  private ConfigurableApplicationContext forlop;

  @BeforeEach
  void folder() throws IOException {
    Files.createDirectories(Path.of("target"));
    folder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "backup-restore-");
  }

  @AfterEach
  void cleanUp() throws IOException {
    if (forlop != null) {
      forlop.close();
    }
    delete(folder);
  }

  @Test
  void
      a_copy_of_the_stopped_data_folder_started_on_a_fresh_server_has_every_pathway_code_lead_time_and_audit_entry()
          throws Exception {
    // given: Forløp on its own data folder, with the documented sample and a second patient
    var original = folder.resolve("original");
    forlop = start(original);
    var second = TestPatients.next();
    assertThat(
            post(
                    "/fhir",
                    "ehr",
                    Files.readAllBytes(Path.of("..", "docs", "fhir", "sample-transaction.json")))
                .statusCode())
        .isEqualTo(200);
    var history =
        new java.util.ArrayList<Resource>(List.of(ColorectalHistory.organisation(ORGANISATION)));
    history.addAll(ColorectalHistory.of(second, ORGANISATION));
    assertThat(post("/fhir", "ehr", ColorectalHistory.batch(history)).statusCode()).isEqualTo(200);
    var samplePathway = search(SAMPLE_PATIENT);
    var secondPathway = search(second);
    assertThat(secondPathway).contains("\"A12A\"", "\"A12FK\"");
    assertThat(samplePathway).contains("\"code\"");
    var sampleView = pathway(SAMPLE_PATIENT);
    var secondView = pathway(second);
    assertThat(secondView).contains("leadTimes");
    var before = snapshot();
    assertThat(count("select count(*) from pathway")).isGreaterThanOrEqualTo(2);
    assertThat(count("select count(*) from pathway_fact where kind = 'REGISTERED'"))
        .isGreaterThanOrEqualTo(5);
    assertThat(count("select count(*) from audit_event")).isPositive();

    // when: Forløp and its database are stopped, the folder is copied (the backup), the original
    // is lost, and a fresh server with a new Forløp starts on the copy (the restore)
    forlop.close();
    forlop = null;
    assertThat(original.resolve(LeftoverPostmaster.PID_FILE)).doesNotExist();
    var backup = folder.resolve("backup");
    copy(original, backup);
    delete(original);
    var restored = folder.resolve("restored");
    copy(backup, restored);
    forlop = start(restored);

    // then: the same rows, and the same answers
    assertThat(snapshot()).isEqualTo(before);
    assertThat(search(SAMPLE_PATIENT)).isEqualTo(samplePathway);
    assertThat(search(second)).isEqualTo(secondPathway);
    assertThat(pathway(SAMPLE_PATIENT)).isEqualTo(sampleView);
    assertThat(pathway(second)).isEqualTo(secondView);
    // and it works on: a new delivery is taken and coded
    var third = TestPatients.next();
    assertThat(
            post("/fhir", "ehr", ColorectalHistory.batch(ColorectalHistory.of(third, ORGANISATION)))
                .statusCode())
        .isEqualTo(200);
    assertThat(search(third)).contains("\"A12A\"", "\"A12FK\"");
  }

  private static ConfigurableApplicationContext start(Path dataDir) {
    return new SpringApplicationBuilder(ForlopApplication.class)
        .run(
            "--server.port=0",
            "--forlop.database.embedded.data-dir=" + dataDir,
            "--forlop.database.embedded.temporary=false");
  }

  /** Every row of {@link #TABLES}, each row as text, sorted, read through Forløp's own pool. */
  private List<List<String>> snapshot() {
    var db = JdbcClient.create(forlop.getBean(DataSource.class));
    return TABLES.stream()
        .map(
            table ->
                db.sql("select cast(t as text) from " + table + " t order by 1")
                    .query(String.class)
                    .list())
        .toList();
  }

  private long count(String sql) {
    return JdbcClient.create(forlop.getBean(DataSource.class)).sql(sql).query(Long.class).single();
  }

  private String search(String patient) {
    var answer =
        post(
            "/api/v1/pathways/search",
            "admin",
            ("{\"patient\": \"" + patient + "\"}").getBytes(StandardCharsets.UTF_8));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  /**
   * The pathway of a patient with its codes, history and lead times, as of 2024-12-31 (so that the
   * answer does not move with the day the test runs).
   */
  private String pathway(String patient) {
    var id = JSON.readTree(search(patient)).get(0).get("id").asString();
    var answer =
        exchange(
            request("/api/v1/pathways/" + id + "?asOf=2024-12-31", "admin")
                .header("Accept", "application/json")
                .GET());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  private HttpResponse<String> post(String path, String user, byte[] body) {
    var type = path.equals("/fhir") ? "application/fhir+json" : "application/json";
    return exchange(
        request(path, user)
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private HttpRequest.Builder request(String path, String user) {
    var port = ((WebServerApplicationContext) forlop).getWebServer().getPort();
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
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

  private static void copy(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (var file : (Iterable<Path>) files::iterator) {
        var target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          // PostgreSQL starts only on a folder that its owner alone may enter (as cp -a keeps it)
          Files.createDirectories(target);
          Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(file));
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void delete(Path path) throws IOException {
    if (path == null || !Files.exists(path)) {
      return;
    }
    try (var files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}

package no.forlop.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import no.forlop.ForlopApplication;
import no.forlop.testing.ColorectalHistory;
import no.forlop.testing.TestPatients;
import org.flywaydb.core.Flyway;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Upgrades, proven (issue 18, item 4): a database at the schema of the previous release (the
 * migrations up to {@link #PREVIOUS_RELEASE}) holding pathways is migrated by the current
 * application at its start, and every pathway is still there as it was: the same ids, codes (code,
 * date, state), lead times and audit entries; and a new delivery is still taken.
 *
 * <p>The previous release's code is not at hand, and today's cannot run on the older schema (it
 * writes columns the newer migrations add). So today's application writes the data into a schema of
 * its own, migrated to the newest, and its rows are copied into the previous schema, every column
 * that schema has: the data as that release held it. Its own embedded PostgreSQL, like {@code
 * TwoNodesIT}: it needs a database that starts old. When a release lands, move {@link
 * #PREVIOUS_RELEASE} to its newest migration (CONTRIBUTING.md).
 */
class UpgradeIT {

  /** The newest migration of the previous release (Flyway's {@code target}). */
  static final String PREVIOUS_RELEASE = "49";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String ORGANISATION = "upgrade-hf";

  /** The schema the application of today writes the previous release's data into. */
  private static final String WRITTEN = "written_by_today";

  private static EmbeddedPostgres postgres;
  private static JdbcClient db;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    db = JdbcClient.create(postgres.getPostgresDatabase());
  }

  @AfterAll
  static void stop() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void a_database_of_the_previous_release_is_migrated_at_start_and_every_pathway_is_intact()
      throws Exception {
    // given: the schema of the previous release
    var before =
        Flyway.configure()
            .dataSource(postgres.getPostgresDatabase())
            .locations("classpath:db/migration")
            .target(PREVIOUS_RELEASE)
            .load();
    before.migrate();
    assertThat(schemaVersion()).isEqualTo(PREVIOUS_RELEASE);
    // the migrations this release adds (none while it has added none since the previous release:
    // then the upgrade is a start of the new code on the same schema, which Flyway validates)
    assertThat(newest().pending())
        .as("migrations still to run are this release's, newer than the previous one's")
        .allSatisfy(
            migration -> assertThat(migration.getVersion().isNewerThan(PREVIOUS_RELEASE)).isTrue());

    // and: pathways in it. The application of today cannot write into the previous schema (it
    // writes columns the newer migrations add), so it writes into a schema of its own, migrated to
    // the newest, and every row of the tables the previous release had is copied into the previous
    // schema, column by column as far as that release had them: the data as that release held it
    var patients = List.of(TestPatients.next(), TestPatients.next());
    var pathwaysBefore = new ArrayList<JsonNode>();
    try (var writer = application(WRITTEN, "--spring.flyway.schemas=" + WRITTEN)) {
      var port = port(writer);
      deliver(port, List.of(ColorectalHistory.organisation(ORGANISATION)));
      for (var patient : patients) {
        deliver(port, ColorectalHistory.of(patient, ORGANISATION));
        pathwaysBefore.add(pathway(port, patient));
      }
    }
    var copied = copyIntoPreviousSchema();
    assertThat(copied).containsKeys("pathway", "pathway_fact", "audit_event", "delivery");
    assertThat(copied.get("pathway")).isEqualTo(patients.size());
    assertThat(schemaVersion()).as("the old schema stays").isEqualTo(PREVIOUS_RELEASE);
    var auditBefore = audit();
    assertThat(auditBefore).isNotEmpty();
    var registeredBefore = registeredCodes();
    assertThat(registeredBefore).hasSize(patients.size() * 4);

    // when: the current application starts on the same database
    try (var current = application()) {
      var port = port(current);

      // then: migrated to the newest schema
      var newest = newest();
      assertThat(newest.pending()).isEmpty();
      assertThat(schemaVersion()).isEqualTo(newest.current().getVersion().getVersion());
      assertThat(newest.current().getVersion().getVersion())
          .as("the newest migration of this release")
          .isEqualTo(newestMigrationOnTheClasspath());

      // and every pathway as it was: id, pathway, codes (code, date, state), lead times
      for (int i = 0; i < patients.size(); i++) {
        var after = pathway(port, patients.get(i));
        var was = pathwaysBefore.get(i);
        assertThat(after.get("id")).isEqualTo(was.get("id"));
        assertThat(after.get("pathway")).isEqualTo(was.get("pathway"));
        assertThat(codes(after)).isEqualTo(codes(was)).hasSize(4);
        assertThat(was.get("leadTimes")).as("lead times before").isNotEmpty();
        assertThat(after.get("leadTimes")).isEqualTo(was.get("leadTimes"));
        for (var field : List.of("state", "createdAt", "createdBy", "history", "milestones")) {
          assertThat(after.get(field)).as(field).isEqualTo(was.get(field));
        }
      }
      // and the audit entries and registered codes still there, unchanged
      assertThat(audit()).containsAll(auditBefore);
      assertThat(registeredCodes()).containsAll(registeredBefore);

      // and a new delivery is still taken and coded
      var newcomer = TestPatients.next();
      deliver(port, ColorectalHistory.of(newcomer, ORGANISATION));
      assertThat(codes(pathway(port, newcomer))).hasSize(4);
    }
  }

  /**
   * Copies every table of the previous schema from the schema the application wrote into, its
   * columns as far as the previous schema has them, with the identities' sequences moved on; then
   * drops the written schema.
   */
  private static Map<String, Integer> copyIntoPreviousSchema() throws SQLException {
    var copied = new TreeMap<String, Integer>();
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      // the rows come in any order: no trigger or foreign key check while they are copied
      statement.execute("set local session_replication_role = replica");
      var tables =
          JdbcClient.create(new SingleConnectionDataSource(connection, true))
              .sql(
                  """
                  select t.table_name,
                         string_agg(quote_ident(c.column_name), ', ' order by c.ordinal_position)
                  from information_schema.tables t
                  join information_schema.columns c
                    on c.table_schema = t.table_schema and c.table_name = t.table_name
                  join information_schema.columns w
                    on w.table_schema = :written and w.table_name = t.table_name
                   and w.column_name = c.column_name
                  where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
                    and t.table_name <> 'flyway_schema_history'
                    and c.is_generated = 'NEVER'
                  group by t.table_name
                  """)
              .param("written", WRITTEN)
              .query((row, n) -> Map.entry(row.getString(1), row.getString(2)))
              .list();
      for (var table : tables) {
        var name = quoteIdent(table.getKey());
        statement.execute("delete from public." + name);
        var rows =
            statement.executeUpdate(
                "insert into public.%s (%s) overriding system value select %s from %s.%s"
                    .formatted(name, table.getValue(), table.getValue(), WRITTEN, name));
        copied.put(table.getKey(), rows);
      }
      statement.execute(
          """
          select setval(pg_get_serial_sequence('public.' || quote_ident(table_name), column_name),
                        greatest(1, (xpath('/row/m/text()', query_to_xml(format(
                          'select max(%I) as m from public.%I', column_name, table_name),
                          false, true, '')))[1]::text::bigint))
          from information_schema.columns
          where table_schema = 'public' and is_identity = 'YES'
          """);
      statement.execute("drop schema " + WRITTEN + " cascade");
      connection.commit();
    }
    return copied;
  }

  private static String quoteIdent(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static ConfigurableApplicationContext application() {
    return application("public");
  }

  private static ConfigurableApplicationContext application(String schema, String... extra) {
    var args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.username=postgres"));
    args.add(
        "--spring.datasource.url="
            + postgres.getJdbcUrl("postgres", "postgres")
            + "&currentSchema="
            + schema);
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(ForlopApplication.class).run(args.toArray(String[]::new));
  }

  private static org.flywaydb.core.api.MigrationInfoService newest() {
    return Flyway.configure()
        .dataSource(postgres.getPostgresDatabase())
        .locations("classpath:db/migration")
        .load()
        .info();
  }

  /** The newest migration this release brings, whether or not it is applied. */
  private static String newestMigrationOnTheClasspath() {
    var all = newest().all();
    return all[all.length - 1].getVersion().getVersion();
  }

  private static String schemaVersion() {
    return db.sql(
            """
            select version from flyway_schema_history where success
            order by installed_rank desc limit 1
            """)
        .query(String.class)
        .single();
  }

  private static List<String> audit() {
    return db.sql(
            """
            select id || ' ' || at || ' ' || actor || ' ' || action || ' '
                   || coalesce(patient, '-') || ' ' || resource
            from audit_event order by id
            """)
        .query(String.class)
        .list();
  }

  private static List<String> registeredCodes() {
    return db.sql(
            """
            select p.id || ' ' || p.patient || ' ' || f.code_key
            from pathway_fact f join pathway p on p.id = f.pathway_id
            where f.kind = 'REGISTERED' order by 1
            """)
        .query(String.class)
        .list();
  }

  private static List<String> codes(JsonNode pathway) {
    var codes = new ArrayList<String>();
    pathway
        .get("codes")
        .forEach(
            c ->
                codes.add(
                    c.get("code").asString()
                        + " "
                        + c.get("date").asString()
                        + " "
                        + c.get("state").asString()
                        + " "
                        + c.get("registration").asString()));
    return codes;
  }

  private static JsonNode pathway(int port, String patient) {
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
    return pathways.get(0);
  }

  private static void deliver(int port, List<? extends Resource> resources) {
    var bundle = new Bundle().setType(Bundle.BundleType.BATCH);
    for (var resource : resources) {
      bundle
          .addEntry()
          .setResource(resource)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.PUT)
          .setUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }
    var body =
        ColorectalHistory.FHIR
            .newJsonParser()
            .encodeResourceToString(bundle)
            .getBytes(StandardCharsets.UTF_8);
    var answer = send(port, "/fhir", "application/fhir+json", body, "ehr");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private static HttpResponse<String> send(
      int port, String path, String type, byte[] body, String user) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Content-Type", type)
              .header(
                  "Authorization",
                  "Basic "
                      + Base64.getEncoder()
                          .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

package no.forlop.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import no.forlop.ForlopApplication;
import no.forlop.access.Actor;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.PathwayService;
import no.forlop.patient.PatientIdentifier;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded PostgreSQL keeps its data across restarts; the audit log cannot be rewritten. */
class EmbeddedDatabaseIT {

  private Path dataDir;

  @AfterEach
  void removeDataDir() throws Exception {
    if (dataDir != null && Files.exists(dataDir)) {
      try (var files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ForlopApplication.class)
        .run(
            "--server.port=0",
            "--forlop.database.embedded.data-dir=" + dataDir,
            "--forlop.clock.fixed=2024-12-31T10:00:00Z");
  }

  @Test
  void data_survives_a_restart_of_the_embedded_database() throws Exception {
    dataDir = Files.createTempDirectory("forlop-restart");
    var patient = TestPatients.next();
    String id;
    try (var first = start()) {
      id =
          first
              .getBean(PathwayService.class)
              .create(CreatePathway.of(patient, "A12", "910000012", null), Actor.system("test"))
              .id()
              .toString();
    }
    try (var second = start()) {
      var found =
          second
              .getBean(PathwayService.class)
              .byPatient(PatientIdentifier.parse(patient), null, Actor.system("test"));
      assertThat(found).extracting(p -> p.id().toString()).containsExactly(id);
    }
  }

  @Test
  void the_audit_log_and_the_pathway_history_refuse_updates_and_deletes() throws Exception {
    dataDir = Files.createTempDirectory("forlop-append-only");
    try (var context = start()) {
      var jdbc = context.getBean(JdbcClient.class);
      context
          .getBean(PathwayService.class)
          .create(
              CreatePathway.of(TestPatients.next(), "A12", "910000012", null),
              Actor.system("test"));

      assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone else'").update())
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
          .hasMessageContaining("append-only");
      assertThat(
              jdbc.sql("select resource || ' ' || actor from audit_event")
                  .query(String.class)
                  .list())
          .hasSize(1);
    }
  }
}

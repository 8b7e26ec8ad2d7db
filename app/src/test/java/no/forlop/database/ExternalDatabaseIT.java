package no.forlop.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import no.forlop.ForlopApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With spring.datasource.url set, Forløp uses that server and starts no embedded one. */
class ExternalDatabaseIT {

  @Test
  void a_configured_postgresql_is_used_instead_of_the_embedded_one() throws Exception {
    try (var external = EmbeddedPostgres.builder().start()) {
      var url = external.getJdbcUrl("postgres", "postgres");
      try (var context =
          new SpringApplicationBuilder(ForlopApplication.class)
              .run(
                  "--server.port=0",
                  "--spring.datasource.url=" + url,
                  "--spring.datasource.username=postgres")) {
        assertThat(context.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
      }
      var versions =
          JdbcClient.create(external.getPostgresDatabase())
              .sql("select count(*) from catalogue_version")
              .query(Long.class)
              .single();
      assertThat(versions).isEqualTo(1);
    }
  }
}

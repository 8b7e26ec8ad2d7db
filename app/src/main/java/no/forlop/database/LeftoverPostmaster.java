package no.forlop.database;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on the embedded database's data folder by a Forløp that did not
 * stop (killed with {@code kill -9}, the JVM crashed). zonky starts the server through {@code
 * pg_ctl}, which detaches it, so it outlives the JVM and holds the folder; the next start would
 * wait for a server that can never start. Before the embedded PostgreSQL starts, a server still
 * running on the same folder is stopped, with PostgreSQL's fast shutdown (its open transactions are
 * rolled back: those of a killed Forløp never commit anyway). A {@code postmaster.pid} whose
 * process is gone is left to PostgreSQL, which recovers from it by itself; one whose number now
 * belongs to another program (the number was reused after a reboot) is removed, since PostgreSQL
 * would refuse to start beside a live process of that number.
 *
 * <p>A folder another running Forløp holds (zonky's lock file {@code epg-lock}) is never touched:
 * the start fails and says so.
 */
final class LeftoverPostmaster {

  private static final Logger log = LoggerFactory.getLogger(LeftoverPostmaster.class);

  /** zonky's lock file in the data folder, held by the JVM whose embedded PostgreSQL runs there. */
  static final String ZONKY_LOCK = "epg-lock";

  static final String PID_FILE = "postmaster.pid";

  private LeftoverPostmaster() {}

  /**
   * Stops the PostgreSQL server left running on this data folder, if there is one.
   *
   * @param wait how long the server may take to stop
   * @return whether a server was stopped
   * @throws IllegalStateException if another running Forløp holds the folder, or the server does
   *     not stop in time
   */
  static boolean stopIfRunning(Path dataDir, Duration wait) {
    var pidFile = dataDir.resolve(PID_FILE);
    if (!Files.isRegularFile(pidFile)) {
      return false;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + pidFile, e);
    }
    long pid;
    try {
      pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
    } catch (NumberFormatException e) {
      return false; // not PostgreSQL's; PostgreSQL says what is wrong with it
    }
    var process =
        pid > 0
            ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
            : Optional.<ProcessHandle>empty();
    if (process.isEmpty()) {
      log.info("The embedded PostgreSQL did not stop cleanly last time; it recovers as it starts");
      return false;
    }
    requireNotInUse(dataDir);
    var command = process.get().info().command().orElse("");
    if (!command.isEmpty() && !isPostgres(command)) {
      log.warn(
          "{} names process {}, which is not PostgreSQL (its number was reused); removing the stale"
              + " file",
          pidFile,
          pid);
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot remove the stale " + pidFile, e);
      }
      return false;
    }
    log.warn(
        "A PostgreSQL server (process {}) is still running on {}, left by a Forløp that did not stop"
            + " cleanly; stopping it",
        pid,
        dataDir);
    stop(process.get(), command, dataDir, wait);
    return true;
  }

  /** Runs a command to its end; whether it succeeded. */
  private static boolean run(List<String> command, Duration wait) {
    try {
      var process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(wait.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false; // e.g. no unshare on this system
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping the leftover PostgreSQL", e);
    }
  }

  /** Refuses a folder whose lock another running JVM holds (a Forløp that is running). */
  private static void requireNotInUse(Path dataDir) {
    var lockFile = dataDir.resolve(ZONKY_LOCK);
    if (!Files.exists(lockFile)) {
      return;
    }
    try (var stream = new FileOutputStream(lockFile.toFile(), true);
        var lock = stream.getChannel().tryLock()) {
      if (lock != null) {
        return;
      }
    } catch (OverlappingFileLockException e) {
      // held by this JVM: below
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check the lock " + lockFile, e);
    }
    throw new IllegalStateException(
        "The embedded database in "
            + dataDir
            + " is in use by another running Forløp. Stop it first, or give this one another"
            + " folder (FORLOP_DATA_DIR).");
  }

  private static boolean isPostgres(String command) {
    var name = Path.of(command).getFileName().toString();
    return name.equals("postgres") || name.equals("postgres.exe") || name.equals("postmaster");
  }

  /**
   * Fast shutdown with the server's own {@code pg_ctl} (beside its {@code postgres}); as zonky
   * does, through {@code unshare -U} when {@code pg_ctl} refuses to run (as root); SIGTERM (smart
   * shutdown, which the killed Forløp's closed sessions do not hold up) when neither works. Then
   * waits for the server to end.
   */
  private static void stop(ProcessHandle server, String command, Path dataDir, Duration wait) {
    var pgCtl = command.isEmpty() ? null : Path.of(command).resolveSibling("pg_ctl");
    var stopped = false;
    if (pgCtl != null && Files.isExecutable(pgCtl)) {
      var stop =
          List.of(
              pgCtl.toString(),
              "-D",
              dataDir.toString(),
              "stop",
              "-m",
              "fast",
              "-w",
              "-t",
              String.valueOf(Math.max(1, wait.toSeconds())));
      stopped = run(stop, wait);
      if (!stopped) {
        var unshared = new java.util.ArrayList<>(List.of("unshare", "-U"));
        unshared.addAll(stop);
        stopped = run(unshared, wait);
      }
    }
    if (!stopped) {
      log.info("Sending SIGTERM to the leftover PostgreSQL (process {})", server.pid());
      server.destroy();
    }
    try {
      server.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "The PostgreSQL server (process "
              + server.pid()
              + ") left running on "
              + dataDir
              + " did not stop within "
              + wait.toSeconds()
              + " s; stop it by hand (pg_ctl -D "
              + dataDir
              + " stop -m fast) and start Forløp again.",
          e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Waiting for the leftover PostgreSQL to stop failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while stopping the leftover PostgreSQL", e);
    }
    log.info("The leftover PostgreSQL server on {} has stopped", dataDir);
  }
}

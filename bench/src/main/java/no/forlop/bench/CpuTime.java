package no.forlop.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds spent by this Java process and by the embedded PostgreSQL it started (the postmaster
 * listening on a port, and its server processes), read from Linux's {@code /proc}. On a machine
 * shared with other work the wall clock swings with the load; the CPU spent per resource does much
 * less, so it is what compares two versions.
 */
record CpuTime(double java, double postgres, double jit) {

  private static final double TICKS_PER_SECOND = 100.0;

  static CpuTime now(int postgresPort) {
    var os = ManagementFactory.getOperatingSystemMXBean();
    double java =
        os instanceof com.sun.management.OperatingSystemMXBean sun
            ? sun.getProcessCpuTime() / 1e9
            : Double.NaN;
    return new CpuTime(java, postgres(postgresPort), compilerThreads());
  }

  CpuTime minus(CpuTime before) {
    return new CpuTime(java - before.java, postgres - before.postgres, jit - before.jit);
  }

  /**
   * The part of this process's CPU that its JIT compiler threads spent (C1 and C2, by their names
   * in {@code /proc/self/task}): warming up, not the intake's own work. A compiler thread that
   * ended takes its time with it, so the load run keeps them ({@code
   * -XX:-UseDynamicNumberOfCompilerThreads}).
   */
  private static double compilerThreads() {
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      return tasks
              .filter(
                  t ->
                      cmdline(t, "comm").startsWith("C1 Compiler")
                          || cmdline(t, "comm").startsWith("C2 Compiler"))
              .mapToLong(t -> ticks(t, false))
              .sum()
          / TICKS_PER_SECOND;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** The postmaster's own and its reaped children's time, plus that of its live children. */
  private static double postgres(int port) {
    try (var processes = Files.list(Path.of("/proc"))) {
      var postmaster =
          processes
              .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
              .filter(p -> cmdline(p).matches(".*postgres\\u0000.*-p\\u0000" + port + "\\u0000.*"))
              .findFirst();
      if (postmaster.isEmpty()) {
        return Double.NaN;
      }
      var pid = postmaster.get().getFileName().toString();
      long ticks = ticks(postmaster.get(), true);
      try (var all = Files.list(Path.of("/proc"))) {
        ticks +=
            all.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                .filter(p -> pid.equals(field(p, 4)))
                .mapToLong(p -> ticks(p, false))
                .sum();
      }
      return ticks / TICKS_PER_SECOND;
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  private static String cmdline(Path process) {
    return cmdline(process, "cmdline");
  }

  private static String cmdline(Path process, String file) {
    try {
      return Files.readString(process.resolve(file));
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** Field n (from 1, as proc(5) counts them) of {@code /proc/<pid>/stat}. */
  private static String field(Path process, int n) {
    try {
      var stat = Files.readString(process.resolve("stat"));
      var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return fields[n - 3];
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static long ticks(Path process, boolean withReaped) {
    try {
      long ticks = Long.parseLong(field(process, 14)) + Long.parseLong(field(process, 15));
      if (withReaped) {
        ticks += Long.parseLong(field(process, 16)) + Long.parseLong(field(process, 17));
      }
      return ticks;
    } catch (RuntimeException e) {
      return 0;
    }
  }
}

package no.forlop.replay;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import no.forlop.access.Actor;
import no.forlop.calendar.OsloTime;
import no.forlop.coding.DerivingCodes;
import no.forlop.ingest.IntakeService;
import no.forlop.ingest.UnreadableDeliveryException;
import no.forlop.pathway.PathwayService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Runs {@code bin/forlop replay [--as-of YYYY-MM-DD] FILE...}: every file through the intake
 * pipeline into a throwaway embedded PostgreSQL, then the pathways, codes, milestones, lead times
 * and rejected resources as one JSON document on standard output. Exit 0 when it ran (even with
 * rejected resources), 2 when a file cannot be read as JSON or NDJSON, 1 on a usage error.
 *
 * <p>It runs in a lean context of its own ({@link ReplayApplication}, created lazily: ADR 0033) on
 * a copy of the migrated database template (ADR 0029).
 */
public final class Replay {

  static final Actor REPLAY = new Actor("system:replay", "REPLAY");

  static final String USAGE =
      "usage: bin/forlop replay [--as-of YYYY-MM-DD] [--compare HAND-CODED.csv] FILE...";

  private static final String NO_BACKGROUND_WARM_UP = "spring.backgroundpreinitializer.ignore";

  private Replay() {}

  public static int run(String[] args, PrintStream out, PrintStream err) {
    LocalDate asOf = null;
    Path compare = null;
    var files = new ArrayList<Path>();
    for (int i = 0; i < args.length; i++) {
      var arg = args[i];
      if (arg.equals("--as-of") || arg.startsWith("--as-of=")) {
        var value =
            arg.contains("=")
                ? arg.substring(arg.indexOf('=') + 1)
                : (i + 1 < args.length ? args[++i] : "");
        try {
          asOf = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
          err.println("forlop replay: --as-of needs a date as YYYY-MM-DD, not '" + value + "'");
          return 1;
        }
      } else if (arg.equals("--compare") || arg.startsWith("--compare=")) {
        var value =
            arg.contains("=")
                ? arg.substring(arg.indexOf('=') + 1)
                : (i + 1 < args.length ? args[++i] : "");
        compare = Path.of(value);
      } else if (arg.equals("-h") || arg.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (arg.startsWith("--")) {
        err.println("forlop replay: unknown option " + arg);
        return 1;
      } else {
        files.add(Path.of(arg));
      }
    }
    if (files.isEmpty()) {
      err.println(USAGE);
      return 1;
    }
    List<HandCodedComparison.Coded> byHand = null;
    if (compare != null) {
      try {
        byHand = HandCodedComparison.read(Files.readString(compare));
      } catch (IOException e) {
        err.println("forlop replay: cannot read " + compare + ": " + e.getMessage());
        return 2;
      } catch (IllegalArgumentException e) {
        err.println("forlop replay: " + compare + ", " + e.getMessage());
        return 2;
      }
    }
    var contents = new ArrayList<byte[]>();
    for (var file : files) {
      try {
        contents.add(Files.readAllBytes(file));
      } catch (IOException e) {
        err.println("forlop replay: cannot read " + file + ": " + e.getMessage());
        return 2;
      }
    }
    // Spring Boot warms up the validator, Jackson and more on a thread of their own, for a server's
    // first requests; a replay's context uses none of them early, and on two cores that thread only
    // takes time from the start-up (ADR 0033). This process is the replay's alone.
    if (System.getProperty(NO_BACKGROUND_WARM_UP) == null) {
      System.setProperty(NO_BACKGROUND_WARM_UP, "true");
    }
    try (var context =
        new SpringApplicationBuilder(ReplayApplication.class)
            .web(WebApplicationType.NONE)
            .lazyInitialization(true)
            .logStartupInfo(false)
            .run(
                "--spring.main.banner-mode=off",
                "--forlop.database.embedded.temporary=true",
                "--forlop.database.embedded.from-template=true",
                "--logging.threshold.console=OFF",
                "--spring.flyway.validate-on-migrate=false")) {
      var intake = context.getBean(IntakeService.class);
      var today = OsloTime.today(context.getBean(Clock.class));
      var report = new ReplayReport(asOf == null ? today : asOf);
      var patients = new LinkedHashSet<String>();
      for (int i = 0; i < files.size(); i++) {
        try {
          var received =
              intake.receive(
                  contents.get(i), "replay:" + files.get(i).getFileName(), REPLAY, false);
          patients.addAll(received.patients());
          received.rejected().forEach(p -> report.reject(p.source(), p.code(), p.reason()));
          received.ignored().forEach(p -> report.ignore(p.source(), p.code(), p.reason()));
        } catch (UnreadableDeliveryException e) {
          err.println(
              "forlop replay: " + files.get(i) + " is not FHIR JSON or NDJSON: " + e.getMessage());
          return 2;
        }
      }
      intake.derive(patients);
      var coding = context.getBean(DerivingCodes.class);
      for (var p : coding.problems()) {
        if (p.code().ignored()) {
          report.ignore(p.source(), p.code().name(), p.reason());
        } else {
          report.reject(p.source(), p.code().name(), p.reason());
        }
      }
      for (var pathway : context.getBean(PathwayService.class).all(report.asOf(), REPLAY)) {
        report.add(pathway);
      }
      if (byHand != null) {
        report.compareWith(byHand);
      }
      out.println(report.toJson());
      return 0;
    }
  }
}

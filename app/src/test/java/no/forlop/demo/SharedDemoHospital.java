package no.forlop.demo;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.util.List;
import no.forlop.access.Users;
import no.forlop.ingest.IntakeService;
import no.forlop.pathway.PathwayService;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The demo hospital (150 patients, today 2024-12-31), loaded once into the application context
 * every integration test shares, as the run command loads it at start-up: the first test that needs
 * it loads it, the others find it loaded. What was logged while it loaded is kept, so a test can
 * check that the log names no patient.
 */
final class SharedDemoHospital {

  static final int PATIENTS = 150;

  /** The load's result and every line logged (by any logger) while it ran. */
  record Loaded(DemoData.Result result, List<String> log) {}

  private static @Nullable Loaded loaded;

  private SharedDemoHospital() {}

  static synchronized Loaded load(
      IntakeService intake, PathwayService pathways, Users users, Clock clock) {
    if (loaded == null) {
      var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      var log = new ListAppender<ILoggingEvent>();
      log.start();
      root.addAppender(log);
      try {
        var result = data(intake, pathways, users, clock).load();
        loaded = new Loaded(result, log.list.stream().map(SharedDemoHospital::line).toList());
      } finally {
        root.detachAppender(log);
        log.stop();
      }
    }
    return loaded;
  }

  /** A logged event's message, and its exception's message where it has one. */
  private static String line(ILoggingEvent event) {
    var thrown = event.getThrowableProxy();
    return thrown == null
        ? event.getFormattedMessage()
        : event.getFormattedMessage() + " " + thrown.getClassName() + ": " + thrown.getMessage();
  }

  /** The demo as the run command configures it, with the shared hospital's size. */
  static DemoData data(IntakeService intake, PathwayService pathways, Users users, Clock clock) {
    return new DemoData(intake, pathways, users, clock, new DemoSettings(true, PATIENTS));
  }
}

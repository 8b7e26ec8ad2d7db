package no.forlop.coordinator.plan;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends openhtmltopdf's log to SLF4J instead of its own console handler: its CSS notes (e.g. an
 * unsupported property in the shared stylesheet) and timings are debug and trace, only its errors
 * are warnings. It never logs the document's text (no patient data).
 */
final class PdfLogging implements XRLogger {

  private static final String PREFIX = "com.openhtmltopdf.";

  @Override
  public void log(String where, Level level, String message) {
    log(where, level, message, null);
  }

  @Override
  public void log(String where, Level level, String message, @Nullable Throwable error) {
    var logger = LoggerFactory.getLogger(PREFIX + where);
    if (level.intValue() >= Level.SEVERE.intValue()) {
      logger.warn(message, error);
    } else if (level.intValue() >= Level.WARNING.intValue()) {
      logger.debug(message, error);
    } else {
      logger.trace(message, error);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // levels are set in the application's logging configuration
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger logger = LoggerFactory.getLogger(PREFIX + "general");
    var level = diagnostic.getLevel().intValue();
    return level >= Level.SEVERE.intValue()
        ? logger.isWarnEnabled()
        : level >= Level.WARNING.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
  }
}

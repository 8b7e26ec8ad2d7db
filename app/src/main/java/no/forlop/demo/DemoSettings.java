package no.forlop.demo;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo hospital's settings ({@code forlop.demo.*}).
 *
 * @param enabled load the demo hospital into an empty database at start-up (the run command sets it
 *     through {@code FORLOP_DEMO}; tests and production leave it off)
 * @param patients how many invented patients (default 300)
 */
@ConfigurationProperties("forlop.demo")
public record DemoSettings(boolean enabled, @Nullable Integer patients) {

  static final int DEFAULT_PATIENTS = 300;

  /** The number of patients to invent, at least 1. */
  public int patientCount() {
    return patients == null ? DEFAULT_PATIENTS : Math.max(1, patients);
  }
}

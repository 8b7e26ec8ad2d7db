package no.forlop.access;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long an emergency access (nødtilgang) lasts ({@code forlop.emergency-access.duration},
 * default 4 hours). The default is Forløp's own choice: no public Norwegian norm for the length of
 * an emergency access was found (Normen's fact sheets on access control were not in the reference
 * material), so it is unverified and a hospital sets its own (ADR 0028).
 */
@ConfigurationProperties("forlop.emergency-access")
public record EmergencyAccessSettings(@Nullable Duration duration) {

  /** Forløp's default, unverified: a working shift's length. */
  public static final Duration DEFAULT_DURATION = Duration.ofHours(4);

  public EmergencyAccessSettings {
    if (duration == null) {
      duration = DEFAULT_DURATION;
    }
    if (duration.isNegative()
        || duration.isZero()
        || duration.compareTo(Duration.ofHours(24)) > 0) {
      throw new IllegalArgumentException(
          "forlop.emergency-access.duration must be more than 0 and at most 24 hours");
    }
  }

  @Override
  public Duration duration() {
    return java.util.Objects.requireNonNull(duration);
  }
}

package no.forlop.reporting;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the indicators are computed where the national definition is not known ({@code
 * forlop.reporting.*}; see docs/indicators.md).
 *
 * @param suppressBelow counts from 1 up to this number minus one are suppressed in every aggregated
 *     view that leaves the unit (exports, the API, the CLI); NPR suppresses counts under 3
 * @param intervalPeriod which date of a finished interval places it in a period: {@code END} (the
 *     day it finished, e.g. the treatment start for OF4; NPR's published tables count pathways by
 *     the period they were completed in) or {@code START}
 * @param targets the national target lines
 */
@ConfigurationProperties("forlop.reporting")
public record ReportingSettings(
    @Nullable Integer suppressBelow,
    @Nullable IntervalPeriod intervalPeriod,
    @Nullable List<Target> targets) {

  public ReportingSettings {
    suppressBelow = suppressBelow == null ? 3 : suppressBelow;
    if (suppressBelow < 0) {
      throw new IllegalArgumentException("forlop.reporting.suppress-below must not be negative");
    }
    intervalPeriod = intervalPeriod == null ? IntervalPeriod.END : intervalPeriod;
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  /** Which date of a finished interval places it in a period. */
  public enum IntervalPeriod {
    START,
    END
  }

  /**
   * A national target: at least {@code percent} of the intervals of {@code indicator} (all
   * treatment types together) within the standard time.
   */
  public record Target(
      String indicator, int percent, String source, boolean verified, @Nullable String note) {}
}

package no.forlop.ingest;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long deliveries are kept as received (issue 18, ADR 0042).
 *
 * @param rawDeliveries a delivery's content (and its rejected resources' JSON) is purged once it is
 *     older than this, counted in whole days in Europe/Oslo: a delivery received on the day exactly
 *     this long ago is kept, one received the day before is purged
 * @param checkEvery how often a node looks for deliveries due (one node purges at a time)
 */
@ConfigurationProperties("forlop.retention")
public record RetentionSettings(
    @DefaultValue("P12M") Period rawDeliveries, @DefaultValue("P1D") Duration checkEvery) {

  public RetentionSettings {
    if (rawDeliveries.isNegative() || rawDeliveries.isZero()) {
      throw new IllegalArgumentException(
          "forlop.retention.raw-deliveries must be a positive period, e.g. P12M: " + rawDeliveries);
    }
    if (checkEvery.isNegative() || checkEvery.isZero()) {
      throw new IllegalArgumentException(
          "forlop.retention.check-every must be positive, e.g. P1D: " + checkEvery);
    }
  }
}

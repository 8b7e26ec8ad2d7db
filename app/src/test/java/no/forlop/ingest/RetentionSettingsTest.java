package no.forlop.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

class RetentionSettingsTest {

  @Test
  void a_positive_period_is_taken() {
    var settings = new RetentionSettings(Period.ofMonths(12), Duration.ofDays(1));
    assertThat(settings.rawDeliveries()).isEqualTo(Period.parse("P12M"));
    assertThat(new RetentionSettings(Period.ofDays(1), Duration.ofMinutes(1)).rawDeliveries())
        .isEqualTo(Period.ofDays(1));
  }

  @Test
  void no_retention_or_a_negative_one_is_refused_at_start() {
    assertThatThrownBy(() -> new RetentionSettings(Period.ZERO, Duration.ofDays(1)))
        .hasMessageContaining("forlop.retention.raw-deliveries");
    assertThatThrownBy(() -> new RetentionSettings(Period.ofMonths(-1), Duration.ofDays(1)))
        .hasMessageContaining("forlop.retention.raw-deliveries");
    assertThatThrownBy(() -> new RetentionSettings(Period.ofMonths(12), Duration.ZERO))
        .hasMessageContaining("forlop.retention.check-every");
  }
}

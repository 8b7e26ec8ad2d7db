package no.forlop.calendar;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Provides the application clock: the system clock in Europe/Oslo, or a fixed instant when {@code
 * forlop.clock.fixed} is set (tests, demonstrations, replays of history).
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  @Bean
  Clock clock(@Value("${forlop.clock.fixed:}") String fixed) {
    return fixed.isBlank()
        ? Clock.system(OsloTime.ZONE)
        : Clock.fixed(Instant.parse(fixed), OsloTime.ZONE);
  }
}

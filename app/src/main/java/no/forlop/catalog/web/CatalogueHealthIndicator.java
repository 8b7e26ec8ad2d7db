package no.forlop.catalog.web;

import java.util.function.Supplier;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueService;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The catalogue's part of readiness ({@code /actuator/health/readiness}, ADR 0045): UP while a
 * catalogue is in force and names pathways to derive; DOWN otherwise, so that the load balancer
 * sends no delivery to a node that cannot code it. Its name in the health groups: {@code
 * catalogue}.
 */
@Component
class CatalogueHealthIndicator implements HealthIndicator {

  private final Supplier<@Nullable Catalogue> current;

  @Autowired
  CatalogueHealthIndicator(CatalogueService catalogue) {
    this(catalogue::current);
  }

  CatalogueHealthIndicator(Supplier<@Nullable Catalogue> current) {
    this.current = current;
  }

  @Override
  public Health health() {
    Catalogue catalogue;
    try {
      catalogue = current.get();
    } catch (RuntimeException e) {
      return Health.down().withDetail("reason", e.getClass().getSimpleName()).build();
    }
    if (catalogue == null) {
      return Health.down().withDetail("reason", "no catalogue loaded").build();
    }
    if (catalogue.pathways().isEmpty()) {
      return Health.down()
          .withDetail("reason", "the catalogue names no pathway")
          .withDetail("version", catalogue.version())
          .build();
    }
    return Health.up().withDetail("version", catalogue.version()).build();
  }
}

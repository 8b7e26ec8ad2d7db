package no.forlop.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import no.forlop.catalog.CatalogueParser;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.io.ClassPathResource;

class CatalogueHealthIndicatorTest {

  @Test
  void up_with_the_bundled_catalogue_in_force() throws IOException {
    var content = new ClassPathResource("catalog/catalogue.yaml").getInputStream().readAllBytes();
    var catalogue = CatalogueParser.parse(content);

    var health = new CatalogueHealthIndicator(() -> catalogue).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat(health.getDetails()).containsEntry("version", catalogue.version());
  }

  @Test
  void down_without_a_catalogue_or_when_reading_it_fails() {
    assertThat(new CatalogueHealthIndicator(() -> null).health().getStatus())
        .isEqualTo(Status.DOWN);
    assertThat(
            new CatalogueHealthIndicator(
                    () -> {
                      throw new IllegalStateException("not loaded");
                    })
                .health()
                .getStatus())
        .isEqualTo(Status.DOWN);
  }
}

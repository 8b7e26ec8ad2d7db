package no.forlop.coordinator.pathwaypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import no.forlop.pathway.TrackedMilestone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every milestone the derivation may track is shown on the pathway's timeline by its text, so each
 * needs one in Norwegian and in English (a missing key shows as "??pathway.tracked…??").
 */
class TrackedMilestoneTextsTest {

  @ParameterizedTest
  @ValueSource(strings = {"/messages-pathway.properties", "/messages-pathway_en.properties"})
  void every_tracked_milestone_has_a_timeline_text(String file) throws IOException {
    var texts = new Properties();
    try (var in = getClass().getResourceAsStream(file)) {
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    assertThat(TrackedMilestone.TYPES)
        .allSatisfy(type -> assertThat(texts).containsKey("pathway.tracked." + type));
  }
}

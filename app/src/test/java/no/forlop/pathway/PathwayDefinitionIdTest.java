package no.forlop.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PathwayDefinitionIdTest {

  @Test
  void is_written_as_its_plain_text() {
    assertThat(PathwayDefinitionId.of("colorectal")).hasToString("colorectal");
  }

  @Test
  void json_has_the_plain_text_both_ways() {
    var json = JsonMapper.builder().build();

    assertThat(json.writeValueAsString(PathwayDefinitionId.of("colorectal")))
        .isEqualTo("\"colorectal\"");
    assertThat(json.readValue("\"A12\"", PathwayDefinitionId.class))
        .isEqualTo(PathwayDefinitionId.of("A12"));
  }

  @Test
  void needs_a_value() {
    assertThatThrownBy(() -> new PathwayDefinitionId(null))
        .isInstanceOf(NullPointerException.class);
  }
}

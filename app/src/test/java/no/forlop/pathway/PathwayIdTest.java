package no.forlop.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class PathwayIdTest {

  static final String TEXT = "0f8fad5b-d9cb-469f-a165-70867728950e";

  @Test
  void reads_and_writes_the_uuid_text() {
    var id = PathwayId.of(" " + TEXT + " ");

    assertThat(id.value()).isEqualTo(UUID.fromString(TEXT));
    assertThat(id).hasToString(TEXT);
  }

  @Test
  void text_that_is_no_id_names_no_pathway() {
    assertThatThrownBy(() -> PathwayId.of("not-an-id"))
        .isInstanceOf(PathwayNotFoundException.class)
        .extracting(e -> ((PathwayNotFoundException) e).id())
        .isEqualTo("not-an-id");
  }

  @Test
  void json_has_the_plain_uuid_text_both_ways() {
    var json = JsonMapper.builder().build();

    assertThat(json.writeValueAsString(PathwayId.of(TEXT))).isEqualTo("\"" + TEXT + "\"");
    assertThat(json.readValue("\"" + TEXT + "\"", PathwayId.class)).isEqualTo(PathwayId.of(TEXT));
  }
}

package no.forlop.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RegistrationIdTest {

  static final UUID VALUE = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

  @Test
  void is_written_as_the_uuid_text() {
    assertThat(new RegistrationId(VALUE)).hasToString(VALUE.toString());
  }

  @Test
  void json_has_the_plain_uuid_text_both_ways() {
    var json = JsonMapper.builder().build();
    var text = "\"" + VALUE + "\"";

    assertThat(json.writeValueAsString(new RegistrationId(VALUE))).isEqualTo(text);
    assertThat(json.readValue(text, RegistrationId.class)).isEqualTo(new RegistrationId(VALUE));
  }
}

package no.forlop.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class OrganisationNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"983974899", "1", "unit-a", "HF:12.3", "a234567890123456789012345678901234567890"})
  void takes_what_the_pathway_has_always_taken(String text) {
    assertThat(OrganisationNumber.of(text).value()).isEqualTo(text);
    assertThat(OrganisationNumber.problemWith(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Fjordby HF",
        "",
        " 983974899",
        "-983974899",
        "Ålesund",
        "a2345678901234567890123456789012345678901"
      })
  void refuses_the_rest_as_an_invalid_organisation_naming_the_text(String text) {
    var refused =
        catchThrowableOfType(
            InvalidPathwayRequestException.class, () -> OrganisationNumber.of(text));

    assertThat(refused.problem())
        .isEqualTo(InvalidPathwayRequestException.Problem.INVALID_ORGANISATION);
    assertThat(refused.args()).isEqualTo(List.of(text));
    assertThat(OrganisationNumber.problemWith(text)).contains(refused.getMessage());
  }

  @Test
  void refuses_no_organisation_as_the_text_null() {
    var refused =
        catchThrowableOfType(
            InvalidPathwayRequestException.class, () -> new OrganisationNumber(null));

    assertThat(refused.args()).isEqualTo(List.of("null"));
  }

  @Test
  void json_has_the_plain_text_both_ways() {
    var json = JsonMapper.builder().build();

    assertThat(json.writeValueAsString(OrganisationNumber.of("983974899")))
        .isEqualTo("\"983974899\"");
    assertThat(json.readValue("\"983974899\"", OrganisationNumber.class))
        .isEqualTo(OrganisationNumber.of("983974899"));
    assertThat(OrganisationNumber.of("983974899")).hasToString("983974899");
  }
}

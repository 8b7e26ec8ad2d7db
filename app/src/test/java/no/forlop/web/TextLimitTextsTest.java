package no.forlop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The page texts for a text that is too long name its limit in words ("høyst 2 000 tegn"): they
 * must say the limit {@link TextLimits} holds, in both languages, or a changed limit leaves the
 * message telling the user a wrong number.
 */
class TextLimitTextsTest {

  private static final Map<String, Integer> LIMITS =
      Map.of(
          "form.error.tooLong.note", TextLimits.NOTE,
          "form.error.tooLong.reason", TextLimits.REASON,
          "form.error.tooLong.search", TextLimits.SEARCH,
          "form.error.tooLong.short", TextLimits.SHORT,
          "form.error.tooLong.parameter", TextLimits.ANY_PARAMETER);

  @Test
  void every_too_long_text_names_the_limit_the_code_holds() throws IOException {
    var norwegian = load("/messages.properties");
    var english = load("/messages_en.properties");
    LIMITS.forEach(
        (key, limit) -> {
          var grouped = String.format(java.util.Locale.ROOT, "%,d", limit);
          assertThat(norwegian.getProperty(key)).as(key).contains(grouped.replace(',', ' '));
          assertThat(english.getProperty(key)).as(key).contains(grouped);
        });
  }

  private static Properties load(String resource) throws IOException {
    var properties = new Properties();
    try (var in = TextLimitTextsTest.class.getResourceAsStream(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}

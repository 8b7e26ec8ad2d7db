package no.forlop.ingest.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reason the intake gives has a text in Norwegian bokmål and in English: the codes written in
 * the code have both, both files have the same keys, and every text survives MessageFormat.
 */
class IntakeTextsTest {

  private static final Path RESOURCES = Path.of("src/main/resources");
  private static final Path SOURCES = Path.of("src/main/java/no/forlop/ingest");

  /** A reason code given where a reason is made. */
  private static final Pattern CODE =
      Pattern.compile(
          "(?:IntakeReason\\.(?:of|variant)|\\.rejected|\\.ignored|reading\\.rejected"
              + "|reading\\.ignored|rejected|ignored|InvalidDate)\\(\\s*\"([A-Z][A-Z0-9_]+)\"");

  /** A reason of the FHIR endpoint's own, with its variant if any. */
  private static final Pattern ENDPOINT =
      Pattern.compile(
          "Problem\\.(?:badRequest|text)\\(\\s*\"([A-Z][A-Z0-9_]+)\"(?:,\\s*\"(\\w+)\")?"
              + "|Problem\\.(?:badRequestVariant|badEntry)\\(\\s*\"([A-Z][A-Z0-9_]+)\",\\s*"
              + "(?:\"(\\w+)\"|null)");

  /** A phrase key given where a phrase is made. */
  private static final Pattern PHRASE = Pattern.compile("Phrase\\.of\\(\\s*\"([a-zA-Z.]+)\"");

  @Test
  void both_languages_have_the_same_keys() throws IOException {
    var norwegian = load("messages-intake.properties");
    var english = load("messages-intake_en.properties");

    assertThat(new TreeSet<>(norwegian.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
  }

  @Test
  void every_code_and_phrase_the_intake_uses_has_a_text() throws IOException {
    var keys = load("messages-intake.properties").stringPropertyNames();
    var missing = new TreeSet<String>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        var source = Files.readString(file);
        var codes = CODE.matcher(source);
        while (codes.find()) {
          if (!keys.contains("intake." + codes.group(1))) {
            missing.add(file.getFileName() + ": intake." + codes.group(1));
          }
        }
        var endpoint = ENDPOINT.matcher(source);
        while (endpoint.find()) {
          var reason = endpoint.group(1) != null ? endpoint.group(1) : endpoint.group(3);
          var variant = endpoint.group(3) != null ? endpoint.group(4) : null;
          var key = "fhir." + reason + (variant == null ? "" : "." + variant);
          if (!keys.contains(key) && !keys.contains("fhir." + reason)) {
            missing.add(file.getFileName() + ": " + key);
          }
        }
        var phrases = PHRASE.matcher(source);
        while (phrases.find()) {
          var key = "intake." + phrases.group(1);
          if (!key.endsWith(".") && keys.stream().noneMatch(k -> k.startsWith(key))) {
            missing.add(file.getFileName() + ": " + key);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void every_text_formats_without_losing_a_character() throws IOException {
    for (var file : new String[] {"messages-intake.properties", "messages-intake_en.properties"}) {
      var texts = load(file);
      for (var key : texts.stringPropertyNames()) {
        var pattern = texts.getProperty(key);
        assertThat(pattern).as(key).doesNotContain("'");
        var formatted =
            new MessageFormat(pattern, Locale.ROOT).format(new Object[] {"A", "B", "C", "D"});
        assertThat(formatted).as(key).doesNotContain("{");
      }
    }
  }

  @Test
  void every_reason_code_is_explained_in_the_intake_documentation() throws IOException {
    var documentation = Files.readString(Path.of("../docs/fhir/README.md"));
    var unexplained = new TreeSet<String>();
    for (var key : load("messages-intake_en.properties").stringPropertyNames()) {
      var code = key.split("\\.")[1];
      if (code.matches("[A-Z][A-Z0-9_]+") && !documentation.contains("`" + code + "`")) {
        unexplained.add(code);
      }
    }
    assertThat(unexplained).isEmpty();
  }

  private static Properties load(String name) throws IOException {
    var properties = new Properties();
    try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}

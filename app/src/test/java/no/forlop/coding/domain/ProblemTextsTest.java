package no.forlop.coding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every derivation problem has a text in Norwegian bokmål and in English: each code has both, both
 * files have the same keys and no key without a code, and every text survives MessageFormat.
 */
class ProblemTextsTest {

  private static final Path RESOURCES = Path.of("src/main/resources");

  @Test
  void every_problem_code_has_a_text_in_both_languages() throws IOException {
    var norwegian = load("messages-derivation.properties");
    var english = load("messages-derivation_en.properties");
    for (var code : ProblemCode.values()) {
      assertThat(norwegian.getProperty(code.key())).as("nb " + code).isNotBlank();
      assertThat(english.getProperty(code.key())).as("en " + code).isNotBlank();
    }
  }

  @Test
  void both_languages_have_the_same_keys_each_of_a_problem_code_or_a_note() throws IOException {
    var norwegian = new TreeSet<>(load("messages-derivation.properties").stringPropertyNames());
    var english = new TreeSet<>(load("messages-derivation_en.properties").stringPropertyNames());
    var codes = new TreeSet<>(Arrays.stream(ProblemCode.values()).map(ProblemCode::key).toList());
    Arrays.stream(DerivationNote.values()).map(DerivationNote::key).forEach(codes::add);

    assertThat(norwegian).isEqualTo(english).isEqualTo(codes);
  }

  @Test
  void every_text_formats_without_losing_a_character() throws IOException {
    for (var file :
        List.of("messages-derivation.properties", "messages-derivation_en.properties")) {
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
  void a_problem_renders_itself_in_norwegian_by_default_and_in_english_on_request() {
    var problem =
        DerivationResult.Problem.of(
            "ServiceRequest/sr1", ProblemCode.UNKNOWN_PATHWAY_CODE, "A99A", "2026.1");

    assertThat(problem.text(Locale.forLanguageTag("nb")))
        .isEqualTo("har forløpskoden A99A, som katalogen (versjon 2026.1) ikke har");
    assertThat(problem.text(Locale.GERMAN)).isEqualTo(problem.text(ProblemCode.NORWEGIAN));
    assertThat(problem.text(Locale.UK))
        .isEqualTo(
            "carries the pathway code A99A, which the catalogue (version 2026.1) does not have");
    assertThat(problem.reason()).isEqualTo(problem.text(Locale.ENGLISH));
  }

  @Test
  void every_note_has_a_text_in_both_languages() throws IOException {
    var norwegian = load("messages-derivation.properties");
    var english = load("messages-derivation_en.properties");
    for (var note : DerivationNote.values()) {
      assertThat(norwegian.getProperty(note.key())).as("nb " + note).isNotBlank();
      assertThat(english.getProperty(note.key())).as("en " + note).isNotBlank();
    }
  }

  @Test
  void a_refused_code_says_why_in_the_language_of_the_reader() {
    var problem =
        new DerivationResult.Problem(
            "Procedure/p1",
            ProblemCode.CODE_REFUSED,
            ProblemCode.CODE_REFUSED.withRemark(
                List.of("S", "2026-03-02"),
                no.forlop.pathway.Remark.of(
                    no.forlop.pathway.Rejection.of(
                        no.forlop.pathway.Rejection.Reason.START_MISSING, "A12S", "2026-03-02"))));

    assertThat(problem.text(ProblemCode.NORWEGIAN))
        .isEqualTo(
            "gir S den 2026-03-02, som ikke kan registreres, heller ikke som forslag: A12S"
                + " (2026-03-02) kan ikke registreres før forløpet er startet (ingen startkode).");
    assertThat(problem.reason())
        .isEqualTo(
            "gives S on 2026-03-02, which cannot be registered even as a proposal: A12S"
                + " (2026-03-02) cannot be registered before the pathway has started (no start"
                + " code).");
  }

  @Test
  void a_refused_code_stored_before_remarks_had_keys_keeps_its_english_text() {
    var problem =
        DerivationResult.Problem.of(
            "Procedure/p1", ProblemCode.CODE_REFUSED, "S", "2026-03-02", "Some old text.");

    assertThat(problem.text(ProblemCode.NORWEGIAN))
        .endsWith("heller ikke som forslag: Some old text.");
  }

  private static Properties load(String name) throws IOException {
    var properties = new Properties();
    try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(name), StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}

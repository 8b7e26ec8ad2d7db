package no.forlop.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import no.forlop.coding.domain.DerivationNote;
import no.forlop.mdt.domain.MdtNote;
import no.forlop.pathway.Rejection.Reason;
import no.forlop.pathway.domain.ReconciliationRemark;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * A remark Forløp writes itself is read in the reader's language; a person's words stay as written;
 * in JSON every remark is its English text.
 */
class RemarkTest {

  private static final Locale NORWEGIAN = Locale.forLanguageTag("nb");

  @Test
  void every_remark_forlop_writes_has_its_own_text_in_norwegian_and_in_english() {
    var keys =
        Stream.of(
                Stream.of(ReconciliationRemark.values()).map(ReconciliationRemark::key),
                Stream.of(DerivationNote.values()).map(DerivationNote::key),
                Stream.of(MdtNote.values()).map(MdtNote::key),
                Stream.of(Reason.values()).map(r -> "rejection." + r.name()))
            .flatMap(s -> s)
            .toList();
    for (var key : keys) {
      var norwegian = Remark.pattern(key, NORWEGIAN);
      var english = Remark.pattern(key, Locale.ENGLISH);
      assertThat(norwegian).as("nb " + key).isNotBlank();
      assertThat(english).as("en " + key).isNotBlank().isNotEqualTo(norwegian);
    }
  }

  @Test
  void a_remark_of_forlops_own_reads_in_norwegian_unless_english_is_asked_for() {
    var remark = ReconciliationRemark.DIFFERS_FROM_PERSON.with("A12S", "2026-03-02");

    assertThat(remark.text(NORWEGIAN))
        .isEqualTo("Avviker fra koden en person har registrert: A12S 2026-03-02");
    assertThat(remark.text(Locale.GERMAN)).isEqualTo(remark.text(NORWEGIAN));
    assertThat(remark.text(Locale.UK))
        .isEqualTo("Differs from the code a person registered: A12S 2026-03-02");
    assertThat(remark.english()).isEqualTo(remark.text(Locale.ENGLISH));
  }

  @Test
  void a_rejection_becomes_a_remark_with_the_same_text_as_the_rejection() {
    var rejection = Rejection.of(Reason.DECISION_MISSING, "A12T", "2026-04-01");

    assertThat(Remark.of(rejection).english()).isEqualTo(rejection.englishText());
    assertThat(Remark.of(rejection).text(NORWEGIAN))
        .isEqualTo("A12T (2026-04-01) krever en klinisk beslutning før den.");
  }

  @Test
  void a_persons_words_stay_as_written_in_every_language() {
    var remark = Remark.written("Feil dato, se epikrise");

    assertThat(remark.isWritten()).isTrue();
    assertThat(remark.text(Locale.ENGLISH)).isEqualTo("Feil dato, se epikrise");
    assertThat(remark.text(NORWEGIAN)).isEqualTo("Feil dato, se epikrise");
    assertThatThrownBy(() -> new Remark(null, List.of("a", "b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_number_the_text_chooses_by_is_read_as_a_number() {
    var remark =
        new Remark(
            "problem.PATHWAY_ALREADY_OPEN",
            List.of(
                "A12",
                "Tykk- og endetarmskreft",
                "Colorectal cancer",
                "974589095",
                "2026-03-02",
                "1"));

    assertThat(remark.text(Locale.ENGLISH))
        .isEqualTo(
            "The patient already has an open pathway at 974589095: Colorectal cancer (A12,"
                + " started 2026-03-02). Close or correct it before opening another.");
  }

  @Test
  void a_key_no_message_file_has_is_shown_with_its_arguments_rather_than_lost() {
    assertThat(Remark.of("remark.NOT_THERE", "x").text(NORWEGIAN))
        .isEqualTo("remark.NOT_THERE [x]");
  }

  @Test
  void in_json_a_remark_is_its_english_text() {
    var json =
        JsonMapper.builder().build().writeValueAsString(ReconciliationRemark.SAME_AS_PERSON.with());

    assertThat(json).isEqualTo("\"A person registered the same code\"");
  }
}

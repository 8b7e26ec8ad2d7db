package no.forlop.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the entry-criteria file must be: each refusal, and the smallest file that is accepted. */
class EntryCriteriaValidationTest {

  private static final Set<String> CATALOGUE = Set.of("colorectal", "lung", "mh-adults");

  private static final String VALID =
      """
      version: "test-1"
      published: 2026-12-07
      pathways:
        - pathway: colorectal
          signs:
            - {id: c-sign, text: {nb: "Tegn", en: "Sign"}, verified: true, source: "https://www.helsedirektoratet.no/a", read: 2026-12-07}
          filterSteps:
            - {id: c-filter, text: {nb: "Steg", en: "Step"}, doneBy: GP, verified: false, source: "http://oncolex.no/b", read: 2026-12-07, note: "Secondary: Oncolex."}
          criteria:
            requires:
              - {id: c-age, text: {nb: "Over 40 år", en: "Over 40"}, verified: true, source: "https://helsedirektoratet.no/c", read: 2026-12-06}
            anyOf:
              - {id: c-bleeding, text: {nb: "Blødning", en: "Bleeding"}, verified: true, source: "https://www.helsedirektoratet.no/c", read: 2026-12-07}
          referralContent:
            - {id: c-hb, text: {nb: "Hb", en: "Hb"}, verified: false, source: "http://oncolex.no/b", read: 2026-12-07, note: "Secondary."}
        - pathway: lung
          criteria:
            anyOf:
              - {id: l-imaging, text: {nb: "Bilde", en: "Image"}, verified: false, source: "http://oncolex.no/l", read: 2026-12-07, note: "Secondary."}
          unknownSections:
            SIGNS: "Searched X."
            FILTER_STEPS: "Searched Y."
            REFERRAL_CONTENT: "Searched Z."
        - pathway: mh-adults
          unknown: "Searched the directorate's pages."
      """;

  private static EntryCriteria parse(String yaml) {
    return EntryCriteriaParser.parse(yaml.getBytes(StandardCharsets.UTF_8), CATALOGUE);
  }

  private static List<String> problems(String yaml) {
    var refused = catchThrowableOfType(InvalidEntryCriteriaException.class, () -> parse(yaml));
    assertThat(refused).as("the document should be refused").isNotNull();
    return refused.problems();
  }

  @Test
  void the_smallest_valid_file_is_accepted() {
    var criteria = parse(VALID);
    assertThat(criteria.version()).isEqualTo("test-1");
    assertThat(criteria.checksum()).hasSize(64);
    assertThat(criteria.pathway("colorectal").orElseThrow().criteriaKnown()).isTrue();
    assertThat(criteria.pathway("mh-adults").orElseThrow().criteriaKnown()).isFalse();
    assertThat(criteria.pathway("breast")).isEmpty();
  }

  @Test
  void an_item_without_a_source_is_refused() {
    assertThat(
            problems(
                VALID.replace(
                    ", source: \"http://oncolex.no/b\", read: 2026-12-07, note: \"Secondary: Oncolex.\"",
                    ", read: 2026-12-07, note: \"Secondary: Oncolex.\"")))
        .containsExactly(
            "pathways[colorectal].filterSteps[c-filter]: names no source; every item needs the page it was read on");
  }

  @Test
  void a_source_that_is_not_a_web_address_is_refused() {
    assertThat(problems(VALID.replace("\"http://oncolex.no/l\"", "\"Oncolex\"")))
        .containsExactly(
            "pathways[lung].criteria.anyOf[l-imaging]: has a source that is not an http(s) address: Oncolex");
  }

  @Test
  void a_verified_item_must_come_from_the_directorate_and_a_look_alike_host_does_not_count() {
    assertThat(
            problems(
                VALID.replace(
                    "source: \"https://www.helsedirektoratet.no/a\"",
                    "source: \"https://oncolex.no/a\"")))
        .singleElement()
        .asString()
        .contains(
            "c-sign",
            "is verified, but its source is not Helsedirektoratet's own text (oncolex.no)");
    assertThat(
            problems(
                VALID.replace(
                    "https://www.helsedirektoratet.no/a", "https://nothelsedirektoratet.no/a")))
        .singleElement()
        .asString()
        .contains("(nothelsedirektoratet.no)");
    // the bare host and its subdomains are the directorate's
    assertThatCode(
            () ->
                parse(
                    VALID.replace(
                        "https://www.helsedirektoratet.no/a", "https://helsedirektoratet.no/a")))
        .doesNotThrowAnyException();
  }

  @Test
  void an_unverified_item_must_say_why_in_a_note() {
    assertThat(
            problems(
                VALID.replace(
                    "\"http://oncolex.no/b\", read: 2026-12-07, note: \"Secondary.\"",
                    "\"http://oncolex.no/b\", read: 2026-12-07")))
        .containsExactly(
            "pathways[colorectal].referralContent[c-hb]: is not verified; its note must say why (a secondary source, which one)");
  }

  @Test
  void an_item_needs_the_date_it_was_read_and_it_cannot_be_after_publication() {
    assertThat(
            problems(
                VALID.replace(
                    "source: \"http://oncolex.no/l\", read: 2026-12-07",
                    "source: \"http://oncolex.no/l\"")))
        .containsExactly(
            "pathways[lung].criteria.anyOf[l-imaging]: needs the date its source was read ('read')");
    assertThat(problems(VALID.replace("read: 2026-12-06", "read: 2026-12-08")))
        .containsExactly(
            "pathways[colorectal].criteria.requires[c-age]: was read on 2026-12-08, after the file was published (2026-12-07)");
  }

  @Test
  void a_pathway_the_catalogue_does_not_know_is_refused() {
    assertThat(problems(VALID.replace("- pathway: lung", "- pathway: lungs")))
        .singleElement()
        .asString()
        .startsWith(
            "pathways[lungs]: is not a pathway of the catalogue (its pathway ids: colorectal, lung, mh-adults)");
  }

  @Test
  void a_pathway_twice_is_refused() {
    assertThat(problems(VALID + "  - pathway: mh-adults\n    unknown: \"Again.\"\n"))
        .containsExactly("pathways[mh-adults]: appears twice; give each pathway one entry");
  }

  @Test
  void a_duplicate_item_id_is_refused_even_across_pathways() {
    assertThat(problems(VALID.replace("id: l-imaging", "id: c-bleeding")))
        .containsExactly(
            "pathways[lung].criteria.anyOf[c-bleeding]: has the id 'c-bleeding', which is already used; ids are unique in the file");
  }

  @Test
  void an_item_needs_both_languages_and_a_plain_id() {
    assertThat(problems(VALID.replace("{nb: \"Hb\", en: \"Hb\"}", "{nb: \"Hb\"}")))
        .containsExactly(
            "pathways[colorectal].referralContent[c-hb]: needs its text in Norwegian bokmål (nb) and English (en)");
    assertThat(problems(VALID.replace("id: c-hb", "id: C_Hb")))
        .singleElement()
        .asString()
        .contains("needs an id of lower-case letters, digits and '-', was C_Hb");
  }

  @Test
  void an_empty_part_must_be_marked_unknown_and_a_marked_part_must_be_empty() {
    assertThat(problems(VALID.replace("      SIGNS: \"Searched X.\"\n", "")))
        .containsExactly(
            "pathways[lung]: has no SIGNS; list it under unknownSections with what was searched");
    assertThat(
            problems(
                VALID.replace(
                    "    referralContent:\n",
                    "    unknownSections:\n      CRITERIA: \"x\"\n    referralContent:\n")))
        .containsExactly(
            "pathways[colorectal].unknownSections.CRITERIA: is marked unknown but has items");
    assertThat(problems(VALID.replace("SIGNS: \"Searched X.\"", "SIGNS: \" \"")))
        .containsExactly("pathways[lung].unknownSections.SIGNS: must say what was searched");
  }

  @Test
  void a_pathway_marked_unknown_has_no_parts_and_one_with_nothing_known_must_say_unknown() {
    assertThat(
            problems(
                VALID.replace(
                    "unknown: \"Searched the directorate's pages.\"",
                    "unknown: \"x\"\n    unknownSections: {SIGNS: \"y\"}")))
        .containsExactly("pathways[mh-adults]: is marked unknown but has unknownSections");
    assertThat(
            problems(
                VALID.replace(
                    "unknown: \"Searched the directorate's pages.\"",
                    "unknownSections: {SIGNS: a, FILTER_STEPS: b, CRITERIA: c, REFERRAL_CONTENT: d}")))
        .containsExactly(
            "pathways[mh-adults]: has nothing known; mark the whole pathway 'unknown' instead");
  }

  @Test
  void a_filter_step_must_say_who_does_it() {
    assertThat(problems(VALID.replace("doneBy: GP, ", "")))
        .containsExactly(
            "pathways[colorectal].filterSteps[c-filter]: must say who does it (doneBy: GP or SPECIALIST)");
  }

  @Test
  void unknown_fields_and_unknown_sections_are_refused_with_the_place() {
    assertThat(problems(VALID.replace("    signs:\n", "    sign:\n")))
        .singleElement()
        .asString()
        .startsWith("unknown field 'sign' at pathways[0]");
    assertThat(problems(VALID.replace("SIGNS: \"Searched X.\"", "SYMPTOMS: \"Searched X.\"")))
        .singleElement()
        .asString()
        .startsWith("cannot read the document at pathways[1].unknownSections");
  }

  @Test
  void the_version_and_publication_date_are_required() {
    assertThat(problems(VALID.replace("version: \"test-1\"", "version: \"a b\"")))
        .containsExactly("version: must be 1–40 letters, digits, '.', '-' or '_', was a b");
    assertThat(problems(VALID.replace("published: 2026-12-07\n", "")))
        .contains("published: is missing (the date this version was published)");
    assertThat(problems("")).containsExactly("the document is empty");
    assertThat(problems("# only a comment\n")).containsExactly("the document is empty");
  }
}

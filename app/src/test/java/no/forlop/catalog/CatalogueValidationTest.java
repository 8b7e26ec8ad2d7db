package no.forlop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import no.forlop.calendar.DayType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CatalogueValidationTest {

  /** One scheme, one pathway and the smallest set of things they refer to. */
  private static final String VALID =
      """
      # A minimal catalogue for tests.
      version: "test-1"
      published: 2026-01-01
      treatmentTypes:
        - {id: SURGICAL, names: {nb: "Kirurgisk behandling"}}
        - {id: DRUG, names: {nb: "Medikamentell behandling"}}
      normVariants:
        - {id: OUTPATIENT, names: {nb: "Poliklinikk"}}
      indicators:
        - {id: OF1, from: PATHWAY_START, to: FIRST_ATTENDANCE, names: {nb: "OF1"}, verified: true, source: "https://example.org/of"}
        - {id: OF2, from: FIRST_ATTENDANCE, to: CLINICAL_DECISION, names: {nb: "OF2"}, verified: true, source: "https://example.org/of"}
        - {id: OF3, from: CLINICAL_DECISION, to: TREATMENT_START, perTreatment: true, names: {nb: "OF3"}, verified: true, source: "https://example.org/of"}
      schemes:
        - id: CANCER_ORGAN
          names: {nb: "Organspesifikk kreft"}
          maxClinicalDecisions: 1
          indicators: [OF1, OF3]
          codes:
            - {suffix: A, milestone: PATHWAY_START, names: {nb: "Start"}, verified: true, source: "https://example.org/codes"}
            - {suffix: CK, milestone: CLINICAL_DECISION, permitsTreatment: true, names: {nb: "Klinisk beslutning"}}
            - {suffix: FK, milestone: TREATMENT_START, treatment: SURGICAL, names: {nb: "Kirurgisk behandling start"}}
      pathways:
        - id: colorectal
          codePrefix: {value: A12, verified: true, source: "https://example.org/a12"}
          names: {nb: "Tykk- og endetarmskreft"}
          kind: CANCER
          scheme: CANCER_ORGAN
          validFrom: {value: 2015-01-01, verified: true, source: "https://example.org/start"}
          icd10:
            - {from: C18, to: C20}
          leadTimes:
            - {indicator: OF1, days: 9, dayType: CALENDAR, verified: true, source: "https://example.org/of1"}
      """;

  private static final String NORM_OF1 =
      "- {indicator: OF1, days: 9, dayType: CALENDAR, verified: true, source: \"https://example.org/of1\"}";

  /** The document with one piece of text replaced; the piece must occur exactly once. */
  private static String replace(String document, String target, String replacement) {
    assertThat(document.split(Pattern.quote(target), -1))
        .as("'%s' occurs exactly once", target)
        .hasSize(2);
    return document.replace(target, replacement);
  }

  private static String valid(String target, String replacement) {
    return replace(VALID, target, replacement);
  }

  /** The valid document with the one norm replaced by these (flow-style) norms. */
  private static String withNorms(String... norms) {
    return valid(NORM_OF1, String.join("\n      ", norms));
  }

  /**
   * The valid document with a second pathway (id {@code second}); each argument is a YAML scalar,
   * so {@code "null"} leaves the value unknown.
   */
  private static String withSecondPathway(String prefix, String validFrom, String validTo) {
    return VALID
        + """
          - id: second
            codePrefix: {value: %s}
            names: {nb: "Et annet forløp"}
            kind: CANCER
            scheme: CANCER_ORGAN
            validFrom: {value: %s}
            validTo: {value: %s}
        """
            .formatted(prefix, validFrom, validTo);
  }

  private static Catalogue parse(String document) {
    return CatalogueParser.parse(document.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> problems(String document) {
    var refusal = catchThrowableOfType(InvalidCatalogueException.class, () -> parse(document));
    assertThat(refusal).as("the document is refused").isNotNull();
    assertThat(refusal.getMessage()).contains(refusal.problems());
    return refusal.problems();
  }

  private static void assertRefused(String document, String place, String what) {
    assertThat(problems(document)).singleElement(STRING).startsWith(place + ": ").contains(what);
  }

  // ------------------------------------------------------------------ valid documents

  @Test
  void a_valid_document_parses() {
    var catalogue = parse(VALID);

    assertThat(catalogue.version()).isEqualTo("test-1");
    assertThat(catalogue.document().published()).isEqualTo(LocalDate.of(2026, 1, 1));
    var pathway = catalogue.pathway("colorectal").orElseThrow();
    assertThat(pathway.prefix()).contains("A12");
    assertThat(pathway.validTo().value()).isNull();
    assertThat(catalogue.codesOf(pathway))
        .extracting(CodeDefinition::key)
        .containsExactly("A", "CK", "FK");
    assertThat(catalogue.normsFor(pathway, "OF1", LocalDate.of(2020, 1, 1)))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.days()).isEqualTo(9);
              assertThat(n.dayType()).isEqualTo(DayType.CALENDAR);
              assertThat(n.usable()).isTrue();
            });
    assertThat(catalogue.pathwaysForIcd10("C19", LocalDate.of(2020, 1, 1)))
        .containsExactly(pathway);
    assertThat(catalogue.pathwaysForIcd10("C19", LocalDate.of(2014, 12, 31))).isEmpty();
  }

  @Test
  void a_document_in_json_is_accepted_as_well_as_yaml() {
    var json =
        """

        {
          "version": "test-json",
          "indicators": [{"id": "OF1", "from": "PATHWAY_START", "to": "FIRST_ATTENDANCE",
                          "names": {"nb": "OF1"}}],
          "schemes": [{"id": "S", "names": {"nb": "Ordning"}, "maxClinicalDecisions": 1,
                       "indicators": ["OF1"],
                       "codes": [{"suffix": "A", "milestone": "PATHWAY_START",
                                  "names": {"nb": "Start"}}]}],
          "pathways": [{"id": "colorectal",
                        "codePrefix": {"value": "A12", "verified": false},
                        "names": {"nb": "Tykk- og endetarmskreft"}, "kind": "CANCER",
                        "scheme": "S", "validFrom": {"value": "2015-01-01"},
                        "leadTimes": [{"indicator": "OF1", "days": 9, "dayType": "CALENDAR"}]}]
        }
        """;

    var catalogue = parse(json);

    assertThat(catalogue.version()).isEqualTo("test-json");
    assertThat(catalogue.resolve("A12A", LocalDate.of(2020, 1, 1)))
        .hasValueSatisfying(r -> assertThat(r.pathway().id()).isEqualTo("colorectal"));
  }

  @Test
  void a_json_document_is_checked_as_strictly_as_yaml() {
    var json =
        """
        {"version": "test-json", "pathway": []}
        """;

    assertThat(problems(json))
        .singleElement(STRING)
        .startsWith("unknown field 'pathway' at the top level");
  }

  @Test
  void the_checksum_is_the_sha_256_of_the_bytes_as_loaded() throws Exception {
    var bytes = VALID.getBytes(StandardCharsets.UTF_8);
    var expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

    assertThat(CatalogueParser.parse(bytes).checksum()).isEqualTo(expected);
  }

  @Test
  void the_checksum_changes_when_one_byte_changes() {
    var bytes = VALID.getBytes(StandardCharsets.UTF_8);
    var changed = bytes.clone();
    var at = VALID.indexOf("tests.");
    assertThat(changed[at]).isEqualTo((byte) 't');
    changed[at] = 'T'; // in the comment: the same catalogue, other bytes

    var original = CatalogueParser.parse(bytes);
    var other = CatalogueParser.parse(changed);

    assertThat(other.document()).isEqualTo(original.document());
    assertThat(other.checksum()).isNotEqualTo(original.checksum());
  }

  // ------------------------------------------------------------------ unreadable documents

  @Test
  void an_unknown_field_at_the_top_level_is_refused() {
    assertThat(problems("colour: blue\n" + VALID))
        .singleElement(STRING)
        .startsWith("unknown field 'colour' at the top level (the entry ends on line ")
        .contains("known fields: [version, published,");
  }

  @Test
  void a_misspelt_field_in_a_pathway_is_refused_with_its_place() {
    assertThat(problems(valid("    leadTimes:\n", "    leadTime:\n")))
        .singleElement(STRING)
        .startsWith("unknown field 'leadTime' at pathways[0] (the entry ends on line ")
        .contains("leadTimes");
  }

  @Test
  void an_unknown_field_in_a_norm_is_refused_with_its_place() {
    assertThat(problems(valid("days: 9,", "days: 9, weeks: 2,")))
        .singleElement(STRING)
        .startsWith("unknown field 'weeks' at pathways[0].leadTimes[0] (");
  }

  @Test
  void a_value_of_the_wrong_type_is_refused_with_its_place() {
    assertThat(problems(valid("kind: CANCER", "kind: TUMOUR")))
        .singleElement(STRING)
        .startsWith("cannot read the document at pathways[0].kind");
  }

  @Test
  void a_field_written_twice_is_refused() {
    assertThat(problems(valid("published: 2026-01-01\n", "published: 2026-01-01\nversion: x\n")))
        .singleElement(STRING)
        .startsWith("cannot read the document at the top level (line 4)")
        .contains("Duplicate")
        .contains("\"version\"");
  }

  @Test
  void a_field_written_twice_in_a_pathway_is_refused() {
    assertThat(problems(valid("    kind: CANCER\n", "    kind: CANCER\n    kind: METASTASES\n")))
        .singleElement(STRING)
        .startsWith("cannot read the document at pathways[0]")
        .contains("Duplicate")
        .contains("\"kind\"");
  }

  @Test
  void a_field_written_twice_in_json_is_refused() {
    assertThat(problems("{\"version\": \"a\", \"version\": \"b\"}"))
        .singleElement(STRING)
        .contains("Duplicate")
        .contains("\"version\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"this is not a catalogue", "[1, 2, 3]", "version: [unclosed", "{\"a\":"})
  void a_document_that_is_not_a_catalogue_at_all_is_refused(String text) {
    assertThat(problems(text)).singleElement(STRING).startsWith("cannot read the document");
  }

  @Test
  void a_binary_file_is_refused() {
    var bytes = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13};
    var refusal =
        catchThrowableOfType(InvalidCatalogueException.class, () -> CatalogueParser.parse(bytes));

    assertThat(refusal).isNotNull();
    assertThat(refusal.problems()).singleElement(STRING).startsWith("cannot read the document");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   \n", "# only a comment\n"})
  void a_document_without_content_is_refused(String text) {
    assertThat(problems(text))
        .singleElement(STRING)
        .startsWith("cannot read the document at the top level")
        .contains("end-of-input");
  }

  @ParameterizedTest
  @ValueSource(strings = {"---\n", "null\n"})
  void an_empty_yaml_document_is_refused(String text) {
    assertThat(problems(text)).containsExactly("the document is empty");
  }

  // ------------------------------------------------------------------ the version and references

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"2026 11\"", "\".hidden\"", "\"2026/11\"", "null"})
  void a_bad_version_label_is_refused(String label) {
    assertRefused(valid("version: \"test-1\"", "version: " + label), "version", "must be");
  }

  @Test
  void a_missing_version_label_is_refused() {
    assertRefused(valid("version: \"test-1\"\n", ""), "version", "must be");
  }

  @Test
  void a_pathway_referring_to_an_unknown_scheme_is_refused() {
    assertRefused(
        valid("scheme: CANCER_ORGAN", "scheme: CANCER_ORGANS"),
        "pathways[colorectal]",
        "unknown scheme 'CANCER_ORGANS'");
  }

  @Test
  void two_pathways_with_the_same_id_are_refused() {
    var document =
        replace(
            withSecondPathway("null", "2015-01-01", "null"), "- id: second", "- id: colorectal");

    assertThat(problems(document)).containsExactly("pathways[colorectal]: the id appears twice");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A1", "A123", "a12", "12A", "AB1", "A12CK"})
  void a_code_prefix_in_the_wrong_format_is_refused(String prefix) {
    assertRefused(
        valid("value: A12,", "value: \"" + prefix + "\","),
        "pathways[colorectal].codePrefix",
        "must be a capital letter and two digits, was '" + prefix + "'");
  }

  // ------------------------------------------------------------------ code prefixes in time

  @Test
  void the_same_prefix_in_overlapping_periods_is_refused() {
    assertRefused(
        withSecondPathway("A12", "2020-01-01", "null"),
        "pathways[second]",
        "code prefix A12 is also used by colorectal in the same period");
  }

  @Test
  void the_same_prefix_sharing_a_single_day_is_refused() {
    var document =
        replace(
            withSecondPathway("A12", "2020-01-01", "null"),
            "validFrom: {value: 2015-01-01, verified: true, source: \"https://example.org/start\"}",
            "validFrom: {value: 2015-01-01}\n    validTo: {value: 2020-01-01}");

    assertRefused(document, "pathways[second]", "code prefix A12 is also used by colorectal");
  }

  @Test
  void the_same_prefix_in_periods_that_do_not_overlap_is_accepted_and_resolved_by_date() {
    var document =
        replace(
            withSecondPathway("A12", "2020-01-01", "null"),
            "validFrom: {value: 2015-01-01, verified: true, source: \"https://example.org/start\"}",
            "validFrom: {value: 2015-01-01}\n    validTo: {value: 2019-12-31}");

    var catalogue = parse(document);

    assertThat(catalogue.pathwayByPrefix("A12", LocalDate.of(2019, 12, 31)))
        .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("colorectal"));
    assertThat(catalogue.pathwayByPrefix("A12", LocalDate.of(2020, 1, 1)))
        .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("second"));
    assertThat(catalogue.resolve("A12CK", LocalDate.of(2020, 1, 1)))
        .hasValueSatisfying(r -> assertThat(r.pathway().id()).isEqualTo("second"));
  }

  @Test
  void pathways_whose_prefix_is_unknown_are_not_compared() {
    var document =
        replace(withSecondPathway("null", "2015-01-01", "null"), "value: A12,", "value: null,");

    assertThatCode(() -> parse(document)).doesNotThrowAnyException();
  }

  // ------------------------------------------------------------------ dates

  @Test
  void a_pathway_valid_to_before_valid_from_is_refused() {
    assertRefused(
        withSecondPathway("A13", "2020-01-01", "2019-12-31"),
        "pathways[second]",
        "valid to 2019-12-31 is before valid from 2020-01-01");
  }

  @Test
  void a_pathway_valid_for_a_single_day_is_accepted() {
    assertThatCode(() -> parse(withSecondPathway("A13", "2020-01-01", "2020-01-01")))
        .doesNotThrowAnyException();
  }

  @Test
  void a_code_valid_to_before_valid_from_is_refused() {
    assertRefused(
        valid("{suffix: CK,", "{suffix: CK, validFrom: 2021-05-01, validTo: 2021-04-30,"),
        "schemes[CANCER_ORGAN].codes[CK]",
        "valid to 2021-04-30 is before valid from 2021-05-01");
  }

  @Test
  void a_code_change_valid_to_before_valid_from_is_refused() {
    var document =
        valid(
            "    icd10:\n",
            """
                codeChanges:
                  - {code: FK, validFrom: 2023-01-01, validTo: 2022-12-31, description: {nb: "Endret"}}
                icd10:
            """);

    assertRefused(
        document,
        "pathways[colorectal].codeChanges[FK]",
        "valid to 2022-12-31 is before valid from 2023-01-01");
  }

  @Test
  void a_norm_valid_to_before_valid_from_is_refused() {
    assertRefused(
        withNorms(
            "- {indicator: OF1, days: 9, dayType: CALENDAR, validFrom: 2021-05-01,"
                + " validTo: 2021-04-30}"),
        "pathways[colorectal].leadTimes[0 OF1]",
        "valid to 2021-04-30 is before valid from 2021-05-01");
  }

  // ------------------------------------------------------------------ lead-time norms

  @ParameterizedTest
  @ValueSource(ints = {-1, 731, 10_000})
  void days_outside_0_to_730_are_refused(int days) {
    assertRefused(
        valid("days: 9,", "days: " + days + ","),
        "pathways[colorectal].leadTimes[0 OF1]",
        "days must be between 0 and 730, was " + days);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 730})
  void days_at_the_ends_of_0_to_730_are_accepted(int days) {
    var catalogue = parse(valid("days: 9,", "days: " + days + ","));

    assertThat(catalogue.pathway("colorectal").orElseThrow().leadTimes())
        .singleElement()
        .extracting(LeadTimeNorm::days)
        .isEqualTo(days);
  }

  @Test
  void a_verified_norm_without_days_is_refused() {
    assertRefused(
        valid("days: 9, ", ""),
        "pathways[colorectal].leadTimes[0 OF1]",
        "a verified norm needs both 'days' and 'dayType'");
  }

  @Test
  void a_verified_norm_without_a_day_type_is_refused() {
    assertRefused(
        valid("dayType: CALENDAR, ", ""),
        "pathways[colorectal].leadTimes[0 OF1]",
        "a verified norm needs both 'days' and 'dayType'");
  }

  @Test
  void an_unverified_norm_without_days_or_day_type_is_accepted_but_not_usable() {
    var catalogue =
        parse(
            withNorms(
                "- {indicator: OF1, days: null, verified: false, note: \"The value was not"
                    + " found.\"}"));

    assertThat(catalogue.pathway("colorectal").orElseThrow().leadTimes())
        .singleElement()
        .satisfies(n -> assertThat(n.usable()).isFalse());
  }

  @Test
  void a_norm_for_an_indicator_the_scheme_does_not_measure_is_refused() {
    assertRefused(
        valid("{indicator: OF1,", "{indicator: OF2,"),
        "pathways[colorectal].leadTimes[0 OF2]",
        "indicator 'OF2' is not measured in scheme CANCER_ORGAN");
  }

  @Test
  void a_norm_for_an_indicator_that_does_not_exist_is_refused() {
    assertRefused(
        valid("{indicator: OF1,", "{indicator: OF9,"),
        "pathways[colorectal].leadTimes[0 OF9]",
        "indicator 'OF9' is not measured in scheme CANCER_ORGAN");
  }

  @Test
  void a_norm_without_an_indicator_is_refused() {
    assertRefused(
        valid("{indicator: OF1, ", "{"),
        "pathways[colorectal].leadTimes[0 null]",
        "needs 'indicator'");
  }

  @Test
  void a_treatment_on_an_indicator_not_measured_per_treatment_is_refused() {
    assertRefused(
        valid("{indicator: OF1,", "{indicator: OF1, treatment: SURGICAL,"),
        "pathways[colorectal].leadTimes[0 OF1]",
        "OF1 is not measured per treatment type");
  }

  @Test
  void a_norm_for_an_unknown_treatment_type_is_refused() {
    assertRefused(
        withNorms("- {indicator: OF3, treatment: SURGERY, days: 14, dayType: CALENDAR}"),
        "pathways[colorectal].leadTimes[0 OF3]",
        "unknown treatment type 'SURGERY'");
  }

  @Test
  void a_norm_for_an_unknown_variant_is_refused() {
    assertRefused(
        valid("{indicator: OF1,", "{indicator: OF1, variant: DAYCARE,"),
        "pathways[colorectal].leadTimes[0 OF1]",
        "unknown variant 'DAYCARE'");
  }

  @Test
  void two_norms_overlapping_in_time_for_the_same_indicator_are_refused() {
    assertRefused(
        withNorms(
            "- {indicator: OF1, days: 7, dayType: CALENDAR, validFrom: 2015-01-01}",
            "- {indicator: OF1, days: 12, dayType: CALENDAR, validFrom: 2021-05-01}"),
        "pathways[colorectal].leadTimes[1 OF1]",
        "overlaps leadTimes[0]");
  }

  @Test
  void two_norms_sharing_a_single_day_are_refused() {
    assertRefused(
        withNorms(
            "- {indicator: OF1, days: 7, dayType: CALENDAR, validFrom: 2015-01-01,"
                + " validTo: 2021-05-01}",
            "- {indicator: OF1, days: 12, dayType: CALENDAR, validFrom: 2021-05-01}"),
        "pathways[colorectal].leadTimes[1 OF1]",
        "overlaps leadTimes[0]");
  }

  @Test
  void consecutive_norms_for_the_same_indicator_are_accepted() {
    var catalogue =
        parse(
            withNorms(
                "- {indicator: OF1, days: 7, dayType: CALENDAR, validFrom: 2015-01-01,"
                    + " validTo: 2021-04-30}",
                "- {indicator: OF1, days: 12, dayType: CALENDAR, validFrom: 2021-05-01}"));
    var pathway = catalogue.pathway("colorectal").orElseThrow();

    assertThat(catalogue.normsFor(pathway, "OF1", LocalDate.of(2021, 4, 30)))
        .singleElement()
        .extracting(LeadTimeNorm::days)
        .isEqualTo(7);
    assertThat(catalogue.normsFor(pathway, "OF1", LocalDate.of(2021, 5, 1)))
        .singleElement()
        .extracting(LeadTimeNorm::days)
        .isEqualTo(12);
  }

  @Test
  void norms_for_different_treatments_or_variants_may_be_in_force_together() {
    assertThatCode(
            () ->
                parse(
                    withNorms(
                        "- {indicator: OF3, treatment: SURGICAL, days: 14, dayType: CALENDAR}",
                        "- {indicator: OF3, treatment: DRUG, days: 10, dayType: CALENDAR}",
                        "- {indicator: OF1, variant: OUTPATIENT, days: 9, dayType: CALENDAR}")))
        .doesNotThrowAnyException();
  }

  @Test
  void a_norm_for_all_treatments_overlaps_a_norm_for_one_treatment() {
    assertRefused(
        withNorms(
            "- {indicator: OF3, treatment: SURGICAL, days: 14, dayType: CALENDAR}",
            "- {indicator: OF3, days: 10, dayType: CALENDAR}"),
        "pathways[colorectal].leadTimes[1 OF3]",
        "overlaps leadTimes[0]");
  }

  @Test
  void a_norm_for_all_variants_overlaps_a_norm_for_one_variant() {
    assertRefused(
        withNorms(
            "- {indicator: OF1, variant: OUTPATIENT, days: 9, dayType: CALENDAR}",
            "- {indicator: OF1, days: 10, dayType: CALENDAR}"),
        "pathways[colorectal].leadTimes[1 OF1]",
        "overlaps leadTimes[0]");
  }

  // ------------------------------------------------------------------ codes

  @Test
  void a_treatment_start_code_without_a_treatment_is_refused() {
    assertRefused(
        valid("treatment: SURGICAL, ", ""),
        "schemes[CANCER_ORGAN].codes[FK]",
        "a treatment-start code needs a known 'treatment', was null");
  }

  @Test
  void a_treatment_start_code_with_an_unknown_treatment_is_refused() {
    assertRefused(
        valid("treatment: SURGICAL,", "treatment: SURGERY,"),
        "schemes[CANCER_ORGAN].codes[FK]",
        "a treatment-start code needs a known 'treatment', was SURGERY");
  }

  @Test
  void a_treatment_on_a_code_that_starts_no_treatment_is_refused() {
    assertRefused(
        valid("{suffix: CK,", "{suffix: CK, treatment: SURGICAL,"),
        "schemes[CANCER_ORGAN].codes[CK]",
        "only treatment-start codes have a 'treatment'");
  }

  @Test
  void closing_codes_without_a_suffix_are_told_apart_by_their_reason() {
    var catalogue =
        parse(
            valid(
                "- {suffix: FK,",
                "- {milestone: PATHWAY_END, closesPathway: true, names: {nb: \"Avslutning\"}}\n"
                    + "      - {milestone: PATHWAY_END, reason: OTHER_REASONS, closesPathway: true,"
                    + " names: {nb: \"Avslutning av andre årsaker\"}}\n"
                    + "      - {suffix: FK,"));
    var pathway = catalogue.pathway("colorectal").orElseThrow();
    assertThat(catalogue.code(pathway, "PATHWAY_END")).isPresent();
    assertThat(catalogue.code(pathway, "PATHWAY_END_OTHER_REASONS"))
        .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("OTHER_REASONS"));
  }

  @Test
  void a_reason_on_a_code_that_closes_nothing_or_in_the_wrong_format_is_refused() {
    assertRefused(
        valid("{suffix: CK,", "{suffix: CK, reason: OTHER_REASONS,"),
        "schemes[CANCER_ORGAN].codes[CK]",
        "only closing codes (PATHWAY_END, TRANSFERRED) have a 'reason'");
    assertThat(
            problems(
                valid(
                    "- {suffix: FK,",
                    "- {milestone: PATHWAY_END, reason: other, names: {nb: \"Avslutning\"}}\n"
                        + "      - {suffix: FK,")))
        .anySatisfy(p -> assertThat(p).contains("reason must be capital letters and '_'"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ck", "CKX", "C1", "\"\""})
  void a_code_suffix_in_the_wrong_format_is_refused(String suffix) {
    assertThat(problems(valid("{suffix: CK,", "{suffix: " + suffix + ",")))
        .anySatisfy(p -> assertThat(p).contains("suffix must be one or two capital letters"));
  }

  @Test
  void a_code_change_for_a_code_the_scheme_lacks_is_refused() {
    var document =
        valid(
            "    icd10:\n",
            """
                codeChanges:
                  - {code: FS, validFrom: 2023-01-01, description: {nb: "Strålebehandling lagt til"}}
                icd10:
            """);

    assertRefused(
        document, "pathways[colorectal].codeChanges[FS]", "scheme CANCER_ORGAN has no code 'FS'");
  }

  @Test
  void a_code_change_limits_the_code_in_its_own_pathway_only() {
    var document =
        valid(
                "    icd10:\n",
                """
                    codeChanges:
                      - {code: FK, validFrom: 2023-01-01, description: {nb: "Kirurgi lagt til"}}
                    icd10:
                """)
            + """
              - id: second
                codePrefix: {value: A13}
                names: {nb: "Et annet forløp"}
                kind: CANCER
                scheme: CANCER_ORGAN
                validFrom: {value: 2015-01-01}
            """;
    var catalogue = parse(document);
    var before = LocalDate.of(2022, 12, 31);

    var changed = catalogue.code(catalogue.pathway("colorectal").orElseThrow(), "FK");
    var unchanged = catalogue.code(catalogue.pathway("second").orElseThrow(), "FK");

    assertThat(changed).hasValueSatisfying(c -> assertThat(c.validOn(before)).isFalse());
    assertThat(unchanged).hasValueSatisfying(c -> assertThat(c.validOn(before)).isTrue());
  }

  // ------------------------------------------------------------------ ICD-10 groups

  @ParameterizedTest
  @ValueSource(strings = {"C1", "18", "CC18", "C18.123", "C18-C20", "\"\""})
  void an_icd10_group_with_a_bad_code_is_refused(String code) {
    assertRefused(
        valid("{from: C18, to: C20}", "{from: " + code + "}"),
        "pathways[colorectal].icd10[0]",
        "'from' is not an ICD-10 code");
  }

  @Test
  void an_icd10_group_with_a_bad_to_is_refused() {
    assertRefused(
        valid("to: C20}", "to: C2X}"),
        "pathways[colorectal].icd10[0]",
        "'to' is not an ICD-10 code");
  }

  @Test
  void an_icd10_group_whose_to_comes_before_its_from_is_refused() {
    assertRefused(
        valid("{from: C18, to: C20}", "{from: C20, to: C18}"),
        "pathways[colorectal].icd10[0]",
        "'to' (C18) comes before 'from' (C20)");
  }

  @Test
  void icd10_codes_are_accepted_with_or_without_the_dot_and_in_lower_case() {
    var catalogue = parse(valid("{from: C18, to: C20}", "{from: c18.0, to: C209}"));

    assertThat(catalogue.pathwaysForIcd10("C19", LocalDate.of(2020, 1, 1)))
        .extracting(PathwayDefinition::id)
        .containsExactly("colorectal");
  }

  // ------------------------------------------------------------------ provenance

  @Test
  void a_verified_norm_without_a_source_is_refused() {
    assertRefused(
        valid(", source: \"https://example.org/of1\"", ""),
        "pathways[colorectal].leadTimes[0 OF1]",
        "is marked verified but names no source");
  }

  @Test
  void a_verified_code_prefix_without_a_source_is_refused() {
    assertRefused(
        valid(
            "{value: A12, verified: true, source: \"https://example.org/a12\"}",
            "{value: A12, verified: true}"),
        "pathways[colorectal].codePrefix",
        "is marked verified but names no source");
  }

  @Test
  void a_verified_start_date_with_a_blank_source_is_refused() {
    assertRefused(
        valid("source: \"https://example.org/start\"", "source: \" \""),
        "pathways[colorectal].validFrom",
        "is marked verified but names no source");
  }

  @Test
  void a_verified_end_date_without_a_source_is_refused() {
    var document =
        valid(
            "    icd10:\n",
            """
                validTo: {value: 2021-04-30, verified: true}
                icd10:
            """);

    assertRefused(
        document, "pathways[colorectal].validTo", "is marked verified but names no source");
  }

  @Test
  void a_verified_code_without_a_source_is_refused() {
    assertRefused(
        valid(", source: \"https://example.org/codes\"", ""),
        "schemes[CANCER_ORGAN].codes[A]",
        "is marked verified but names no source");
  }

  @Test
  void a_verified_indicator_without_a_source_is_refused() {
    assertRefused(
        valid(
            "names: {nb: \"OF2\"}, verified: true, source: \"https://example.org/of\"}",
            "names: {nb: \"OF2\"}, verified: true}"),
        "indicators[OF2]",
        "is marked verified but names no source");
  }

  @Test
  void a_verified_icd10_group_without_a_source_is_refused() {
    assertRefused(
        valid("{from: C18, to: C20}", "{from: C18, to: C20, verified: true}"),
        "pathways[colorectal].icd10[0]",
        "is marked verified but names no source");
  }

  @Test
  void a_verified_former_name_without_a_source_is_refused() {
    var document =
        valid(
            "    kind: CANCER\n",
            """
                formerNames:
                  - {names: {nb: "Pakkeforløp for tarmkreft"}, validTo: 2021-04-30, verified: true}
                kind: CANCER
            """);

    assertRefused(
        document, "pathways[colorectal].formerNames[0]", "is marked verified but names no source");
  }

  @Test
  void a_former_name_without_a_norwegian_name_is_refused() {
    var document =
        valid(
            "    kind: CANCER\n",
            """
                formerNames:
                  - {names: {en: "Bowel cancer pathway"}, validTo: 2021-04-30}
                kind: CANCER
            """);

    assertRefused(document, "pathways[colorectal].formerNames[0]", "needs a Norwegian name ('nb')");
  }

  @Test
  void an_unverified_value_needs_no_source() {
    var document =
        valid("{value: A12, verified: true, source: \"https://example.org/a12\"}", "{value: A12}");

    assertThat(parse(document).pathway("colorectal").orElseThrow().codePrefix())
        .isEqualTo(new Sourced<>("A12", false, null, null));
  }

  // ------------------------------------------------------------------ every problem at once

  @Test
  void every_problem_in_a_document_is_reported_at_once() {
    var document =
        replace(
            valid("scheme: CANCER_ORGAN\n", "scheme: CANCER_ORGAN\n")
                .replace("days: 9", "days: 999"),
            "{from: C18, to: C20}",
            "{from: C20, to: C18}");

    assertThat(problems(document))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("pathways[colorectal].icd10[0]: "))
        .anySatisfy(p -> assertThat(p).startsWith("pathways[colorectal].leadTimes[0 OF1]: "));
  }
}

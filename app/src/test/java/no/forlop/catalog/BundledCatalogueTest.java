package no.forlop.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Objects;
import no.forlop.calendar.DayType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BundledCatalogueTest {

  /**
   * A fixed day in the catalogue's current period (its last change of validity is 1 January 2023),
   * not the day the test runs: the same catalogue passes or fails on every day.
   */
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

  private static final LocalDate REMOVAL = LocalDate.of(2021, 5, 1);

  private static Catalogue catalogue;

  @BeforeAll
  static void parse_the_bundled_catalogue() throws IOException {
    try (var in =
        BundledCatalogueTest.class.getClassLoader().getResourceAsStream("catalog/catalogue.yaml")) {
      assertThat(in).as("catalog/catalogue.yaml on the classpath").isNotNull();
      catalogue = CatalogueParser.parse(in.readAllBytes());
    }
  }

  private static PathwayDefinition pathway(String id) {
    return catalogue.pathway(id).orElseThrow(() -> new AssertionError("no pathway " + id));
  }

  @Test
  void the_bundled_catalogue_parses_and_has_a_version_and_a_checksum() {
    assertThat(catalogue.version()).isNotBlank();
    assertThat(catalogue.checksum()).matches("[0-9a-f]{64}");
  }

  @Test
  void it_holds_twenty_four_organ_specific_cancer_pathways_in_force_today() {
    var inForce =
        catalogue.pathways().stream()
            .filter(p -> p.kind() == PathwayKind.CANCER && p.validOn(TODAY))
            .toList();

    assertThat(inForce).hasSize(24);
    assertThat(inForce).allSatisfy(p -> assertThat(p.scheme()).isEqualTo("CANCER_ORGAN"));
  }

  @Test
  void the_two_pathways_removed_on_1_may_2021_were_valid_to_30_april_2021() {
    var removed =
        catalogue.pathways().stream()
            .filter(p -> p.kind() == PathwayKind.CANCER && !p.validOn(TODAY))
            .toList();

    assertThat(removed)
        .extracting(PathwayDefinition::id, p -> p.validTo().value())
        .containsExactlyInAnyOrder(
            tuple("acute-leukaemia-mds", REMOVAL.minusDays(1)), tuple("cll", REMOVAL.minusDays(1)));
    assertThat(removed)
        .allSatisfy(
            p -> {
              assertThat(p.validOn(REMOVAL.minusDays(1))).isTrue();
              assertThat(p.validOn(REMOVAL)).isFalse();
            });
  }

  @Test
  void it_holds_the_metastases_and_the_diagnostic_pathway() {
    assertThat(catalogue.pathways())
        .filteredOn(p -> !p.kind().equals(PathwayKind.CANCER) && p.kind().isCancer())
        .extracting(p -> p.codePrefix().value(), PathwayDefinition::kind, PathwayDefinition::scheme)
        .containsExactlyInAnyOrder(
            tuple("B01", PathwayKind.METASTASES, "METASTASES"),
            tuple("C01", PathwayKind.DIAGNOSTIC, "DIAGNOSTIC"));
  }

  @Test
  void it_holds_seven_mental_health_and_substance_use_pathways() {
    assertThat(catalogue.pathways())
        .filteredOn(p -> !p.kind().isCancer())
        .allSatisfy(p -> assertThat(p.scheme()).isEqualTo("MENTAL_HEALTH_SUBSTANCE_USE"))
        .extracting(PathwayDefinition::id, p -> p.codePrefix().value(), PathwayDefinition::kind)
        .containsExactlyInAnyOrder(
            tuple("mh-adults", "D11", PathwayKind.MENTAL_HEALTH),
            tuple("mh-children-young", "D12", PathwayKind.MENTAL_HEALTH),
            tuple("substance-use", "D01", PathwayKind.SUBSTANCE_USE),
            tuple("psychosis", null, PathwayKind.MENTAL_HEALTH),
            tuple("eating-disorders-young", null, PathwayKind.MENTAL_HEALTH),
            tuple("ocd", null, PathwayKind.MENTAL_HEALTH),
            tuple("pregnant-substances", null, PathwayKind.SUBSTANCE_USE));
  }

  @Test
  void it_holds_no_other_pathways() {
    assertThat(catalogue.pathways()).hasSize(24 + 2 + 2 + 7);
  }

  @ParameterizedTest
  @CsvSource({
    "A12, colorectal",
    "A16, prostate",
    "A21, ovarian",
    "A32, oesophagus-stomach",
    "A36, sarcoma",
    "A37, thyroid",
    "B01, metastases",
    "C01, diagnostic",
    "D01, substance-use",
    "D11, mh-adults",
    "D12, mh-children-young"
  })
  void a_verified_code_prefix_resolves_to_its_pathway(String prefix, String id) {
    var pathway = catalogue.pathwayByPrefix(prefix, TODAY).orElseThrow();

    assertThat(pathway.id()).isEqualTo(id);
    assertThat(pathway.codePrefix().verified()).isTrue();
    assertThat(pathway.codePrefix().source()).isNotBlank();
    var resolved = catalogue.resolve(prefix + "CI", TODAY).orElseThrow();
    assertThat(resolved.pathway().id()).isEqualTo(id);
    assertThat(resolved.code().suffix()).isEqualTo("CI");
    assertThat(resolved.code().milestone()).isEqualTo(Milestone.CLINICAL_DECISION);
  }

  @Test
  void a12ck_is_colorectal_cancer_confirmed_with_treatment_decided() {
    var resolved = catalogue.resolve("A12CK", TODAY).orElseThrow();

    assertThat(resolved.pathway().id()).isEqualTo("colorectal");
    assertThat(resolved.code().suffix()).isEqualTo("CK");
    assertThat(resolved.code().milestone()).isEqualTo(Milestone.CLINICAL_DECISION);
    assertThat(resolved.code().permitsTreatment()).isTrue();
    assertThat(resolved.code().closesPathway()).isFalse();
    assertThat(resolved.code().verified()).isTrue();
    assertThat(catalogue.officialCode(resolved.pathway(), resolved.code())).contains("A12CK");
  }

  @ParameterizedTest
  @ValueSource(strings = {"A12", "A1", "", "A12ZZ", "Z99CK"})
  void a_code_that_is_too_short_or_unknown_does_not_resolve(String code) {
    assertThat(catalogue.resolve(code, TODAY)).isEmpty();
  }

  @Test
  void thyroid_cancer_c73_belongs_to_the_thyroid_pathway() {
    assertThat(catalogue.pathwaysForIcd10("C73", TODAY))
        .extracting(PathwayDefinition::id, p -> p.codePrefix().value())
        .containsExactly(tuple("thyroid", "A37"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"C18.7", "C187", "c18.7", "C18", "C20", "C21", "C21.1"})
  void colon_rectum_and_anal_cancer_belong_to_the_colorectal_pathway(String icd10) {
    assertThat(catalogue.pathwaysForIcd10(icd10, TODAY))
        .extracting(PathwayDefinition::id)
        .containsExactly("colorectal");
  }

  @Test
  void a_pathway_that_was_removed_is_not_found_by_icd10_after_its_removal() {
    assertThat(catalogue.pathwaysForIcd10("C91.1", REMOVAL.minusDays(1)))
        .extracting(PathwayDefinition::id)
        .containsExactly("cll");
    assertThat(catalogue.pathwaysForIcd10("C91.1", REMOVAL)).isEmpty();
  }

  @Test
  void breast_of2_was_7_days_until_april_2021_and_12_days_from_1_may_2021() {
    var breast = pathway("breast");

    assertThat(catalogue.normsFor(breast, "OF2", LocalDate.of(2021, 4, 15)))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.days()).isEqualTo(7);
              assertThat(n.dayType()).isEqualTo(DayType.CALENDAR);
            });
    assertThat(catalogue.normsFor(breast, "OF2", LocalDate.of(2021, 4, 30)))
        .singleElement()
        .extracting(LeadTimeNorm::days)
        .isEqualTo(7);
    assertThat(catalogue.normsFor(breast, "OF2", REMOVAL))
        .singleElement()
        .extracting(LeadTimeNorm::days)
        .isEqualTo(12);
    assertThat(catalogue.normsFor(breast, "OF2", TODAY))
        .singleElement()
        .extracting(LeadTimeNorm::days)
        .isEqualTo(12);
  }

  @Test
  void radiotherapy_is_a_treatment_for_myeloma_only_from_1_january_2023() {
    var myeloma = pathway("myeloma");
    var fs = catalogue.code(myeloma, "FS").orElseThrow();

    assertThat(fs.treatment()).isEqualTo("RADIOTHERAPY");
    assertThat(fs.validOn(LocalDate.of(2022, 12, 31))).isFalse();
    assertThat(fs.validOn(LocalDate.of(2023, 1, 1))).isTrue();
    assertThat(fs.validOn(TODAY)).isTrue();
  }

  @Test
  void the_myeloma_change_does_not_touch_the_scheme_or_other_pathways() {
    var before = LocalDate.of(2022, 12, 31);

    assertThat(catalogue.schemeOf(pathway("myeloma")).code("FS").orElseThrow().validOn(before))
        .isTrue();
    assertThat(catalogue.code(pathway("colorectal"), "FS").orElseThrow().validOn(before)).isTrue();
    assertThat(catalogue.code(pathway("myeloma"), "FK").orElseThrow().validOn(before)).isTrue();
  }

  @Test
  void every_norm_marked_verified_has_days_a_day_type_and_a_source() {
    var verified =
        catalogue.pathways().stream()
            .flatMap(p -> p.leadTimes().stream())
            .filter(LeadTimeNorm::verified)
            .toList();

    assertThat(verified).isNotEmpty();
    assertThat(verified)
        .allSatisfy(
            n -> {
              assertThat(n.days()).isNotNull().isBetween(0, 730);
              assertThat(n.dayType()).isNotNull();
              assertThat(n.source()).isNotBlank();
              assertThat(n.usable()).isTrue();
            });
  }

  @Test
  void no_code_prefix_is_used_by_two_pathways_in_overlapping_periods() {
    var withPrefix = catalogue.pathways().stream().filter(p -> p.prefix().isPresent()).toList();

    assertThat(withPrefix).isNotEmpty();
    for (var a : withPrefix) {
      for (var b : withPrefix) {
        if (a != b && Objects.equals(a.prefix(), b.prefix())) {
          var aEndsBeforeB = endsBefore(a.validTo().value(), b.validFrom().value());
          var bEndsBeforeA = endsBefore(b.validTo().value(), a.validFrom().value());
          assertThat(aEndsBeforeB || bEndsBeforeA)
              .as("%s and %s share %s", a.id(), b.id(), a.prefix().get())
              .isTrue();
        }
      }
    }
  }

  private static boolean endsBefore(LocalDate end, LocalDate start) {
    return end != null && start != null && end.isBefore(start);
  }

  @Test
  void every_lead_time_norm_refers_to_an_indicator_of_its_pathways_scheme() {
    for (var pathway : catalogue.pathways()) {
      var indicators = catalogue.schemeOf(pathway).indicators();
      assertThat(pathway.leadTimes())
          .as(pathway.id())
          .allSatisfy(n -> assertThat(indicators).contains(n.indicator()));
    }
  }

  @Test
  void every_pathway_uses_a_scheme_of_the_catalogue_and_every_code_is_in_its_scheme() {
    for (var pathway : catalogue.pathways()) {
      var scheme = catalogue.schemeOf(pathway);
      assertThat(scheme).as(pathway.id()).isNotNull();
      assertThat(catalogue.codesOf(pathway))
          .as(pathway.id())
          .extracting(CodeDefinition::key)
          .containsExactlyElementsOf(scheme.codes().stream().map(CodeDefinition::key).toList());
    }
  }
}

package no.forlop.catalog.codelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import no.forlop.catalog.Catalogue;
import no.forlop.catalog.CatalogueParser;
import no.forlop.catalog.codelist.CodeListMatch.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading the two forms of an official code list, and matching its prefixes to pathways. */
class CodeListImportTest {

  private static Catalogue catalogue;

  @BeforeAll
  static void bundled() throws IOException {
    catalogue = CatalogueParser.parse(resource("/catalog/catalogue.yaml"));
  }

  private static byte[] resource(String name) throws IOException {
    try (var in = CodeListImportTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  private static CodeList text(String content) {
    return CodeListReader.read(content.getBytes(StandardCharsets.UTF_8), "test.csv");
  }

  @Test
  void a_fhir_code_system_is_read_with_its_nested_concepts_and_its_identity() throws IOException {
    var list =
        CodeListReader.read(resource("/codelist/fictional-8480.json"), "fictional-8480.json");

    assertThat(list.format()).isEqualTo(CodeList.Format.FHIR_CODE_SYSTEM);
    assertThat(list.system()).isEqualTo("urn:oid:2.16.578.1.12.4.1.1.8480");
    assertThat(list.version()).isEqualTo("TEST-1");
    assertThat(list.title()).isEqualTo("Pakkeforløp for kreft (FIKTIV testutgave)");
    assertThat(list.entries())
        .extracting(CodeList.Entry::code)
        .containsExactly(
            "Z91A", "Z91S", "Z91CK", "Z92", "Z92A", "Z92O", "A12A", "Z93A", "Z94A", "Z95A");
    assertThat(list.entries().get(4).where()).isEqualTo("CodeSystem.concept[3].concept[0]");
  }

  @Test
  void a_plain_export_is_read_with_header_quotes_and_blank_lines() throws IOException {
    var list = CodeListReader.read(resource("/codelist/fictional-8480.csv"), "fictional-8480.csv");

    assertThat(list.format()).isEqualTo(CodeList.Format.CODE_TEXT);
    assertThat(list.system()).isNull();
    assertThat(list.entries())
        .extracting(CodeList.Entry::code, CodeList.Entry::text, CodeList.Entry::where)
        .containsExactly(
            tuple("Z96A", "Pakkeforløp for nyrekreft – start", "line 2"),
            tuple("Z96S", "Pakkeforløp for nyrekreft; utredning start", "line 3"),
            tuple("Z96QQ", "Pakkeforløp for nyrekreft – fiktiv hendelse", "line 4"),
            tuple("Z97A", "Pakkeforløp for føflekkreft – start", "line 6"));
  }

  @Test
  void a_plain_export_without_header_and_with_a_byte_order_mark_reads_its_first_line() {
    var list = text("\uFEFFZ96A;Pakkeforløp for nyrekreft – start;ekstra kolonne\r\n");

    assertThat(list.entries())
        .extracting(CodeList.Entry::code, CodeList.Entry::text)
        .containsExactly(tuple("Z96A", "Pakkeforløp for nyrekreft – start"));
  }

  @Test
  void a_file_with_any_bad_line_is_refused_whole_with_every_line_named() {
    assertThatThrownBy(
            () -> text("Kode;Tekst\nZ96A;Nyrekreft\nz96s;Nyrekreft\nZ96O\nZ96A;igjen\nZ96X;\n"))
        .isInstanceOfSatisfying(
            InvalidCodeListException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "line 4: no ';' between code and text",
                        "line 3: 'z96s' is not a pathway code (a capital letter, two digits and up"
                            + " to three capital letters, e.g. A12CK)",
                        "line 5: Z96A again (first at line 2)",
                        "line 6: Z96X has no text"));
  }

  @Test
  void files_that_are_empty_not_utf8_or_not_a_code_system_are_refused() {
    assertThatThrownBy(() -> text("  \n"))
        .isInstanceOfSatisfying(
            InvalidCodeListException.class,
            e -> assertThat(e.problems()).containsExactly("the file is empty"));
    assertThatThrownBy(() -> text("Kode;Tekst\n"))
        .isInstanceOfSatisfying(
            InvalidCodeListException.class,
            e -> assertThat(e.problems()).containsExactly("the file holds no codes"));
    var latin1 = "Z96A;Pakkeforløp for nyrekreft".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> CodeListReader.read(latin1, "latin1.csv"))
        .isInstanceOfSatisfying(
            InvalidCodeListException.class,
            e -> assertThat(e.problems().get(0)).startsWith("the file is not UTF-8"));
    var valueSet = "{\"resourceType\": \"ValueSet\", \"status\": \"draft\"}";
    assertThatThrownBy(
            () -> CodeListReader.read(valueSet.getBytes(StandardCharsets.UTF_8), "vs.json"))
        .isInstanceOfSatisfying(
            InvalidCodeListException.class,
            e -> assertThat(e.problems().get(0)).startsWith("not a FHIR R4 CodeSystem in JSON"));
    var unknownElement =
        "{\"resourceType\": \"CodeSystem\", \"status\": \"draft\", \"content\": \"complete\","
            + " \"colour\": \"red\", \"concept\": [{\"code\": \"Z91A\", \"display\": \"x\"}]}";
    assertThatThrownBy(
            () -> CodeListReader.read(unknownElement.getBytes(StandardCharsets.UTF_8), "cs.json"))
        .isInstanceOf(InvalidCodeListException.class);
  }

  @Test
  void unknown_prefixes_are_given_to_the_one_pathway_their_texts_name_and_the_rest_reported()
      throws IOException {
    var list =
        CodeListReader.read(resource("/codelist/fictional-8480.json"), "fictional-8480.json");

    var match = CodeListMatch.of(list, catalogue.document());

    assertThat(match.filled())
        .extracting(CodeListMatch.Filled::pathway, CodeListMatch.Filled::prefix)
        .containsExactly(tuple("breast", "Z91"), tuple("lung", "Z92"));
    assertThat(match.filled().get(1).codes()).containsExactly("Z92", "Z92A", "Z92O");
    assertThat(match.confirmed())
        .extracting(CodeListMatch.Confirmed::pathway, CodeListMatch.Confirmed::prefix)
        .containsExactly(tuple("colorectal", "A12"));
    assertThat(match.findings())
        .extracting(CodeListMatch.Finding::kind, CodeListMatch.Finding::prefix)
        .containsExactly(
            tuple(Kind.NO_PATHWAY_NAMED, "Z93"),
            tuple(Kind.SEVERAL_PATHWAYS_NAMED, "Z94"),
            tuple(Kind.PREFIX_CONFLICT, "Z95"));
    assertThat(match.findings().get(1).pathways()).containsExactlyInAnyOrder("bladder", "kidney");
    assertThat(match.findings().get(2).detail())
        .isEqualTo("the texts of Z95 name colorectal, which the catalogue codes A12");
  }

  @Test
  void a_former_name_counts_and_a_suffix_outside_the_scheme_is_reported() throws IOException {
    var list = CodeListReader.read(resource("/codelist/fictional-8480.csv"), "fictional-8480.csv");

    var match = CodeListMatch.of(list, catalogue.document());

    assertThat(match.filled())
        .extracting(CodeListMatch.Filled::pathway, CodeListMatch.Filled::prefix)
        .containsExactly(tuple("kidney", "Z96"), tuple("melanoma", "Z97"));
    assertThat(match.findings())
        .extracting(CodeListMatch.Finding::kind, f -> f.codes().get(0))
        .containsExactly(tuple(Kind.UNKNOWN_SUFFIX, "Z96QQ"));
  }

  @Test
  void two_prefixes_naming_one_pathway_fill_neither() {
    var list = text("Z91A;Pakkeforløp for brystkreft – start\nZ98A;Pakkeforløp for brystkreft\n");

    var match = CodeListMatch.of(list, catalogue.document());

    assertThat(match.filled()).isEmpty();
    assertThat(match.findings())
        .extracting(CodeListMatch.Finding::kind, CodeListMatch.Finding::prefix)
        .containsExactly(
            tuple(Kind.PATHWAY_NAMED_BY_SEVERAL_PREFIXES, "Z91"),
            tuple(Kind.PATHWAY_NAMED_BY_SEVERAL_PREFIXES, "Z98"));
  }

  @Test
  void a_prefix_whose_texts_disagree_is_reported_not_split() {
    var list = text("Z91A;Pakkeforløp for brystkreft – start\nZ91S;Utredning start\n");

    var match = CodeListMatch.of(list, catalogue.document());

    assertThat(match.filled()).isEmpty();
    assertThat(match.findings())
        .extracting(CodeListMatch.Finding::kind, CodeListMatch.Finding::detail)
        .containsExactly(
            tuple(
                Kind.SEVERAL_PATHWAYS_NAMED,
                "the texts of [Z91S] name no pathway, the others [breast]"));
  }

  @Test
  void the_longer_name_wins_where_one_pathway_name_is_part_of_another() {
    // "kreft i spiserør og magesekk" holds no other pathway's name; "livmorkreft" is not in
    // "livmorhalskreft"
    assertThat(
            CodeListMatch.named(
                "Pakkeforløp for livmorhalskreft – start", catalogue.document().pathways()))
        .containsExactly("cervical");
    assertThat(
            CodeListMatch.named(
                "Pakkeforløp for livmorkreft – start", catalogue.document().pathways()))
        .containsExactly("uterine");
    assertThat(CodeListMatch.named("Lymfom", catalogue.document().pathways())).isEmpty();
  }

  @Test
  void the_catalogue_document_survives_json_and_back_unchanged() {
    var json = CodeListImports.JSON.writeValueAsBytes(catalogue.document());

    assertThat(CatalogueParser.parse(json).document()).isEqualTo(catalogue.document());
  }
}

package no.forlop.coordinator.pathwaypage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.forlop.access.Actor;
import no.forlop.catalog.CatalogueService;
import no.forlop.catalog.codelist.CodeListImports;
import no.forlop.coding.DerivingCodes;
import no.forlop.coordinator.PageSupport;
import no.forlop.pathway.ChangeResult;
import no.forlop.pathway.CodeState;
import no.forlop.pathway.CreatePathway;
import no.forlop.pathway.Origin;
import no.forlop.pathway.PathwayView;
import no.forlop.pathway.RegisterCode;
import no.forlop.pathway.Rejection;
import no.forlop.pathway.Remark;
import no.forlop.testing.TestPatients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A pathway whose code prefix the catalogue lacks (breast in the bundled catalogue): its codes are
 * flagged "kode mangler i katalogen", a proposal cannot be confirmed as if complete (the Bekreft
 * action gives way to the reason), and once a code list fills the prefix the same codes are
 * complete and the proposal can be confirmed.
 */
class CodeMissingFromCatalogueIT extends PageSupport {

  private static final String UNIT = "910000012";
  private static final Actor KARI = new Actor("kari", "PATIENT_CARE", Set.of(UNIT));
  private static final Actor ADMIN = new Actor("admin", "ADMINISTRATION", Set.of(UNIT));

  @Autowired CatalogueService catalogues;
  @Autowired CodeListImports codeLists;

  /** A breast pathway: start registered by hand 2 Dec, first attendance proposed 5 Dec. */
  private PathwayView breastWithProposal() {
    var id =
        pathways.create(CreatePathway.of(TestPatients.next(), "breast", UNIT, null), KARI).id();
    assertThat(pathways.register(id, RegisterCode.manual("A", LocalDate.parse("2024-12-02")), KARI))
        .isInstanceOf(ChangeResult.Changed.class);
    var proposed =
        pathways.register(
            id,
            new RegisterCode(
                "S",
                LocalDate.parse("2024-12-05"),
                CodeState.PROPOSED,
                Origin.derived("test-rule", "1", List.of("Encounter/e1"), Map.of()),
                null,
                null,
                null,
                Remark.written("test")),
            DerivingCodes.DERIVATION);
    assertThat(proposed).isInstanceOf(ChangeResult.Changed.class);
    return pathways.get(id, null, KARI);
  }

  private static PathwayView.Code byKey(PathwayView view, String key) {
    return view.codes().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
  }

  @Test
  void codes_without_a_prefix_are_flagged_and_the_proposal_shows_why_instead_of_bekreft()
      throws Exception {
    var view = breastWithProposal();
    var proposal = byKey(view, "S");
    assertThat(proposal.code()).isNull();
    assertThat(proposal.confirmRefused().reason()).isEqualTo(Rejection.Reason.CODE_PREFIX_UNKNOWN);

    var page = open(page(view.id()), "kari");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("Kode mangler i katalogen", "badge-incomplete")
        .contains("Kan ikke bekreftes ennå: S (05.12.2024): forløpskatalogen")
        .contains("har ikke kodeprefikset for Pakkeforløp for brystkreft")
        .doesNotContain("Bekreft S")
        .doesNotContain("id=\"confirm-" + proposal.registration().value() + "\"");
    assertThat(open(page(view.id()) + "?lang=en", "kari").body())
        .contains("Code missing from the catalogue")
        .doesNotContain("Kode mangler i katalogen");

    // the action itself is refused too, and the proposal stays
    var answer = submit(page(view.id()) + "/codes/" + proposal.registration() + "/confirm", "kari");
    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.body()).contains("koden er ufullstendig (kode mangler i katalogen)");
    assertThat(byKey(pathways.get(view.id(), null, KARI), "S").state())
        .isEqualTo(CodeState.PROPOSED);
  }

  @Test
  void a_pathway_with_a_known_prefix_is_not_flagged() throws Exception {
    var id =
        pathways.create(CreatePathway.of(TestPatients.next(), "colorectal", UNIT, null), KARI).id();
    pathways.register(id, RegisterCode.manual("A12A", LocalDate.parse("2024-12-02")), KARI);

    assertThat(open(page(id), "kari").body())
        .contains("A12A")
        .doesNotContain("Kode mangler i katalogen");
  }

  @Test
  void once_a_code_list_fills_the_prefix_the_same_codes_are_complete_and_can_be_confirmed()
      throws Exception {
    var view = breastWithProposal();
    var before = catalogues.current().version();
    try {
      codeLists.importList(
          "Z91A;Pakkeforløp for brystkreft – start\n".getBytes(StandardCharsets.UTF_8),
          new CodeListImports.Request("fictional.csv", null, "it-missing-prefix", false),
          ADMIN);

      var filled = pathways.get(view.id(), null, KARI);
      assertThat(byKey(filled, "A").code()).isEqualTo("Z91A");
      assertThat(byKey(filled, "S").code()).isEqualTo("Z91S");
      assertThat(byKey(filled, "S").confirmRefused()).isNull();
      assertThat(open(page(view.id()), "kari").body())
          .contains("Bekreft Z91S")
          .doesNotContain("Kode mangler i katalogen");
    } finally {
      catalogues.activate(before, ADMIN);
    }
  }
}
